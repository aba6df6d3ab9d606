/**
 * Recognises a UTF-16 file from its first bytes: a byte order mark, or ASCII with a NUL byte
 * after (little-endian) or before (big-endian) each character. UTF-8 JSON never holds a NUL
 * byte, so the pattern is reliable; without this, such a file is a cascade of "invalid UTF-8"
 * and "unexpected U+0000" errors that never name the cause.
 */

export interface Utf16 {
    readonly encoding: 'utf-16le' | 'utf-16be';
    readonly bom: boolean;
}

/** How many leading characters must follow the NUL pattern (fewer when the file is shorter). */
const SNIFF_CHARS = 4;

/** Bytes enough to recognise UTF-16. */
export const SNIFF_BYTES = 2 + 2 * SNIFF_CHARS;

function isAscii(code: number | undefined): boolean {
    return code !== undefined && code > 0 && code < 0x80;
}

/** UTF-16 recognised from the first bytes of a file, or undefined. */
export function utf16FromBytes(head: Uint8Array): Utf16 | undefined {
    if (head[0] === 0xff && head[1] === 0xfe) {
        return { encoding: 'utf-16le', bom: true };
    }
    if (head[0] === 0xfe && head[1] === 0xff) {
        return { encoding: 'utf-16be', bom: true };
    }
    const pairs = Math.min(SNIFF_CHARS, Math.floor(head.length / 2));
    if (pairs < 1) {
        return undefined;
    }
    let little = true;
    let big = true;
    for (let i = 0; i < pairs; i++) {
        const first = head[2 * i];
        const second = head[2 * i + 1];
        little &&= isAscii(first) && second === 0;
        big &&= first === 0 && isAscii(second);
    }
    if (little) {
        return { encoding: 'utf-16le', bom: false };
    }
    return big ? { encoding: 'utf-16be', bom: false } : undefined;
}

/** What UTF-8 decoding makes of a UTF-16 byte order mark: two replacement characters. */
const MANGLED_BOM = '\uFFFD\uFFFD';

/**
 * UTF-16 bytes that were decoded as UTF-8 (an editor's text): every other character of the start
 * is U+0000 between ASCII characters, after the remains of a byte order mark if there was one.
 */
export function utf16FromText(text: string): Utf16 | undefined {
    const bom = text.startsWith(MANGLED_BOM);
    const start = bom ? MANGLED_BOM.length : 0;
    const available = text.length - start;
    const units = Math.min(2 * SNIFF_CHARS, available - (available % 2));
    if (units < 2) {
        return undefined;
    }
    const head = new Uint8Array(units);
    for (let i = 0; i < units; i++) {
        const code = text.charCodeAt(start + i);
        head[i] = code < 0x80 ? code : 0xff;
    }
    const found = utf16FromBytes(head);
    return found?.bom === false ? { encoding: found.encoding, bom } : undefined;
}

/** "UTF-16 LE (byte order mark FF FE)", for messages. */
export function describeUtf16(found: Utf16): string {
    const order = found.encoding === 'utf-16le' ? 'LE' : 'BE';
    const mark = found.encoding === 'utf-16le' ? 'FF FE' : 'FE FF';
    return found.bom
        ? `UTF-16 ${order} (byte order mark ${mark})`
        : `UTF-16 ${order} (a NUL byte ${order === 'LE' ? 'after' : 'before'} each ASCII ` +
              'character)';
}

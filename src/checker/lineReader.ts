/**
 * Streams a file as lines with memory that does not grow with the file: two reused read buffers
 * (one filling while the other is checked), lines decoded straight out of them, and only a line
 * that spans two reads copied. Lines are split on LF; a CR before it is dropped; a UTF-8 BOM at
 * the start is reported and skipped. A UTF-16 file is reported once and its decoded text is
 * split the same way (textLines.ts), so its records are still checked.
 */
import { isUtf8 } from 'node:buffer';
import type { FileHandle } from 'node:fs/promises';
import { SNIFF_BYTES, utf16FromBytes, type Utf16 } from './encoding';
import { openInputFile } from './inputFile';
import { TextLines, type TextLinesOptions, type TextPosition } from './textLines';

export interface LineHandler {
    byteOrderMark(): void;
    /** The file is UTF-16; `decoded`: its lines follow, decoded (else they cannot be read). */
    utf16(found: Utf16, decoded: boolean): void;
    /** `byteEnd`: file offset just past the line break. */
    line(text: string, lineNumber: number, byteEnd: number, invalidUtf8: boolean): void;
    /** `bareCr`: the line holds a CR that no LF follows (classic Mac line endings). */
    longLine(lineNumber: number, byteLength: number, byteEnd: number, bareCr: boolean): void;
}

export interface ReadOptions {
    /** At least 4, so the first read holds a whole BOM. */
    readonly chunkBytes: number;
    readonly maxLineBytes: number;
    readonly signal?: AbortSignal | undefined;
    /** After each read, with the bytes of this file read so far. */
    readonly onChunk?: ((bytesRead: number) => void) | undefined;
}

const LF = 0x0a;
const CR = 0x0d;

function hasBom(view: Buffer): boolean {
    return view.length >= 3 && view[0] === 0xef && view[1] === 0xbb && view[2] === 0xbf;
}

/**
 * Reads `path` line by line into `handler`; resolves with the file's size in bytes. Rejects with
 * an InputFileError, without waiting, when the path is not a regular file.
 */
export async function readLines(
    path: string,
    handler: LineHandler,
    options: ReadOptions,
): Promise<number> {
    const handle = await openInputFile(path);
    try {
        const head = Buffer.alloc(SNIFF_BYTES);
        const { bytesRead } = await handle.read(head, 0, head.length, 0);
        const utf16 = utf16FromBytes(head.subarray(0, bytesRead));
        if (utf16 !== undefined) {
            handler.utf16(utf16, true);
            return await readUtf16(handle, utf16, handler, options);
        }
        return await readFrom(handle, handler, options);
    } finally {
        await handle.close();
    }
}

/**
 * A CR inside `bytes` (part of a line) that no LF follows. A CR at the very end is left out: it
 * is the line's own CR before its LF, or its LF starts the next piece.
 */
function hasBareCr(bytes: Buffer): boolean {
    const cr = bytes.indexOf(CR);
    return cr >= 0 && cr < bytes.length - 1;
}

/** Carries the start of a line from one read to the next. */
class PartialLine {
    private parts: Buffer[] = [];
    bytes = 0;
    /** Past maxLineBytes: only the length is kept. */
    tooLong = false;
    /** A CR not followed by LF was seen before the last piece. */
    bareCr = false;
    /** The last piece ended with a CR: bare unless the next piece starts the line break. */
    lastWasCr = false;

    get empty(): boolean {
        return this.bytes === 0 && !this.tooLong;
    }

    append(piece: Buffer, maxLineBytes: number): void {
        this.bareCr ||= this.bytes > 0 && this.lastWasCr;
        this.bareCr ||= hasBareCr(piece);
        this.lastWasCr = piece[piece.length - 1] === CR;
        this.bytes += piece.length;
        if (this.tooLong || this.bytes > maxLineBytes) {
            this.tooLong = true;
            this.parts = [];
        } else {
            this.parts.push(Buffer.from(piece));
        }
    }

    take(last: Buffer): Buffer {
        const whole = Buffer.concat([...this.parts, last]);
        this.reset();
        return whole;
    }

    reset(): void {
        this.parts = [];
        this.bytes = 0;
        this.tooLong = false;
        this.bareCr = false;
        this.lastWasCr = false;
    }
}

async function readFrom(
    handle: FileHandle,
    handler: LineHandler,
    options: ReadOptions,
): Promise<number> {
    const { chunkBytes, maxLineBytes, signal } = options;
    // Two buffers: the next read runs on the thread pool while this one's lines are checked.
    let filling = Buffer.allocUnsafe(chunkBytes);
    let spare = Buffer.allocUnsafe(chunkBytes);
    const partial = new PartialLine();
    let lineNumber = 0;
    let offset = 0;
    let reading = handle.read(filling, 0, chunkBytes, 0);
    try {
        for (;;) {
            const { bytesRead } = await reading;
            if (bytesRead === 0) {
                break;
            }
            const chunk = filling;
            filling = spare;
            spare = chunk;
            reading = handle.read(filling, 0, chunkBytes, offset + bytesRead);
            signal?.throwIfAborted();
            processChunk(bytesRead === chunkBytes ? chunk : chunk.subarray(0, bytesRead));
            offset += bytesRead;
            options.onChunk?.(offset);
        }
    } catch (error) {
        // Let the read in flight finish before the caller closes the file.
        await reading.catch(() => undefined);
        throw error;
    }
    if (!partial.empty) {
        lineNumber++;
        finishPartialLine(partial, Buffer.alloc(0), lineNumber, offset);
    }
    return offset;

    function processChunk(view: Buffer): void {
        let start = 0;
        if (offset === 0 && hasBom(view)) {
            handler.byteOrderMark();
            start = 3;
        }
        const lastLf = view.lastIndexOf(LF);
        let lf = lastLf < start ? -1 : view.indexOf(LF, start);
        if (lf >= 0 && !partial.empty) {
            lineNumber++;
            finishPartialLine(partial, view.subarray(start, lf), lineNumber, offset + lf + 1);
            start = lf + 1;
            lf = view.indexOf(LF, start);
        }
        // Validate all whole lines of this read at once; only look closer when that fails.
        const chunkValid = lastLf < start || isUtf8(view.subarray(start, lastLf));
        while (lf >= 0 && lf <= lastLf) {
            lineNumber++;
            const length = lf - start;
            if (length > maxLineBytes) {
                const bareCr = hasBareCr(view.subarray(start, lf));
                handler.longLine(lineNumber, length, offset + lf + 1, bareCr);
            } else {
                const end = length > 0 && view[lf - 1] === CR ? lf - 1 : lf;
                const invalid = !chunkValid && !isUtf8(view.subarray(start, end));
                const text = view.toString('utf8', start, end);
                handler.line(text, lineNumber, offset + lf + 1, invalid);
            }
            start = lf + 1;
            lf = start > lastLf ? -1 : view.indexOf(LF, start);
        }
        if (start < view.length) {
            partial.append(view.subarray(start), maxLineBytes);
        }
    }

    function finishPartialLine(
        carried: PartialLine,
        rest: Buffer,
        number: number,
        byteEnd: number,
    ): void {
        const length = carried.bytes + rest.length;
        if (carried.tooLong || length > maxLineBytes) {
            // A CR that ended the carried part is the line's own CR only if nothing follows it.
            const bareCr =
                carried.bareCr ||
                (carried.lastWasCr && rest.length > 0) ||
                hasBareCr(rest);
            carried.reset();
            handler.longLine(number, length, byteEnd, bareCr);
            return;
        }
        const whole = carried.take(rest);
        const bytes = whole[whole.length - 1] === CR ? whole.subarray(0, -1) : whole;
        handler.line(bytes.toString('utf8'), number, byteEnd, !isUtf8(bytes));
    }
}

/** A CR inside the text that does not end it and is not followed by LF. */
const INNER_BARE_CR = /\r[^\n]/;

/**
 * A UTF-16 file: decoded a read at a time and split by TextLines as an editor's text is. Sizes
 * are the file's bytes (two per UTF-16 unit). A line longer than maxLineBytes is counted and
 * skipped without being kept. Big-endian bytes are swapped and decoded as little-endian, which
 * every Node build can decode.
 */
async function readUtf16(
    handle: FileHandle,
    found: Utf16,
    handler: LineHandler,
    options: ReadOptions,
): Promise<number> {
    const { chunkBytes, maxLineBytes, signal } = options;
    const decoder = new TextDecoder('utf-16le');
    const at: TextPosition = { lineNumber: 0, byteEnd: found.bom ? 2 : 0 };
    const lineOptions: TextLinesOptions = {
        maxLineBytes,
        byteLength: (line) => 2 * line.length,
        breakBytes: 2,
    };
    const buffer = Buffer.allocUnsafe(chunkBytes - (chunkBytes % 2));
    let carry = '';
    /** Units of a line already past maxLineBytes, whose text is not kept; -1 when none. */
    let skipped = -1;
    let skippedBareCr = false;
    let offset = 0;
    for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
        signal?.throwIfAborted();
        const last = bytesRead === 0;
        // Whole units only, so the next read starts on a unit; an odd last byte is read alone.
        const used = bytesRead > 1 ? bytesRead - (bytesRead % 2) : bytesRead;
        const bytes = buffer.subarray(0, used);
        if (found.encoding === 'utf-16be' && used % 2 === 0) {
            bytes.swap16();
        }
        offset += used;
        let text = decoder.decode(bytes, { stream: !last });
        if (skipped >= 0) {
            const lf = text.indexOf('\n');
            const end = lf < 0 ? text.length : lf;
            skipped += end;
            skippedBareCr ||= INNER_BARE_CR.test(text.slice(0, end));
            if (lf < 0 && !last) {
                options.onChunk?.(offset);
                continue;
            }
            at.lineNumber++;
            at.byteEnd += 2 * (skipped + (lf < 0 ? 0 : 1));
            handler.longLine(at.lineNumber, 2 * skipped, at.byteEnd, skippedBareCr);
            skipped = -1;
            skippedBareCr = false;
            text = lf < 0 ? '' : text.slice(lf + 1);
        } else {
            text = carry + text;
        }
        const lines = new TextLines(text, 0, handler, at, lineOptions, last);
        lines.run();
        carry = last ? '' : lines.rest();
        if (2 * carry.length > maxLineBytes) {
            skipped = carry.length;
            skippedBareCr = INNER_BARE_CR.test(carry);
            carry = '';
        }
        options.onChunk?.(offset);
        if (last) {
            return offset;
        }
    }
}

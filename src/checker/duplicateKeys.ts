/**
 * Finds keys written twice in one object. JSON.parse keeps the last copy without a word, so the
 * checker would validate a value the writer may not have meant, and other parsers may reject the
 * record. `mayHaveDuplicateKeys` runs on every good line: it jumps from quote to quote (indexOf),
 * looks only at the structural characters between strings and compares keys by hash, without
 * allocating per key. Only a line it flags pays for `findDuplicateKeys`, which builds paths.
 */
import { keyAt, skipString } from './jsonScan';
import type { JsonPath } from './types';

export interface DuplicateKey {
    /** The object that holds the repeated key. */
    readonly objectPath: JsonPath;
    /** Offset of that object's `{` in the line. */
    readonly objectStart: number;
    readonly key: string;
    /** How many times the key is written in that object (2 or more). */
    readonly copies: number;
}

interface Frame {
    readonly start: number;
    /** How often each key was written so far; undefined for an array. */
    readonly keys: Map<string, number> | undefined;
    repeated: boolean;
    /** The current member's key (objects) or element index (arrays). */
    key: string;
    index: number;
}

function isSpace(code: number): boolean {
    return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** Index of the first non-space character at or after `i`. */
function skipSpaces(text: string, i: number): number {
    while (isSpace(text.charCodeAt(i))) {
        i++;
    }
    return i;
}

/** A hash of text[start, end), or undefined when the key has escapes (left to the full scan). */
function hashKey(text: string, start: number, end: number): number | undefined {
    let hash = end - start;
    for (let i = start; i < end; i++) {
        const code = text.charCodeAt(i);
        if (code === 0x5c) {
            return undefined;
        }
        hash = (Math.imul(hash, 31) + code) | 0;
    }
    return hash;
}

/** Hashes of the open objects' keys, innermost last; reused by every call (never re-entered). */
const hashes = new Int32Array(512);
/** Per open container, where its keys begin in `hashes` (-1 for an array). */
const starts = new Int32Array(512);

/**
 * False when no object in the line (valid JSON) has a key twice; true when one may (keys with
 * equal hashes, escaped keys, very large or deep objects): then ask findDuplicateKeys.
 */
export function mayHaveDuplicateKeys(text: string): boolean {
    let keyCount = 0;
    let depth = 0;
    let i = 0;
    for (;;) {
        const quote = text.indexOf('"', i);
        const end = quote < 0 ? text.length : quote;
        for (let j = i; j < end; j++) {
            const code = text.charCodeAt(j);
            if (code === 0x7b || code === 0x5b) {
                if (depth === starts.length) {
                    return true;
                }
                starts[depth++] = code === 0x7b ? keyCount : -1;
            } else if (code === 0x7d || code === 0x5d) {
                const first = starts[--depth] ?? -1;
                if (first >= 0) {
                    keyCount = first;
                }
            }
        }
        if (quote < 0) {
            return false;
        }
        const close = skipString(text, quote);
        const next = skipSpaces(text, close);
        const first = depth > 0 ? (starts[depth - 1] ?? -1) : -1;
        if (text.charCodeAt(next) !== 0x3a || first < 0) {
            i = close;
            continue;
        }
        const hash = hashKey(text, quote + 1, close - 1);
        if (hash === undefined || keyCount === hashes.length) {
            return true;
        }
        for (let k = first; k < keyCount; k++) {
            if (hashes[k] === hash) {
                return true;
            }
        }
        hashes[keyCount++] = hash;
        i = next + 1;
    }
}

function pathOf(stack: readonly Frame[]): (string | number)[] {
    return stack.map((frame) => (frame.keys === undefined ? frame.index : frame.key));
}

function repeatsOf(frame: Frame, objectPath: JsonPath): DuplicateKey[] {
    const repeats: DuplicateKey[] = [];
    for (const [key, copies] of frame.keys ?? []) {
        if (copies > 1) {
            repeats.push({ objectPath, objectStart: frame.start, key, copies });
        }
    }
    return repeats;
}

/**
 * The repeated keys of a line that is valid JSON, in the order their objects close, at most
 * `max` of them. Objects inside an overridden copy are listed too.
 */
export function findDuplicateKeys(text: string, max = 20): DuplicateKey[] {
    const found: DuplicateKey[] = [];
    const stack: Frame[] = [];
    let i = 0;
    for (;;) {
        const quote = text.indexOf('"', i);
        const end = quote < 0 ? text.length : quote;
        for (let j = i; j < end; j++) {
            const code = text.charCodeAt(j);
            if (code === 0x7b || code === 0x5b) {
                const keys = code === 0x7b ? new Map<string, number>() : undefined;
                stack.push({ start: j, keys, repeated: false, key: '', index: 0 });
            } else if (code === 0x7d || code === 0x5d) {
                const closed = stack.pop();
                // Paths are built only for the few objects with a repeat.
                if (closed?.repeated === true && found.length < max) {
                    found.push(...repeatsOf(closed, pathOf(stack)));
                }
            } else if (code === 0x2c) {
                const top = stack[stack.length - 1];
                if (top !== undefined) {
                    top.index++;
                }
            }
        }
        if (quote < 0) {
            return found.slice(0, max);
        }
        const close = skipString(text, quote);
        const next = skipSpaces(text, close);
        const top = stack[stack.length - 1];
        const keys = top?.keys;
        if (text.charCodeAt(next) === 0x3a && top !== undefined && keys !== undefined) {
            top.key = keyAt(text, quote, close);
            const copies = (keys.get(top.key) ?? 0) + 1;
            keys.set(top.key, copies);
            top.repeated ||= copies > 1;
            i = next + 1;
        } else {
            i = close;
        }
    }
}

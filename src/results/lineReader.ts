/**
 * Line-by-line reading of JSONL files and streams that can be hundreds of megabytes, keeping
 * each line's byte offset so a record can be read again later without holding the file.
 */
import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const DEFAULT_CHUNK_BYTES = 1024 * 1024;

export interface RawLine {
    /** 1-based. */
    readonly number: number;
    /** Byte offset of the line's first byte in the file or stream. */
    readonly offset: number;
    /**
     * The line's bytes without its '\n' (a '\r' before it is kept, so the line is the original).
     * May share memory with a read chunk: copy it before keeping it.
     */
    readonly bytes: Buffer;
    /** False only for a last line that no '\n' ends. */
    readonly terminated: boolean;
}

export interface ReadLinesOptions {
    readonly signal?: AbortSignal;
    /** Called after each chunk with the bytes consumed so far. */
    readonly onBytes?: (bytesRead: number) => void;
}

/** Splits a stream of chunks into lines; the chunks may cut lines anywhere. */
export async function* splitLines(
    chunks: AsyncIterable<Uint8Array>,
    options: ReadLinesOptions = {},
): AsyncGenerator<RawLine> {
    let pending: Buffer[] = [];
    let pendingStart = 0;
    let consumed = 0;
    let number = 0;
    for await (const raw of chunks) {
        options.signal?.throwIfAborted();
        const chunk = Buffer.isBuffer(raw)
            ? raw
            : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
        let from = 0;
        let newline = chunk.indexOf(NEWLINE, from);
        while (newline !== -1) {
            const piece = chunk.subarray(from, newline);
            const bytes = pending.length === 0 ? piece : Buffer.concat([...pending, piece]);
            number += 1;
            yield { number, offset: pendingStart, bytes, terminated: true };
            pending = [];
            pendingStart = consumed + newline + 1;
            from = newline + 1;
            newline = chunk.indexOf(NEWLINE, from);
        }
        if (from < chunk.length) {
            pending.push(chunk.subarray(from));
        }
        consumed += chunk.length;
        options.onBytes?.(consumed);
    }
    if (pending.length > 0) {
        number += 1;
        yield { number, offset: pendingStart, bytes: Buffer.concat(pending), terminated: false };
    }
}

export function readFileLines(
    path: string,
    options: ReadLinesOptions = {},
): AsyncGenerator<RawLine> {
    const stream = createReadStream(path, {
        highWaterMark: DEFAULT_CHUNK_BYTES,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    return splitLines(stream as AsyncIterable<Buffer>, options);
}

/** Decoded line text without a trailing '\r' or a leading byte-order mark. */
export function lineText(bytes: Buffer): string {
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === CARRIAGE_RETURN) {
        end -= 1;
    }
    const text = bytes.toString('utf8', 0, end);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** True for empty lines and lines of spaces and tabs only. */
export function isBlank(bytes: Buffer): boolean {
    for (const byte of bytes) {
        if (byte !== 0x20 && byte !== 0x09 && byte !== CARRIAGE_RETURN) {
            return false;
        }
    }
    return true;
}

/** Reads `length` bytes at `offset`: one line found earlier by its offset. */
export async function readAt(handle: FileHandle, offset: number, length: number): Promise<Buffer> {
    const buffer = Buffer.alloc(length);
    let filled = 0;
    while (filled < length) {
        const { bytesRead } = await handle.read(buffer, filled, length - filled, offset + filled);
        if (bytesRead === 0) {
            break;
        }
        filled += bytesRead;
    }
    return filled === length ? buffer : buffer.subarray(0, filled);
}

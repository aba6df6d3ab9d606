/**
 * Streams a file as lines with memory that does not grow with the file: two reused read buffers
 * (one filling while the other is checked), lines decoded straight out of them, and only a line
 * that spans two reads copied. Lines are split on LF; a CR before it is dropped; a UTF-8 BOM at
 * the start is reported and skipped.
 */
import { isUtf8 } from 'node:buffer';
import { open, type FileHandle } from 'node:fs/promises';

export interface LineHandler {
    byteOrderMark(): void;
    /** `byteEnd`: file offset just past the line break. */
    line(text: string, lineNumber: number, byteEnd: number, invalidUtf8: boolean): void;
    longLine(lineNumber: number, byteLength: number, byteEnd: number): void;
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

/** Reads `path` line by line into `handler`; resolves with the file's size in bytes. */
export async function readLines(
    path: string,
    handler: LineHandler,
    options: ReadOptions,
): Promise<number> {
    const handle = await open(path, 'r');
    try {
        return await readFrom(handle, handler, options);
    } finally {
        await handle.close();
    }
}

/** Carries the start of a line from one read to the next. */
class PartialLine {
    private parts: Buffer[] = [];
    bytes = 0;
    /** Past maxLineBytes: only the length is kept. */
    tooLong = false;

    get empty(): boolean {
        return this.bytes === 0 && !this.tooLong;
    }

    append(piece: Buffer, maxLineBytes: number): void {
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
                handler.longLine(lineNumber, length, offset + lf + 1);
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
            carried.reset();
            handler.longLine(number, length, byteEnd);
            return;
        }
        const whole = carried.take(rest);
        const bytes = whole[whole.length - 1] === CR ? whole.subarray(0, -1) : whole;
        handler.line(bytes.toString('utf8'), number, byteEnd, !isUtf8(bytes));
    }
}

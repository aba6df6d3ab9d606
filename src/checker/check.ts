/**
 * The checker's entry points. `checkFiles` streams a job's files from disk (CLI, pre-submit
 * check); `checkText` and `checkTextInSlices` check an open document's text. All feed the same
 * FileChecker, so they report the same diagnostics for the same content.
 */
import { performance } from 'node:perf_hooks';
import { utf16FromText } from './encoding';
import type { FileChecker } from './fileChecker';
import { inputFileSize } from './inputFile';
import { JobChecker } from './jobChecker';
import { readLines, type LineHandler } from './lineReader';
import {
    SourceLines,
    TextLines,
    utf8Lines,
    type LineSource,
    type TextPosition,
} from './textLines';
import type { CheckOptions, DiskCheckOptions, FileCheckResult, JobCheckResult } from './types';

export { InputFileError, inputFileSize } from './inputFile';
export type { LineSource } from './textLines';

const DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Checks the files of one job in order; job-level quotas (record counts, total size, repeated
 * recordIds) apply across them. Rejects with an InputFileError, before opening anything, when a
 * path is missing or not a regular file (a FIFO would block the open until a writer came); with
 * the file system's error when a file cannot be read; with an AbortError when `signal` fires.
 */
export async function checkFiles(
    paths: readonly string[],
    options: DiskCheckOptions = {},
): Promise<JobCheckResult> {
    const sizes = await Promise.all(paths.map(inputFileSize));
    const totalBytes = sizes.reduce((sum, size) => sum + size, 0);
    const job = new JobChecker(options);
    let doneBytes = 0;
    for (const path of paths) {
        const file = job.beginFile(path);
        const bytes = await readLines(path, file, {
            chunkBytes: Math.max(4, options.chunkBytes ?? DEFAULT_CHUNK_BYTES),
            maxLineBytes: job.options.maxLineBytes,
            signal: options.signal,
            onChunk: (read) => options.onProgress?.(doneBytes + read, totalBytes),
        });
        doneBytes += bytes;
        job.endFile(file, bytes);
    }
    return job.finish();
}

export interface TextCheckResult extends FileCheckResult {
    /** The job totals for this one text, with the cost when the model has a price row. */
    readonly job: JobCheckResult;
}

/**
 * Checks a document's text as a one-file job (pass `jobQuotas: false` when the file is one of
 * several in a job). Synchronous: in the editor use checkTextInSlices, which lets the event loop
 * run while a large document is checked.
 */
export function checkText(
    text: string,
    options: CheckOptions = {},
    path = 'untitled.jsonl',
): TextCheckResult {
    const check = new TextCheck(text, options, path);
    check.lines.run();
    return check.finish();
}

export interface SliceOptions {
    /** Stops the check between slices; it then rejects with the signal's reason (AbortError). */
    readonly signal?: AbortSignal | undefined;
    /** Milliseconds of checking between two turns of the event loop (default 8). */
    readonly sliceMs?: number;
}

const DEFAULT_SLICE_MS = 8;

function nextTurn(): Promise<void> {
    return new Promise((resolve) => setImmediate(resolve));
}

/**
 * checkText for the editor: the same lines through the same rules, a slice of `sliceMs` at a
 * time with a turn of the event loop (timers, I/O, newer edits) between slices. Takes the text,
 * or the document's lines (no copy of a large document into one string). Rejects when `signal`
 * aborts, so a newer version of the document can replace this check; abort it as soon as the
 * document changes, before the next slice reads a line.
 */
export async function checkTextInSlices(
    text: string | LineSource,
    options: CheckOptions = {},
    path = 'untitled.jsonl',
    slices: SliceOptions = {},
): Promise<TextCheckResult> {
    const { signal } = slices;
    const sliceMs = slices.sliceMs ?? DEFAULT_SLICE_MS;
    signal?.throwIfAborted();
    const check = new TextCheck(text, options, path);
    for (;;) {
        const sliceEnd = performance.now() + sliceMs;
        if (!check.lines.run(() => performance.now() >= sliceEnd)) {
            break;
        }
        await nextTurn();
        signal?.throwIfAborted();
    }
    return check.finish();
}

/** Counts the lines of a text that cannot be read, without checking them. */
function unreadable(file: FileChecker): LineHandler {
    return {
        byteOrderMark: () => undefined,
        utf16: () => undefined,
        line: (_text, lineNumber, byteEnd) => file.unreadableLine(lineNumber, byteEnd),
        longLine: (lineNumber, _bytes, byteEnd) => file.unreadableLine(lineNumber, byteEnd),
    };
}

/** The start of a text, enough to recognise its encoding. */
function headOf(text: string | LineSource): string {
    if (typeof text === 'string') {
        return text.slice(0, 16);
    }
    let head = '';
    for (let i = 0; i < text.lineCount && head.length < 16; i++) {
        head += (i === 0 ? '' : text.eol) + text.lineAt(i).slice(0, 16);
    }
    return head;
}

/** One text checked as a one-file job: `lines` feeds it to the file's checker. */
class TextCheck {
    readonly lines: TextLines | SourceLines;
    private readonly job: JobChecker;
    private readonly file: FileChecker;
    private readonly at: TextPosition = { lineNumber: 0, byteEnd: 0 };

    constructor(text: string | LineSource, options: CheckOptions, path: string) {
        this.job = new JobChecker(options);
        this.file = this.job.beginFile(path);
        const lineOptions = utf8Lines(this.job.options.maxLineBytes);
        const head = headOf(text);
        const utf16 = utf16FromText(head);
        // A UTF-16 text read as UTF-8: one error instead of one per line; lines still count.
        const handler = utf16 === undefined ? this.file : unreadable(this.file);
        let skip = 0;
        if (utf16 !== undefined) {
            this.file.utf16(utf16, false);
        } else if (head.charCodeAt(0) === 0xfeff) {
            this.file.byteOrderMark();
            skip = 1;
            this.at.byteEnd = 3;
        }
        this.lines =
            typeof text === 'string'
                ? new TextLines(text, skip, handler, this.at, lineOptions)
                : new SourceLines(text, skip, handler, this.at, lineOptions);
    }

    finish(): TextCheckResult {
        this.job.endFile(this.file, this.at.byteEnd);
        const result = this.job.finish();
        const [only] = result.files;
        if (only === undefined) {
            throw new Error('checkText: the job lost its file');
        }
        return { ...only, job: result };
    }
}

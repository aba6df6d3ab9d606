/**
 * The checker's entry points. `checkFiles` streams a job's files from disk (CLI, pre-submit
 * check); `checkText` checks an open document's text. Both feed the same FileChecker, so they
 * report the same diagnostics for the same content.
 */
import { stat } from 'node:fs/promises';
import { JobChecker } from './jobChecker';
import { readLines } from './lineReader';
import type { LineHandler } from './lineReader';
import type { CheckOptions, DiskCheckOptions, FileCheckResult, JobCheckResult } from './types';

const DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Checks the files of one job in order; job-level quotas (record counts, total size, repeated
 * recordIds) apply across them. Rejects with the file system's error when a file cannot be
 * read, and with an AbortError when `signal` fires.
 */
export async function checkFiles(
    paths: readonly string[],
    options: DiskCheckOptions = {},
): Promise<JobCheckResult> {
    const sizes = await Promise.all(paths.map(async (path) => (await stat(path)).size));
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
 * several in a job). Synchronous: for very large files prefer checkFiles on the saved file.
 */
export function checkText(
    text: string,
    options: CheckOptions = {},
    path = 'untitled.jsonl',
): TextCheckResult {
    const job = new JobChecker(options);
    const file = job.beginFile(path);
    const bytes = feedText(text, file, job.options.maxLineBytes);
    job.endFile(file, bytes);
    const result = job.finish();
    const [only] = result.files;
    if (only === undefined) {
        throw new Error('checkText: the job lost its file');
    }
    return { ...only, job: result };
}

/** Splits text exactly as the disk reader splits bytes; returns the UTF-8 size. */
function feedText(text: string, handler: LineHandler, maxLineBytes: number): number {
    let start = 0;
    let byteEnd = 0;
    if (text.charCodeAt(0) === 0xfeff) {
        handler.byteOrderMark();
        start = 1;
        byteEnd = 3;
    }
    let lineNumber = 0;
    while (start < text.length) {
        let lf = text.indexOf('\n', start);
        const last = lf < 0;
        if (last) {
            lf = text.length;
        }
        lineNumber++;
        const end = lf > start && text.charCodeAt(lf - 1) === 0x0d ? lf - 1 : lf;
        const line = text.slice(start, end);
        // Counted with the CR, as the disk reader does.
        const lineBytes = Buffer.byteLength(line, 'utf8') + (lf - end);
        byteEnd += lineBytes + (last ? 0 : 1);
        if (lineBytes > maxLineBytes) {
            handler.longLine(lineNumber, lineBytes, byteEnd);
        } else {
            handler.line(line, lineNumber, byteEnd, false);
        }
        start = lf + 1;
    }
    return byteEnd;
}

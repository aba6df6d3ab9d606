/**
 * Picks the input records to run again: those whose result is an error and those that never
 * came back (stopped, expired or partially completed jobs). Lines are copied byte for byte, so
 * each keeps its original recordId and body.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { isBlank, lineText, readFileLines, type RawLine } from './lineReader';
import { isObject, parseOutputLine, recordIdOf } from './outputLine';
import { claimRetryName, retryBaseName } from './retryFile';

/** What the `.out` files say about each record id. */
export interface Outcomes {
    /** Successful results per record id (an id can repeat). */
    readonly succeeded: ReadonlyMap<string, number>;
    readonly failed: ReadonlySet<string>;
    readonly malformedLines: number;
}

export interface RetryCounts {
    /** Input records whose result was an error. */
    failed: number;
    /** Input records with no result at all. */
    missing: number;
    /** Input records without a recordId: their result cannot be found, so they are left out. */
    withoutId: number;
    /** Input lines that are not JSON, left out. */
    malformedInput: number;
}

export interface RetryInput {
    /** File name of the input (`data.jsonl`), used to pair it with `data.jsonl.out`. */
    readonly name: string;
    readonly lines: () => AsyncIterable<RawLine>;
}

export interface RetryFileResult {
    /** Undefined when there was nothing to resubmit (no file is written then). */
    readonly path: string | undefined;
    readonly counts: RetryCounts;
}

export async function collectOutcomes(
    outputFiles: readonly string[],
    signal?: AbortSignal,
): Promise<Outcomes> {
    const succeeded = new Map<string, number>();
    const failed = new Set<string>();
    let malformedLines = 0;
    for (const path of outputFiles) {
        for await (const line of readFileLines(path, signal === undefined ? {} : { signal })) {
            if (isBlank(line.bytes)) {
                continue;
            }
            const parsed = parseOutputLine(lineText(line.bytes));
            if (!parsed.ok || parsed.record.recordId === undefined) {
                malformedLines += parsed.ok ? 0 : 1;
                continue;
            }
            const id = parsed.record.recordId;
            if (parsed.record.error === undefined) {
                succeeded.set(id, (succeeded.get(id) ?? 0) + 1);
            } else {
                failed.add(id);
            }
        }
    }
    return { succeeded, failed, malformedLines };
}

/** The `.out` files of an input file: `<name>.out`, or all of them when none is named so. */
export function outputsForInput(
    inputName: string,
    outputFiles: readonly string[],
): readonly string[] {
    const named = outputFiles.filter((path) => basename(path) === `${basename(inputName)}.out`);
    return named.length > 0 ? named : outputFiles;
}

/**
 * Streams `lines` and hands every line to retry to `keep`. Each success of an id covers one input
 * line with that id, so duplicated ids are resubmitted as often as they lack a result.
 */
export async function selectRetryLines(
    lines: AsyncIterable<RawLine>,
    outcomes: Outcomes,
    keep: (line: RawLine) => Promise<void>,
    counts: RetryCounts,
): Promise<void> {
    const successesLeft = new Map(outcomes.succeeded);
    for await (const line of lines) {
        if (isBlank(line.bytes)) {
            continue;
        }
        let value: unknown;
        try {
            value = JSON.parse(lineText(line.bytes));
        } catch {
            counts.malformedInput += 1;
            continue;
        }
        const recordId = isObject(value) ? recordIdOf(value['recordId']) : undefined;
        if (recordId === undefined) {
            counts.withoutId += 1;
            continue;
        }
        const left = successesLeft.get(recordId) ?? 0;
        if (left > 0) {
            successesLeft.set(recordId, left - 1);
            continue;
        }
        if (outcomes.failed.has(recordId)) {
            counts.failed += 1;
        } else {
            counts.missing += 1;
        }
        await keep(line);
    }
}

/**
 * Writes the records to retry from `inputs` into `<directory>/<name>.retry-N.jsonl` (N the first
 * free number). The file is written as `.partial` and renamed; on failure or cancel it is removed.
 */
export async function writeRetryFile(options: {
    readonly inputs: readonly RetryInput[];
    readonly outputFiles: readonly string[];
    readonly directory: string;
    /** Defaults to the name of the single input. */
    readonly baseName?: string;
    readonly signal?: AbortSignal;
}): Promise<RetryFileResult> {
    const counts: RetryCounts = { failed: 0, missing: 0, withoutId: 0, malformedInput: 0 };
    const base = options.baseName ?? retryBaseName(options.inputs[0]?.name ?? 'records.jsonl');
    const partial = join(options.directory, `.${base}.retry.${process.pid}.${Date.now()}.partial`);
    const out = createWriteStream(partial, { flags: 'wx' });
    const keep = async (line: RawLine): Promise<void> => {
        // Copied: the line may share memory with a read buffer that is about to be reused.
        const bytesWritten = out.write(Buffer.from(line.bytes));
        const newlineWritten = out.write('\n');
        if (!bytesWritten || !newlineWritten) {
            await once(out, 'drain');
        }
    };
    try {
        const cache = new Map<string, Outcomes>();
        for (const input of options.inputs) {
            const outputs = outputsForInput(input.name, options.outputFiles);
            const key = outputs.join('\0');
            let outcomes = cache.get(key);
            if (outcomes === undefined) {
                outcomes = await collectOutcomes(outputs, options.signal);
                cache.set(key, outcomes);
            }
            await selectRetryLines(input.lines(), outcomes, keep, counts);
        }
        out.end();
        await once(out, 'finish');
        if (counts.failed + counts.missing === 0) {
            await rm(partial, { force: true });
            return { path: undefined, counts };
        }
        return { path: await claimRetryName(partial, options.directory, base), counts };
    } catch (error) {
        out.destroy();
        await rm(partial, { force: true });
        throw error;
    }
}

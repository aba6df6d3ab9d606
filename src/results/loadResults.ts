/**
 * Everything the results view shows about a downloaded folder, read from disk: the job it came
 * from, its manifest, the record index (joined to the input when the input is at hand) and the
 * summary. No VS Code here; prices arrive as rows.
 */
import { access } from 'node:fs/promises';
import { basename } from 'node:path';
import { findPrice } from '../checker/cost';
import { baseModelIdOf } from '../checker/modelTarget';
import type { PriceRow } from '../checker/types';
import { listOutputFiles, readJobInfo, readManifestFile, type JobInfo } from './jobFolder';
import type { Manifest } from './manifest';
import type { SummaryView } from './protocol';
import { buildResultIndex, type ResultIndex } from './resultIndex';
import { summarize, type ResultSummary } from './summary';
import { count, describeSummary } from './summaryText';

export interface LoadOptions {
    /** The submitted input file; default: the one the job info names, when it still exists. */
    readonly inputFile?: string | undefined;
    readonly prices: readonly PriceRow[];
    readonly signal?: AbortSignal;
    readonly onProgress?: (bytesRead: number) => void;
}

export interface LoadedResults {
    readonly folder: string;
    readonly info: JobInfo | undefined;
    readonly manifest: Manifest | undefined;
    readonly index: ResultIndex;
    readonly summary: ResultSummary;
    readonly view: SummaryView;
    /** The input file joined to the results, if any. */
    readonly inputFile: string | undefined;
}

const MAX_NOTED_PROBLEMS = 5;

export async function loadResults(folder: string, options: LoadOptions): Promise<LoadedResults> {
    const info = await readJobInfo(folder);
    const outputFiles = await listOutputFiles(folder);
    if (outputFiles.length === 0) {
        throw new Error(`${folder} holds no .out result files`);
    }
    const inputFile = options.inputFile ?? (await existing(info?.localInput));
    const parsedManifest = await readManifestFile(folder);
    const manifest = parsedManifest?.ok === true ? parsedManifest.manifest : undefined;
    const index = await buildResultIndex({
        outputFiles,
        inputFiles: inputFile === undefined ? [] : [inputFile],
        ...(options.signal === undefined ? {} : { signal: options.signal }),
        ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    });
    const modelId = info?.modelId;
    const price =
        modelId === undefined ? undefined : findPrice(baseModelIdOf(modelId), options.prices);
    const summary = summarize({ manifest, index, price });
    const display = describeSummary(summary, modelId);
    const notes = notesFor(index, summary, inputFile);
    if (parsedManifest?.ok === false) {
        notes.unshift(
            `The manifest could not be read: ${parsedManifest.problem}. ` +
                'Counts come from the records.',
        );
    }
    return {
        folder,
        info,
        manifest,
        index,
        summary,
        inputFile,
        view: {
            title: info?.jobName ?? basename(folder),
            folder,
            lines: display.lines,
            warning: display.warning,
            notes,
            canResubmit:
                (summary.failed ?? index.counts.failed) > 0 ||
                (summary.unprocessed ?? 0) > 0 ||
                index.counts.missing > 0,
        },
    };
}

function notesFor(
    index: ResultIndex,
    summary: ResultSummary,
    inputFile: string | undefined,
): string[] {
    const notes: string[] = [];
    for (const problem of index.problems.slice(0, MAX_NOTED_PROBLEMS)) {
        notes.push(`Line ${problem.line} of ${basename(problem.path)}: ${problem.message}.`);
    }
    if (index.problemCount > MAX_NOTED_PROBLEMS) {
        notes.push(`${count(index.problemCount - MAX_NOTED_PROBLEMS)} more line problems.`);
    }
    if (inputFile === undefined) {
        const unprocessed = summary.unprocessed ?? 0;
        notes.push(
            unprocessed > 0
                ? `${count(unprocessed)} records never came back; open the input file to list them.`
                : 'The input file is not at hand: records that never came back cannot be listed.',
        );
    } else {
        notes.push(`Joined to the input ${basename(inputFile)}.`);
    }
    if (index.counts.notInInput > 0) {
        notes.push(
            `${count(index.counts.notInInput)} output records have an id the input does not have.`,
        );
    }
    if (index.counts.inputWithoutId > 0) {
        notes.push(
            `${count(index.counts.inputWithoutId)} input records have no recordId ` +
                'and cannot be matched.',
        );
    }
    return notes;
}

async function existing(path: string | undefined): Promise<string | undefined> {
    if (path === undefined) {
        return undefined;
    }
    try {
        await access(path);
        return path;
    } catch {
        return undefined;
    }
}

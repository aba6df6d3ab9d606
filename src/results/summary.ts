/**
 * What a finished job amounts to: counts and tokens from the manifest (or, without one, from the
 * records), success rate, cost at the batch price, and a loud warning when every record failed,
 * the classic wrong-body-shape job that still ends Completed.
 */
import { BATCH_DISCOUNT } from '../checker/prices';
import type { PriceRow } from '../checker/types';
import type { Manifest } from './manifest';
import type { ResultIndex } from './resultIndex';

export interface BatchCost {
    readonly modelPrefix: string;
    readonly inputPerMillion: number;
    readonly outputPerMillion: number;
    readonly inputUsd: number;
    readonly outputUsd: number;
    readonly totalUsd: number;
}

export interface TopError {
    readonly message: string;
    readonly count: number;
    /** Failed records the count is taken from (all of them, or a sample). */
    readonly outOf: number;
}

export interface ResultSummary {
    /** Where the counts come from. */
    readonly source: 'manifest' | 'records';
    readonly total: number | undefined;
    readonly processed: number | undefined;
    readonly succeeded: number | undefined;
    readonly failed: number | undefined;
    /** Submitted but never processed (stopped, expired, partially completed jobs). */
    readonly unprocessed: number | undefined;
    readonly inputTokens: number | undefined;
    readonly outputTokens: number | undefined;
    /** Succeeded over total, 0 to 1. */
    readonly successRate: number | undefined;
    readonly cost: BatchCost | undefined;
    readonly allFailed: boolean;
    readonly topError: TopError | undefined;
    /** Output lines that could not be read. */
    readonly malformedLines: number;
    /** Every output is an embedding: the job has no output tokens at all. */
    readonly embeddings?: boolean;
}

export interface SummaryInput {
    readonly manifest?: Manifest | undefined;
    readonly index?: ResultIndex | undefined;
    /** Error texts of some failed records, when the records themselves are not at hand. */
    readonly errorSample?: readonly string[] | undefined;
    readonly price?: PriceRow | undefined;
}

export function summarize(input: SummaryInput): ResultSummary {
    const counts =
        input.manifest === undefined
            ? countsFromIndex(input.index)
            : countsFromManifest(input.manifest);
    const { total, succeeded, failed } = counts;
    const errors =
        input.index === undefined
            ? (input.errorSample ?? [])
            : input.index.records.flatMap((r) =>
                  r.status === 'failed' && r.error !== undefined ? [r.error] : [],
              );
    return {
        ...counts,
        successRate:
            total === undefined || total === 0 || succeeded === undefined
                ? undefined
                : succeeded / total,
        cost:
            input.price === undefined
                ? undefined
                : batchCost(input.price, counts.inputTokens, counts.outputTokens),
        allFailed: succeeded === 0 && failed !== undefined && failed > 0,
        topError: mostCommon(errors),
        malformedLines: input.index?.counts.malformedLines ?? 0,
        ...(allEmbeddings(input.index) ? { embeddings: true } : {}),
    };
}

function allEmbeddings(index: ResultIndex | undefined): boolean {
    const succeeded = index?.records.filter((r) => r.status === 'succeeded') ?? [];
    return succeeded.length > 0 && succeeded.every((r) => r.embedding === true);
}

type Counts = Omit<
    ResultSummary,
    'successRate' | 'cost' | 'allFailed' | 'topError' | 'malformedLines' | 'embeddings'
>;

function countsFromManifest(manifest: Manifest): Counts {
    const { totalRecordCount: total, processedRecordCount: processed } = manifest;
    return {
        source: 'manifest',
        total,
        processed,
        succeeded: manifest.successRecordCount,
        failed: manifest.errorRecordCount,
        unprocessed:
            total === undefined || processed === undefined
                ? undefined
                : Math.max(0, total - processed),
        inputTokens: manifest.inputTokenCount,
        outputTokens: manifest.outputTokenCount,
    };
}

function countsFromIndex(index: ResultIndex | undefined): Counts {
    if (index === undefined) {
        return {
            source: 'records',
            total: undefined,
            processed: undefined,
            succeeded: undefined,
            failed: undefined,
            unprocessed: undefined,
            inputTokens: undefined,
            outputTokens: undefined,
        };
    }
    const { succeeded, failed, missing } = index.counts;
    const processed = succeeded + failed;
    return {
        source: 'records',
        total: index.hasInput ? processed + missing : processed,
        processed,
        succeeded,
        failed,
        unprocessed: index.hasInput ? missing : undefined,
        inputTokens: sumOf(index, 'inputTokens'),
        outputTokens: sumOf(index, 'outputTokens'),
    };
}

function sumOf(index: ResultIndex, field: 'inputTokens' | 'outputTokens'): number | undefined {
    let sum: number | undefined;
    for (const record of index.records) {
        const value = record[field];
        if (value !== undefined) {
            sum = (sum ?? 0) + value;
        }
    }
    return sum;
}

export function batchCost(
    row: PriceRow,
    inputTokens: number | undefined,
    outputTokens: number | undefined,
): BatchCost | undefined {
    if (inputTokens === undefined && outputTokens === undefined) {
        return undefined;
    }
    const inputPerMillion = row.batchInputPerMillion ?? row.inputPerMillion * BATCH_DISCOUNT;
    const outputPerMillion = row.batchOutputPerMillion ?? row.outputPerMillion * BATCH_DISCOUNT;
    const inputUsd = ((inputTokens ?? 0) / 1e6) * inputPerMillion;
    const outputUsd = ((outputTokens ?? 0) / 1e6) * outputPerMillion;
    return {
        modelPrefix: row.modelPrefix,
        inputPerMillion,
        outputPerMillion,
        inputUsd,
        outputUsd,
        totalUsd: inputUsd + outputUsd,
    };
}

/** The most frequent text; on a tie, the one seen first. */
export function mostCommon(texts: readonly string[]): TopError | undefined {
    const counts = new Map<string, number>();
    for (const text of texts) {
        counts.set(text, (counts.get(text) ?? 0) + 1);
    }
    let best: TopError | undefined;
    // A Map iterates in first-seen order, so keeping only strictly larger counts favours the first.
    for (const [message, count] of counts) {
        if (best === undefined || count > best.count) {
            best = { message, count, outOf: texts.length };
        }
    }
    return best;
}

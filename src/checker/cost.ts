/** Batch cost from the token estimate and a price table. */
import { BATCH_DISCOUNT } from './prices';
import type { CostEstimate, FileStats, PriceRow } from './types';

/** The row whose modelPrefix is the longest prefix of the base model id. */
export function findPrice(
    baseModelId: string | undefined,
    prices: readonly PriceRow[],
): PriceRow | undefined {
    if (baseModelId === undefined) {
        return undefined;
    }
    let best: PriceRow | undefined;
    for (const row of prices) {
        if (
            baseModelId.startsWith(row.modelPrefix) &&
            (best === undefined || row.modelPrefix.length > best.modelPrefix.length)
        ) {
            best = row;
        }
    }
    return best;
}

export function estimateCost(stats: Readonly<FileStats>, row: PriceRow): CostEstimate {
    const batchInputPerMillion = row.batchInputPerMillion ?? row.inputPerMillion * BATCH_DISCOUNT;
    const batchOutputPerMillion =
        row.batchOutputPerMillion ?? row.outputPerMillion * BATCH_DISCOUNT;
    return {
        modelPrefix: row.modelPrefix,
        batchInputPerMillion,
        batchOutputPerMillion,
        inputUsd: (stats.estimatedInputTokens / 1e6) * batchInputPerMillion,
        maxOutputUsd: (stats.maxOutputTokens / 1e6) * batchOutputPerMillion,
    };
}

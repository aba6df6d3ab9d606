/**
 * Reads the checker's quota and price settings into engine options. Settings arrive as unknown
 * JSON (users edit settings.json by hand), so anything malformed is skipped, not trusted.
 */
import { DEFAULT_PRICES } from '../checker/prices';
import type { JobQuotas, PriceRow } from '../checker/types';

const GB = 1_000_000_000;

/** Setting name under `bedrockBatch.quotas.` → engine field and unit. */
export const QUOTA_SETTINGS: readonly { setting: string; field: keyof JobQuotas; scale: number }[] =
    [
        { setting: 'minRecordsPerJob', field: 'minRecordsPerJob', scale: 1 },
        { setting: 'maxRecordsPerJob', field: 'maxRecordsPerJob', scale: 1 },
        { setting: 'maxRecordsPerFile', field: 'maxRecordsPerFile', scale: 1 },
        { setting: 'maxFileSizeGB', field: 'maxFileBytes', scale: GB },
        { setting: 'maxJobSizeGB', field: 'maxJobBytes', scale: GB },
    ];

/** Only positive numbers count; the rest fall back to the engine's defaults. */
export function quotasFromSettings(read: (setting: string) => unknown): Partial<JobQuotas> {
    const quotas: Partial<Record<keyof JobQuotas, number>> = {};
    for (const { setting, field, scale } of QUOTA_SETTINGS) {
        const value = read(setting);
        if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
            quotas[field] = Math.round(value * scale);
        }
    }
    return quotas;
}

function price(value: unknown): number | undefined {
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** Rows of `bedrockBatch.prices` that have a prefix and both on-demand prices. */
export function priceRowsFromSettings(value: unknown): PriceRow[] {
    if (!Array.isArray(value)) {
        return [];
    }
    const rows: PriceRow[] = [];
    for (const item of value as unknown[]) {
        if (typeof item !== 'object' || item === null) {
            continue;
        }
        const row = item as Record<string, unknown>;
        const modelPrefix = typeof row['modelPrefix'] === 'string' ? row['modelPrefix'].trim() : '';
        const inputPerMillion = price(row['inputPerMillion']);
        const outputPerMillion = price(row['outputPerMillion']);
        if (modelPrefix === '' || inputPerMillion === undefined || outputPerMillion === undefined) {
            continue;
        }
        const batchInputPerMillion = price(row['batchInputPerMillion']);
        const batchOutputPerMillion = price(row['batchOutputPerMillion']);
        rows.push({
            modelPrefix,
            inputPerMillion,
            outputPerMillion,
            ...(batchInputPerMillion === undefined ? {} : { batchInputPerMillion }),
            ...(batchOutputPerMillion === undefined ? {} : { batchOutputPerMillion }),
        });
    }
    return rows;
}

/** The user's rows replace default rows with the same prefix and add new ones. */
export function mergePrices(
    userRows: readonly PriceRow[],
    defaults: readonly PriceRow[] = DEFAULT_PRICES,
): PriceRow[] {
    const overridden = new Set(userRows.map((row) => row.modelPrefix));
    return [...userRows, ...defaults.filter((row) => !overridden.has(row.modelPrefix))];
}

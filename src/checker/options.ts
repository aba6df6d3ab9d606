/** Defaults for the checker's options; quotas follow reference section 3 (read the real ones). */
import { DEFAULT_PRICES } from './prices';
import type { CheckOptions, JobQuotas, PriceRow } from './types';

/**
 * Bedrock's documented defaults at the time of writing. Sizes use decimal GB, the stricter
 * reading of "1 GB"; quotas differ per model and change, so callers pass the account's values.
 */
export const DEFAULT_QUOTAS: JobQuotas = {
    minRecordsPerJob: 100,
    maxRecordsPerJob: 50_000,
    maxRecordsPerFile: 50_000,
    maxFileBytes: 1_000_000_000,
    maxJobBytes: 5_000_000_000,
};

export const DEFAULT_MAX_DIAGNOSTICS_PER_FILE = 1000;
export const DEFAULT_MAX_LINE_BYTES = 32 * 1024 * 1024;

export interface ResolvedOptions {
    readonly quotas: JobQuotas;
    readonly jobQuotas: boolean;
    readonly maxDiagnosticsPerFile: number;
    readonly maxLineBytes: number;
    readonly prices: readonly PriceRow[];
}

export function resolveOptions(options: CheckOptions): ResolvedOptions {
    return {
        quotas: { ...DEFAULT_QUOTAS, ...options.quotas },
        jobQuotas: options.jobQuotas ?? true,
        maxDiagnosticsPerFile: options.maxDiagnosticsPerFile ?? DEFAULT_MAX_DIAGNOSTICS_PER_FILE,
        maxLineBytes: options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES,
        prices: options.prices ?? DEFAULT_PRICES,
    };
}

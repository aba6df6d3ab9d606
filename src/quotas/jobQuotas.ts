/**
 * Which job quotas a check applies, and where each came from: a `bedrockBatch.quotas.*` setting
 * wins, then the value Service Quotas has for the model and region, then the documented default.
 */
import { DEFAULT_QUOTAS } from '../checker/options';
import type { JobQuotas } from '../checker/types';
import type { QuotaField, ServiceQuotaValues } from './quotaNames';

export type QuotaOrigin = 'setting' | 'serviceQuotas' | 'default';

export interface ResolvedQuotas {
    /** What the checker applies, in records and bytes. */
    readonly quotas: JobQuotas;
    readonly origins: Readonly<Record<QuotaField, QuotaOrigin>>;
    /** The Service Quotas name of each value read from there. */
    readonly quotaNames: Readonly<Partial<Record<QuotaField, string>>>;
}

const FIELDS: readonly QuotaField[] = [
    'minRecordsPerJob',
    'maxRecordsPerJob',
    'maxRecordsPerFile',
    'maxFileBytes',
    'maxJobBytes',
];

export function resolveQuotas(
    settings: Partial<JobQuotas>,
    service: ServiceQuotaValues,
    defaults: JobQuotas = DEFAULT_QUOTAS,
): ResolvedQuotas {
    const quotas: Record<QuotaField, number> = { ...defaults };
    const origins: Record<QuotaField, QuotaOrigin> = {
        minRecordsPerJob: 'default',
        maxRecordsPerJob: 'default',
        maxRecordsPerFile: 'default',
        maxFileBytes: 'default',
        maxJobBytes: 'default',
    };
    const quotaNames: Partial<Record<QuotaField, string>> = {};
    for (const field of FIELDS) {
        const fromSetting = settings[field];
        const fromService = service[field];
        if (fromSetting !== undefined) {
            quotas[field] = fromSetting;
            origins[field] = 'setting';
        } else if (fromService !== undefined) {
            quotas[field] = fromService.value;
            origins[field] = 'serviceQuotas';
            quotaNames[field] = fromService.quotaName;
        }
    }
    return { quotas, origins, quotaNames };
}

/** One quota as the settings name it: records, or GB for sizes. */
export interface QuotaView {
    readonly value: number;
    readonly origin: QuotaOrigin;
    readonly quotaName?: string;
}

/** The quotas under their `bedrockBatch.quotas.*` names and units. */
export interface ModelQuotas {
    readonly minRecordsPerJob: QuotaView;
    readonly maxRecordsPerJob: QuotaView;
    readonly maxRecordsPerFile: QuotaView;
    readonly maxFileSizeGB: QuotaView;
    readonly maxJobSizeGB: QuotaView;
}

const GB = 1e9;

function view(resolved: ResolvedQuotas, field: QuotaField, scale = 1): QuotaView {
    const quotaName = resolved.quotaNames[field];
    return {
        value: resolved.quotas[field] / scale,
        origin: resolved.origins[field],
        ...(quotaName === undefined ? {} : { quotaName }),
    };
}

export function modelQuotas(resolved: ResolvedQuotas): ModelQuotas {
    return {
        minRecordsPerJob: view(resolved, 'minRecordsPerJob'),
        maxRecordsPerJob: view(resolved, 'maxRecordsPerJob'),
        maxRecordsPerFile: view(resolved, 'maxRecordsPerFile'),
        maxFileSizeGB: view(resolved, 'maxFileBytes', GB),
        maxJobSizeGB: view(resolved, 'maxJobBytes', GB),
    };
}

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const gigabytes = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

const PHRASES: Readonly<Record<QuotaField, (value: number) => string>> = {
    minRecordsPerJob: (v) => `min ${count.format(v)} records`,
    maxRecordsPerJob: (v) => `max ${count.format(v)} records per job`,
    maxRecordsPerFile: (v) => `max ${count.format(v)} records per file`,
    maxFileBytes: (v) => `max ${gigabytes.format(v / GB)} GB per file`,
    maxJobBytes: (v) => `max ${gigabytes.format(v / GB)} GB per job`,
};

const ORIGIN_LABELS: Readonly<Record<Exclude<QuotaOrigin, 'default'>, string>> = {
    serviceQuotas: 'Service Quotas',
    setting: 'setting',
};

/**
 * The quotas that differ from the documented defaults, each with where it came from, e.g.
 * "min 1,000 records (Service Quotas)". Empty when every quota is the default.
 */
export function quotaNotes(
    resolved: ResolvedQuotas,
    defaults: JobQuotas = DEFAULT_QUOTAS,
): string[] {
    const notes: string[] = [];
    for (const field of FIELDS) {
        const origin = resolved.origins[field];
        const value = resolved.quotas[field];
        if (origin !== 'default' && value !== defaults[field]) {
            notes.push(`${PHRASES[field](value)} (${ORIGIN_LABELS[origin]})`);
        }
    }
    return notes;
}

/**
 * Finds a model's batch job quotas among Service Quotas' Bedrock rows. Bedrock names its
 * per-model quotas "<quota> for <model display name>" (e.g. "Records per batch inference job for
 * Claude 3 Haiku"), so a model is matched through the display name ListFoundationModels gives it.
 * Names are compared whole, after normalising case and punctuation: "Claude 3 Haiku" must not
 * pick up "Claude 3.5 Haiku", nor "Claude 3.5 Sonnet" the rows of "Claude 3.5 Sonnet v2".
 */
import { baseModelIdOf } from '../checker/modelTarget';
import type { JobQuotas } from '../checker/types';

export type QuotaField = keyof JobQuotas;

/** One row of ListServiceQuotas, reduced to what matching needs. */
export interface QuotaRow {
    readonly name: string;
    readonly value: number;
}

/** A model's display name and provider, from ListFoundationModels. */
export interface ModelName {
    readonly modelName: string;
    readonly providerName?: string;
}

/** A value read from Service Quotas, in the checker's units (records, bytes). */
export interface MatchedQuota {
    readonly value: number;
    /** The quota's name in Service Quotas. */
    readonly quotaName: string;
}

export type ServiceQuotaValues = Readonly<Partial<Record<QuotaField, MatchedQuota>>>;

const BYTES: Readonly<Record<string, number>> = {
    kb: 1e3,
    mb: 1e6,
    gb: 1e9,
    tb: 1e12,
};

const SIZE_UNIT = String.raw`(?: \((?:in )?([kmgt]b)\))?`;

/** The quota phrases, in Service Quotas' wording, lower case. */
const METRICS: readonly { readonly field: QuotaField; readonly pattern: RegExp }[] = [
    { field: 'minRecordsPerJob', pattern: /^minimum number of records per batch inference job$/ },
    { field: 'maxRecordsPerFile', pattern: /^records per input file per batch inference job$/ },
    { field: 'maxRecordsPerJob', pattern: /^records per batch inference job$/ },
    { field: 'maxFileBytes', pattern: new RegExp(`^batch inference input file size${SIZE_UNIT}$`) },
    { field: 'maxJobBytes', pattern: new RegExp(`^batch inference job size${SIZE_UNIT}$`) },
];

/**
 * Lower case, punctuation and spacing folded to single spaces; a dot survives only between
 * digits ("3.5"). "Titan Text G1 - Express" and "titan text g1 express" compare equal.
 */
export function normalizeModelName(name: string): string {
    return name
        .toLowerCase()
        .replace(/(?<!\d)\.|\.(?!\d)/g, ' ')
        .replace(/[^a-z0-9.]+/g, ' ')
        .trim();
}

export interface ParsedQuotaName {
    readonly field: QuotaField;
    readonly modelName: string;
    /** Multiplier from the quota's unit to the checker's (bytes for sizes). */
    readonly scale: number;
}

/** What a quota name limits and for which model; undefined for quotas the checker ignores. */
export function parseQuotaName(name: string): ParsedQuotaName | undefined {
    const split = /\s+for\s+/i.exec(name);
    if (split === null) {
        return undefined;
    }
    const phrase = name.slice(0, split.index).trim().toLowerCase().replace(/\s+/g, ' ');
    const modelName = name.slice(split.index + split[0].length).trim();
    for (const { field, pattern } of METRICS) {
        const match = pattern.exec(phrase);
        if (match !== null) {
            const unit = match[1];
            const scale = field.endsWith('Bytes') ? (BYTES[unit ?? 'gb'] ?? BYTES['gb'] ?? 1) : 1;
            return modelName === '' ? undefined : { field, modelName, scale };
        }
    }
    return undefined;
}

/** Display names that may follow "for" in the model's quota names. */
export function displayNamesOf(modelId: string, models: ReadonlyMap<string, ModelName>): string[] {
    const baseId = baseModelIdOf(modelId);
    const model = baseId === undefined ? undefined : models.get(baseId);
    if (model === undefined || model.modelName.trim() === '') {
        return [];
    }
    const names = [model.modelName];
    const provider = model.providerName?.trim() ?? '';
    const named = normalizeModelName(model.modelName);
    if (provider !== '' && !named.startsWith(normalizeModelName(provider))) {
        names.push(`${provider} ${model.modelName}`);
    }
    return names;
}

function usable(field: QuotaField, value: number): boolean {
    // A minimum of 0 means "no minimum"; a maximum of 0 would refuse everything, so it is noise.
    return Number.isFinite(value) && (field === 'minRecordsPerJob' ? value >= 0 : value > 0);
}

/** True when `candidate` is stricter than `current` for this field. */
function stricter(field: QuotaField, candidate: number, current: number): boolean {
    return field === 'minRecordsPerJob' ? candidate > current : candidate < current;
}

/**
 * The batch job quotas among `rows` whose model part is one of `displayNames`. Should two rows
 * name the same quota for the model, the stricter value wins.
 */
export function matchModelQuotas(
    rows: readonly QuotaRow[],
    displayNames: readonly string[],
): ServiceQuotaValues {
    const wanted = new Set(displayNames.map(normalizeModelName).filter((n) => n !== ''));
    const found: Partial<Record<QuotaField, MatchedQuota>> = {};
    if (wanted.size === 0) {
        return found;
    }
    for (const row of rows) {
        const parsed = parseQuotaName(row.name);
        if (parsed === undefined || !wanted.has(normalizeModelName(parsed.modelName))) {
            continue;
        }
        const value = Math.round(row.value * parsed.scale);
        const current = found[parsed.field];
        if (!usable(parsed.field, value)) {
            continue;
        }
        if (current === undefined || stricter(parsed.field, value, current.value)) {
            found[parsed.field] = { value, quotaName: row.name };
        }
    }
    return found;
}

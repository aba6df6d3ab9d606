import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import { statusGroupOf, statusGroups, type StatusGroup } from './jobStatus';

/**
 * What the Batch Jobs view shows. The submission window is sent to ListModelInvocationJobs; the
 * status groups and the name are applied here, so changing them needs no new listing and the
 * name match is case-insensitive (the service's `nameContains` also rejects many substrings).
 */
export interface JobFilter {
    /** Empty: every status. */
    readonly statusGroups: readonly StatusGroup[];
    /** Empty: any name. */
    readonly nameContains: string;
    /** Undefined: any time. */
    readonly submittedWithinDays: number | undefined;
}

export const defaultFilter: JobFilter = {
    statusGroups: [],
    nameContains: '',
    submittedWithinDays: 30,
};

/** The submission windows the filter offers, in days; undefined is "any time". */
export const windowChoices: readonly (number | undefined)[] = [1, 7, 30, 90, 365, undefined];

const dayMs = 24 * 60 * 60 * 1000;
const allGroups = Object.keys(statusGroups) as StatusGroup[];

export function submittedAfter(filter: JobFilter, nowMs: number): Date | undefined {
    return filter.submittedWithinDays === undefined
        ? undefined
        : new Date(nowMs - filter.submittedWithinDays * dayMs);
}

export function matchesFilter(
    job: ModelInvocationJobSummary,
    filter: JobFilter,
    nowMs: number,
): boolean {
    if (filter.statusGroups.length > 0) {
        const group = statusGroupOf(job.status);
        if (group === undefined || !filter.statusGroups.includes(group)) {
            return false;
        }
    }
    const needle = filter.nameContains.trim().toLowerCase();
    if (needle !== '' && !(job.jobName ?? '').toLowerCase().includes(needle)) {
        return false;
    }
    const after = submittedAfter(filter, nowMs);
    const submitted = job.submitTime?.getTime();
    return after === undefined || submitted === undefined || submitted >= after.getTime();
}

export function isDefaultFilter(filter: JobFilter): boolean {
    return (
        filter.statusGroups.length === 0 &&
        filter.nameContains.trim() === '' &&
        filter.submittedWithinDays === defaultFilter.submittedWithinDays
    );
}

export function windowText(days: number | undefined): string {
    if (days === undefined) {
        return 'any time';
    }
    return days === 1 ? 'last 24 hours' : `last ${days} days`;
}

/** "active, failed · name contains "nightly" · last 7 days": the view's description. */
export function describeFilter(filter: JobFilter): string {
    const parts: string[] = [];
    if (filter.statusGroups.length > 0) {
        parts.push(allGroups.filter((g) => filter.statusGroups.includes(g)).join(', '));
    }
    if (filter.nameContains.trim() !== '') {
        parts.push(`name contains "${filter.nameContains.trim()}"`);
    }
    parts.push(windowText(filter.submittedWithinDays));
    return parts.join(' · ');
}

/** JSON-safe form for workspace state: "any time" is stored as null, which JSON keeps. */
export function storedFilter(filter: JobFilter): Record<string, unknown> {
    return {
        statusGroups: [...filter.statusGroups],
        nameContains: filter.nameContains,
        submittedWithinDays: filter.submittedWithinDays ?? null,
    };
}

/**
 * A filter from stored state, which may come from an older version or be edited by hand. All
 * groups selected means no status filter.
 */
export function normalizeFilter(raw: unknown): JobFilter {
    if (typeof raw !== 'object' || raw === null) {
        return defaultFilter;
    }
    const record = raw as Record<string, unknown>;
    const stored = record['statusGroups'];
    const groups = Array.isArray(stored) ? allGroups.filter((g) => stored.includes(g)) : [];
    const name = typeof record['nameContains'] === 'string' ? record['nameContains'] : '';
    return {
        statusGroups: groups.length === allGroups.length ? [] : groups,
        nameContains: name.slice(0, 200),
        submittedWithinDays: storedWindow(record['submittedWithinDays']),
    };
}

function storedWindow(days: unknown): number | undefined {
    if (days === null) {
        return undefined;
    }
    return typeof days === 'number' && Number.isFinite(days) && days > 0
        ? days
        : defaultFilter.submittedWithinDays;
}

/** ListModelInvocationJobs: filters, CreationTime sort and paging. */
import { ConstraintViolations } from './constraints';
import { validationError } from './errors';
import type { Job } from './jobs';
import { jobSummary } from './jobs';
import { decodeToken, encodeToken } from './paging';
import { JOB_NAME, JOB_STATUSES, PAGINATION_TOKEN } from './patterns';

/** The service does not document a default page size; the simulation uses the maximum. */
export const DEFAULT_JOB_PAGE_SIZE = 1000;

interface JobQuery {
    readonly maxResults: number;
    readonly nextToken?: string;
    readonly statusEquals?: string;
    readonly nameContains?: string;
    readonly ascending: boolean;
    readonly afterMs?: number;
    readonly beforeMs?: number;
}

export function parseJobQuery(query: URLSearchParams): JobQuery {
    const v = new ConstraintViolations();
    const maxText = query.get('maxResults');
    let maxResults = DEFAULT_JOB_PAGE_SIZE;
    if (maxText !== null) {
        maxResults = Number(maxText);
        if (!Number.isInteger(maxResults)) {
            v.add('maxResults', maxText, 'Member must be an integer');
        } else {
            v.range('maxResults', maxResults, 1, 1000);
        }
    }
    const nextToken = query.get('nextToken') ?? undefined;
    v.text('nextToken', nextToken, { min: 1, max: 2048, pattern: PAGINATION_TOKEN });
    const statusEquals = query.get('statusEquals') ?? undefined;
    if (statusEquals !== undefined) {
        v.oneOf('statusEquals', statusEquals, JOB_STATUSES);
    }
    const nameContains = query.get('nameContains') ?? undefined;
    v.text('nameContains', nameContains, { min: 1, max: 63, pattern: JOB_NAME });
    const sortBy = query.get('sortBy');
    if (sortBy !== null) {
        v.oneOf('sortBy', sortBy, ['CreationTime']);
    }
    const sortOrder = query.get('sortOrder');
    if (sortOrder !== null) {
        v.oneOf('sortOrder', sortOrder, ['Ascending', 'Descending']);
    }
    const afterMs = timestamp(v, 'submitTimeAfter', query.get('submitTimeAfter'));
    const beforeMs = timestamp(v, 'submitTimeBefore', query.get('submitTimeBefore'));
    v.throwIfAny();
    return {
        maxResults,
        ...(nextToken === undefined ? {} : { nextToken }),
        ...(statusEquals === undefined ? {} : { statusEquals }),
        ...(nameContains === undefined ? {} : { nameContains }),
        ascending: sortOrder === 'Ascending',
        ...(afterMs === undefined ? {} : { afterMs }),
        ...(beforeMs === undefined ? {} : { beforeMs }),
    };
}

function timestamp(v: ConstraintViolations, path: string, text: string | null): number | undefined {
    if (text === null) {
        return undefined;
    }
    const ms = /^\d+(\.\d+)?$/.test(text) ? Number(text) * 1000 : Date.parse(text);
    if (Number.isNaN(ms)) {
        v.add(path, text, 'Member must be a timestamp');
        return undefined;
    }
    return ms;
}

export function listJobs(jobs: Iterable<Job>, query: JobQuery): Record<string, unknown> {
    const fingerprint = [
        query.statusEquals,
        query.nameContains,
        query.ascending,
        query.afterMs,
        query.beforeMs,
    ]
        .map((part) => String(part))
        .join('|');
    const direction = query.ascending ? 1 : -1;
    const matching = [...jobs]
        .filter((job) => query.statusEquals === undefined || job.status === query.statusEquals)
        .filter(
            (job) =>
                query.nameContains === undefined ||
                job.request.jobName.includes(query.nameContains),
        )
        .filter((job) => query.afterMs === undefined || job.submitTimeMs > query.afterMs)
        .filter((job) => query.beforeMs === undefined || job.submitTimeMs < query.beforeMs)
        .sort((a, b) => direction * compareJobs(a, b));
    let start = 0;
    if (query.nextToken !== undefined) {
        const position = decodeToken(query.nextToken, fingerprint);
        const t = position['t'];
        const id = position['id'];
        if (typeof t !== 'number' || typeof id !== 'string') {
            throw validationError('The provided pagination token is not valid.');
        }
        const after = matching.findIndex((job) => direction * compareKey(job, t, id) > 0);
        start = after < 0 ? matching.length : after;
    }
    const page = matching.slice(start, start + query.maxResults);
    const last = page[page.length - 1];
    const more = start + page.length < matching.length && last !== undefined;
    return {
        invocationJobSummaries: page.map((job) => jobSummary(job)),
        ...(more
            ? { nextToken: encodeToken({ t: last.submitTimeMs, id: last.jobId }, fingerprint) }
            : {}),
    };
}

function compareJobs(a: Job, b: Job): number {
    return compareKey(a, b.submitTimeMs, b.jobId);
}

function compareKey(job: Job, t: number, id: string): number {
    if (job.submitTimeMs !== t) {
        return job.submitTimeMs < t ? -1 : 1;
    }
    return job.jobId < id ? -1 : job.jobId > id ? 1 : 0;
}

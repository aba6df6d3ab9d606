import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import { isActive } from './jobStatus';

/** Status words as the console shows them. */
const statusLabels: Readonly<Record<string, string>> = {
    Submitted: 'Submitted',
    Validating: 'Validating',
    Scheduled: 'Scheduled',
    InProgress: 'In progress',
    Stopping: 'Stopping',
    Completed: 'Completed',
    PartiallyCompleted: 'Partially completed',
    Failed: 'Failed',
    Stopped: 'Stopped',
    Expired: 'Expired',
};

export function statusLabel(status: string | undefined): string {
    return status === undefined ? 'Unknown status' : (statusLabels[status] ?? status);
}

/** A record count the service may omit, send as 0 before it knows, or (in theory) garble. */
function count(value: number | undefined): number {
    return value !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

/**
 * Whole percent, rounded down so an unfinished job never reads 100%, and "<1%" rather than a
 * false 0% once the first records are done.
 */
export function percentText(processed: number, total: number): string {
    if (total <= 0) {
        return '';
    }
    const percent = Math.floor((Math.min(processed, total) / total) * 100);
    return percent === 0 && processed > 0 ? '<1%' : `${percent}%`;
}

/**
 * "120/300 records (40%)", or nothing while the total is unknown: AWS reports 0 records during
 * validation, and "0/0" or "0%" would read as a result.
 */
export function progressText(job: ModelInvocationJobSummary): string | undefined {
    const total = count(job.totalRecordCount);
    if (total === 0) {
        return undefined;
    }
    const processed = Math.min(count(job.processedRecordCount), total);
    const percent = percentText(processed, total);
    return `${formatCount(processed)}/${formatCount(total)} ${recordsWord(total)} (${percent})`;
}

/** "12 failed" once any record failed. */
export function errorText(job: ModelInvocationJobSummary): string | undefined {
    const errors = count(job.errorRecordCount);
    return errors === 0 ? undefined : `${formatCount(errors)} failed`;
}

export function formatCount(value: number): string {
    return value.toLocaleString('en-US');
}

/** "record" or "records", by the count it follows. */
export function recordsWord(total: number): string {
    return total === 1 ? 'record' : 'records';
}

/** "15s", "42m", "3h 05m", "2d 4h". Negative spans (clock skew) read as 0s. */
export function formatDuration(ms: number): string {
    const seconds = Number.isFinite(ms) ? Math.max(0, Math.floor(ms / 1000)) : 0;
    if (seconds < 60) {
        return `${seconds}s`;
    }
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60) {
        return `${minutes}m`;
    }
    const hours = Math.floor(minutes / 60);
    if (hours < 48) {
        return `${hours}h ${String(minutes % 60).padStart(2, '0')}m`;
    }
    return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

/** Time since submission for active jobs; submission to end for finished ones. */
export function elapsedMs(job: ModelInvocationJobSummary, nowMs: number): number | undefined {
    const start = job.submitTime?.getTime();
    if (start === undefined || Number.isNaN(start)) {
        return undefined;
    }
    const end = isActive(job.status) ? nowMs : (job.endTime ?? job.lastModifiedTime)?.getTime();
    return end === undefined || Number.isNaN(end) ? undefined : Math.max(0, end - start);
}

/**
 * The elapsed time as the row shows it. An active job's time grows while the user looks, so it
 * is counted in whole minutes ("<1m" at first): the row then changes at most once a minute
 * rather than on every poll, which would close its hover each time.
 */
export function elapsedText(job: ModelInvocationJobSummary, nowMs: number): string | undefined {
    const ms = elapsedMs(job, nowMs);
    if (ms === undefined) {
        return undefined;
    }
    return isActive(job.status) && ms < 60_000 ? '<1m' : formatDuration(ms);
}

/** Queued jobs that have not started: they expire unstarted at `jobExpirationTime`. */
export function isQueued(status: string | undefined): boolean {
    return status === 'Submitted' || status === 'Validating' || status === 'Scheduled';
}

/** For queued jobs: how long before they expire unstarted. */
export function expiryText(job: ModelInvocationJobSummary, nowMs: number): string | undefined {
    const expires = job.jobExpirationTime?.getTime();
    if (!isQueued(job.status) || expires === undefined || Number.isNaN(expires)) {
        return undefined;
    }
    return expires > nowMs
        ? `expires in ${formatDuration(expires - nowMs)}`
        : 'past its expiry time';
}

/** The job row's description: status, progress, failures, elapsed time and expiry. */
export function jobDescription(job: ModelInvocationJobSummary, nowMs: number): string {
    return [
        statusLabel(job.status),
        progressText(job),
        errorText(job),
        elapsedText(job, nowMs),
        expiryText(job, nowMs),
    ]
        .filter((part): part is string => part !== undefined)
        .join(' · ');
}

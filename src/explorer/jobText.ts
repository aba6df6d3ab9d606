import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import { isActive } from './jobStatus';

/** Status words as the console shows them. */
const statusLabels: Record<string, string> = {
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
    return status === undefined ? 'Unknown' : (statusLabels[status] ?? status);
}

/**
 * "120/300 records (40%)". Nothing while the total is still unknown: AWS reports 0 records
 * during validation, and "0/0" or "0%" would read as a result.
 */
export function progressText(job: ModelInvocationJobSummary): string | undefined {
    const total = job.totalRecordCount ?? 0;
    if (total <= 0) {
        return undefined;
    }
    const processed = Math.min(job.processedRecordCount ?? 0, total);
    const percent = Math.floor((processed / total) * 100);
    return `${processed.toLocaleString('en-US')}/${total.toLocaleString('en-US')} records (${percent}%)`;
}

/** "3h 05m", "42m", "15s". */
export function formatDuration(ms: number): string {
    const seconds = Math.max(0, Math.floor(ms / 1000));
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

/** Time since submission (to the end time for finished jobs). */
export function elapsedText(job: ModelInvocationJobSummary, nowMs: number): string | undefined {
    const start = job.submitTime?.getTime();
    if (start === undefined) {
        return undefined;
    }
    const end = isActive(job.status) ? nowMs : (job.endTime?.getTime() ?? job.lastModifiedTime?.getTime() ?? nowMs);
    return formatDuration(end - start);
}

/** For queued jobs: how long before they expire unstarted. */
export function expiryText(job: ModelInvocationJobSummary, nowMs: number): string | undefined {
    const queued = job.status === 'Submitted' || job.status === 'Validating' || job.status === 'Scheduled';
    const expires = job.jobExpirationTime?.getTime();
    if (!queued || expires === undefined) {
        return undefined;
    }
    return expires > nowMs ? `expires in ${formatDuration(expires - nowMs)}` : 'past its expiry time';
}

/** The job row's description: status, progress, elapsed time and expiry. */
export function jobDescription(job: ModelInvocationJobSummary, nowMs: number): string {
    return [statusLabel(job.status), progressText(job), elapsedText(job, nowMs), expiryText(job, nowMs)]
        .filter((part): part is string => part !== undefined)
        .join(' · ');
}

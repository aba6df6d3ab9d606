import type { ModelInvocationJobStatus } from '@aws-sdk/client-bedrock';

export type JobStatus = ModelInvocationJobStatus;

export const allStatuses: readonly JobStatus[] = [
    'Submitted',
    'Validating',
    'Scheduled',
    'InProgress',
    'Stopping',
    'Completed',
    'PartiallyCompleted',
    'Failed',
    'Stopped',
    'Expired',
];

/** The status groups the filter offers; together they cover every status exactly once. */
export type StatusGroup = 'active' | 'finished' | 'failed';

export const statusGroups: Readonly<Record<StatusGroup, readonly JobStatus[]>> = {
    active: ['Submitted', 'Validating', 'Scheduled', 'InProgress', 'Stopping'],
    finished: ['Completed', 'Stopped'],
    // PartiallyCompleted ran out of time with records left over: the user has work to redo.
    failed: ['Failed', 'Expired', 'PartiallyCompleted'],
};

/** Jobs that can still change status; the explorer polls only these. */
export function isActive(status: string | undefined): boolean {
    return status !== undefined && (statusGroups.active as readonly string[]).includes(status);
}

/** Statuses a job never leaves. An unknown status is neither active nor terminal. */
export function isTerminal(status: string | undefined): boolean {
    return (
        status !== undefined &&
        (allStatuses as readonly string[]).includes(status) &&
        !isActive(status)
    );
}

/** Jobs Stop applies to: queued or running, and not already stopping. */
export function isStoppable(status: string | undefined): boolean {
    return isActive(status) && status !== 'Stopping';
}

export function statusGroupOf(status: string | undefined): StatusGroup | undefined {
    for (const group of Object.keys(statusGroups) as StatusGroup[]) {
        if (status !== undefined && (statusGroups[group] as readonly string[]).includes(status)) {
            return group;
        }
    }
    return undefined;
}

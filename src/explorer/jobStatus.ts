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

const active = new Set<string>(['Submitted', 'Validating', 'Scheduled', 'InProgress', 'Stopping']);

/** Jobs that can still change status; the explorer polls only these. */
export function isActive(status: string | undefined): boolean {
    return status !== undefined && active.has(status);
}

export function isFailure(status: string | undefined): boolean {
    return status === 'Failed' || status === 'Expired' || status === 'Stopped' || status === 'PartiallyCompleted';
}

/**
 * The job a results command is about. The explorer passes `{ region, job }` or its JobNode,
 * which has the same two members.
 */
import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import { isObject } from './outputLine';

export interface JobRef {
    readonly region: string;
    readonly job: ModelInvocationJobSummary;
}

/** Statuses after which a job writes no more output. */
export const FINISHED_STATUSES: readonly string[] = [
    'Completed',
    'PartiallyCompleted',
    'Stopped',
    'Expired',
    'Failed',
];

export function isFinished(status: string | undefined): boolean {
    return status !== undefined && FINISHED_STATUSES.includes(status);
}

export function asJobRef(value: unknown): JobRef | undefined {
    if (!isObject(value)) {
        return undefined;
    }
    const region = value['region'];
    const job = value['job'];
    return typeof region === 'string' && isJobSummary(job) ? { region, job } : undefined;
}

/** Every member of a summary is optional; a job the results commands can act on has an ARN. */
function isJobSummary(value: unknown): value is ModelInvocationJobSummary {
    return isObject(value) && typeof value['jobArn'] === 'string';
}

/** The job id: the last segment of the ARN, which names the output folder. */
export function jobIdOf(jobArn: string): string {
    return jobArn.split('/').pop() ?? jobArn;
}

/** `<jobName>-<jobId>`, safe as a folder name on every platform. */
export function jobFolderName(job: Pick<ModelInvocationJobSummary, 'jobArn' | 'jobName'>): string {
    const id = jobIdOf(job.jobArn ?? 'job');
    const name = (job.jobName ?? 'job').replace(/[^A-Za-z0-9._+-]/g, '-').replace(/^[.-]+/, '');
    return `${name === '' ? 'job' : name}-${id}`;
}

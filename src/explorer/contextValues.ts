import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import { isActive, isStoppable } from './jobStatus';

/** Context values of the Batch Jobs rows; package.json menus match them. */
export const contextValues = {
    region: 'bedrockBatch:region',
    model: 'bedrockBatch:model',
    message: 'bedrockBatch:message',
    job: 'bedrockBatch:job',
} as const;

/**
 * `bedrockBatch:job:<Status>` plus `:stoppable` for jobs Stop applies to and `:ended` for jobs
 * that may have results; menus match these with regexes.
 */
export function jobContextValue(job: ModelInvocationJobSummary): string {
    const stoppable = isStoppable(job.status) ? ':stoppable' : '';
    const ended = isActive(job.status) ? '' : ':ended';
    return `${contextValues.job}:${job.status ?? 'Unknown'}${stoppable}${ended}`;
}

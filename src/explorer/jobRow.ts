import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import { jobContextValue } from './contextValues';
import { jobTooltipMarkdown } from './jobDetails';
import { jobDescription } from './jobText';
import { describeModelForm, parseModelId } from './modelIds';

/** The job row's description: status, progress, elapsed time ... and how the model was named. */
export function jobRowDescription(job: ModelInvocationJobSummary, nowMs: number): string {
    const form = describeModelForm(parseModelId(job.modelId ?? ''));
    const description = jobDescription(job, nowMs);
    return form === undefined ? description : `${description} · ${form}`;
}

/**
 * Everything a job's row shows (label, description, icon and menus through the status, hover),
 * as one comparable string. A poll redraws the row only when this changed: a redraw closes the
 * hover the user may be reading.
 */
export function jobRowState(
    job: ModelInvocationJobSummary,
    region: string,
    nowMs: number,
): string {
    return JSON.stringify([
        job.jobName,
        jobRowDescription(job, nowMs),
        jobContextValue(job),
        jobTooltipMarkdown(job, region),
    ]);
}

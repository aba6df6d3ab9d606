import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import { isActive } from './jobStatus';
import { describeModelForm, modelLabel, parseModelId } from './modelIds';

export interface ModelGroup {
    /** Base model id, or the ARN of a model without one; the group's identity. */
    readonly key: string;
    readonly label: string;
    /** Newest first. */
    readonly jobs: readonly ModelInvocationJobSummary[];
    readonly activeCount: number;
}

export const unknownModel = 'unknown model';

/** Newest submission first; jobs without a time go last, ties broken by ARN for a stable order. */
export function compareNewestFirst(
    a: ModelInvocationJobSummary,
    b: ModelInvocationJobSummary,
): number {
    const at = a.submitTime?.getTime() ?? Number.NEGATIVE_INFINITY;
    const bt = b.submitTime?.getTime() ?? Number.NEGATIVE_INFINITY;
    if (at !== bt) {
        return bt > at ? 1 : -1;
    }
    return (a.jobArn ?? '').localeCompare(b.jobArn ?? '');
}

/** Groups jobs under the model they run, whatever id form they used; models in label order. */
export function groupByModel(jobs: Iterable<ModelInvocationJobSummary>): ModelGroup[] {
    const groups = new Map<string, ModelInvocationJobSummary[]>();
    for (const job of jobs) {
        const key =
            job.modelId === undefined || job.modelId === ''
                ? unknownModel
                : parseModelId(job.modelId).baseId;
        const group = groups.get(key);
        if (group === undefined) {
            groups.set(key, [job]);
        } else {
            group.push(job);
        }
    }
    return [...groups.entries()]
        .map(([key, members]) => ({
            key,
            label: modelLabel(key),
            jobs: members.sort(compareNewestFirst),
            activeCount: members.filter((job) => isActive(job.status)).length,
        }))
        .sort((a, b) => a.label.localeCompare(b.label) || a.key.localeCompare(b.key));
}

/** "3 jobs", "1 job, 1 active". */
export function countText(total: number, active: number): string {
    const jobs = `${total.toLocaleString('en-US')} job${total === 1 ? '' : 's'}`;
    return active > 0 ? `${jobs}, ${active.toLocaleString('en-US')} active` : jobs;
}

/** The model's full id, then how many jobs used each id form, e.g. "via us profile: 3 jobs". */
export function modelTooltip(group: ModelGroup): string {
    const forms = new Map<string, number>();
    for (const job of group.jobs) {
        const form = describeModelForm(parseModelId(job.modelId ?? '')) ?? 'by model id';
        forms.set(form, (forms.get(form) ?? 0) + 1);
    }
    const lines = [...forms].map(([form, n]) => `${form}: ${n} job${n === 1 ? '' : 's'}`);
    return [group.key, ...lines].join('\n');
}

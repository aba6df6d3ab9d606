import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import { parseModelId } from './modelIds';

/** Groups jobs under their base model, keeping the newest-first order within each group. */
export function groupByModel(
    jobs: readonly ModelInvocationJobSummary[],
): [model: string, jobs: ModelInvocationJobSummary[]][] {
    const groups = new Map<string, ModelInvocationJobSummary[]>();
    for (const job of jobs) {
        const model = parseModelId(job.modelId ?? 'unknown model').baseId;
        const group = groups.get(model);
        if (group === undefined) {
            groups.set(model, [job]);
        } else {
            group.push(job);
        }
    }
    return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

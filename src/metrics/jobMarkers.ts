/**
 * Job events drawn over the charts. Metrics are per model, so every job of a charted model is
 * drawn, grouped the way the explorer groups them (by base model).
 *
 * ListModelInvocationJobs has no start time: "started" is the last change of a job that is
 * InProgress now, which is when it started unless something else about it changed since.
 */
import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import { parseModelId } from '../explorer/modelIds';
import type { JobMarker, MarkerKind, TimeWindow } from './protocol';

export function jobMarkers(
    jobs: readonly ModelInvocationJobSummary[],
    modelIds: readonly string[],
    window: Pick<TimeWindow, 'start' | 'end'>,
    selectedJobArn?: string,
): JobMarker[] {
    const byBase = new Map<string, string>();
    for (const modelId of modelIds) {
        const base = parseModelId(modelId).baseId;
        if (!byBase.has(base)) {
            byBase.set(base, modelId);
        }
    }
    const markers: JobMarker[] = [];
    for (const job of jobs) {
        const modelId = byBase.get(parseModelId(job.modelId ?? '').baseId);
        if (modelId === undefined) {
            continue;
        }
        const times: [MarkerKind, Date | undefined][] = [
            ['submitted', job.submitTime],
            ['started', job.status === 'InProgress' ? job.lastModifiedTime : undefined],
            ['ended', job.endTime],
        ];
        for (const [kind, date] of times) {
            const time = date?.getTime();
            if (
                time === undefined ||
                Number.isNaN(time) ||
                time < window.start ||
                time > window.end
            ) {
                continue;
            }
            markers.push({
                kind,
                time,
                jobName: job.jobName ?? '(unnamed job)',
                jobArn: job.jobArn ?? '',
                modelId,
                status: job.status ?? 'Unknown',
                selected: selectedJobArn !== undefined && job.jobArn === selectedJobArn,
            });
        }
    }
    return markers.sort((a, b) => a.time - b.time);
}

/** How far back to list jobs so those still running or ending in the window are included. */
export function jobsSubmittedAfter(windowStart: number): Date {
    // A job may wait and run for up to a week (timeoutDurationInHours is at most 168).
    return new Date(windowStart - 8 * 24 * 3600_000);
}

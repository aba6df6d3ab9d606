import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import { statusLabel } from './jobText';

export interface RunningJob {
    readonly region: string;
    readonly job: ModelInvocationJobSummary;
}

/** Status bar text: "2 batch jobs" next to a spinning icon; empty when nothing runs. */
export function runningText(count: number): string {
    return count === 0 ? '' : `$(sync~spin) ${count} batch job${count === 1 ? '' : 's'}`;
}

/** The status bar hover: the first few active jobs, one a line. */
export function runningTooltip(running: readonly RunningJob[], shown = 10): string {
    const lines = running
        .slice(0, shown)
        .map(
            ({ region, job }) =>
                `${job.jobName ?? job.jobArn ?? 'unnamed'}: ${statusLabel(job.status)} (${region})`,
        );
    if (running.length > shown) {
        lines.push(`and ${running.length - shown} more`);
    }
    return ['Active Bedrock batch jobs (click to show them):', ...lines].join('\n');
}

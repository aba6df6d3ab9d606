import * as vscode from 'vscode';
import type { Explorer } from '../explorer/activation';
import type { Log } from '../shared/log';
import { describeError } from '../shared/log';

export interface StartedJob {
    readonly jobArn: string;
    readonly jobName: string;
    readonly region: string;
    readonly modelId: string;
    readonly inputUri: string;
    readonly outputUri: string;
    readonly clientRequestToken: string;
    readonly submittedAt: Date;
    /** Input keys whose content was already in S3 and not sent again. */
    readonly reusedKeys: readonly string[];
    /** The local files submitted; empty when resumed from a stored request. */
    readonly localFiles: readonly string[];
}

export type JobRevealer = Pick<Explorer, 'trackJob' | 'revealJob'>;

export function jobIdOf(jobArn: string): string {
    return jobArn.slice(jobArn.lastIndexOf('/') + 1);
}

/** Puts the new job in the Batch Jobs view (watched until it ends) and says it started. */
export async function announceStarted(
    explorer: JobRevealer,
    log: Log,
    jobs: readonly StartedJob[],
): Promise<void> {
    for (const job of jobs) {
        try {
            await explorer.trackJob(job.region, job.jobArn);
        } catch (error) {
            log.warn(`Could not show ${job.jobArn} in Batch Jobs: ${describeError(error)}`);
        }
    }
    const [first] = jobs;
    if (first === undefined) {
        return;
    }
    const text =
        jobs.length === 1
            ? `Started batch job ${first.jobName} (${jobIdOf(first.jobArn)}) in ${first.region}.`
            : `Started ${jobs.length} batch jobs in ${first.region}: ` +
              `${jobs.map((j) => j.jobName).join(', ')}.`;
    void vscode.window
        .showInformationMessage(text, 'Show Job', 'Open Metrics')
        .then(async (choice) => {
            if (choice === 'Show Job') {
                await explorer.revealJob(first.region, first.jobArn);
            } else if (choice === 'Open Metrics') {
                await vscode.commands.executeCommand('bedrockBatch.openMetrics', {
                    region: first.region,
                    modelId: first.modelId,
                    jobArn: first.jobArn,
                    from: first.submittedAt,
                });
            }
        });
}

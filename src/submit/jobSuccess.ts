import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import * as vscode from 'vscode';
import type { Explorer } from '../explorer/activation';
import type { Log } from '../shared/log';
import { describeError } from '../shared/log';
import { notificationText } from '../shared/notificationText';

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

/** Watches the jobs in Batch Jobs, unless they belong to a connection no longer in use. */
async function track(
    explorer: JobRevealer,
    log: Log,
    jobs: readonly StartedJob[],
    elsewhere: string | undefined,
): Promise<void> {
    if (elsewhere !== undefined) {
        // Batch Jobs now lists another account or endpoint: looking the jobs up there is wrong.
        return;
    }
    for (const job of jobs) {
        try {
            await explorer.trackJob(job.region, job.jobArn);
        } catch (error) {
            log.warn(`Could not show ${job.jobArn} in Batch Jobs: ${describeError(error)}`);
        }
    }
}

function elsewhereText(elsewhere: string, count: number): string {
    const [subject, object] = count === 1 ? ['It', 'it'] : ['They', 'them'];
    return (
        ` ${subject} went through ${elsewhere}; Bedrock Batch has switched to another ` +
        `connection since, so Batch Jobs does not list ${object}.`
    );
}

/**
 * Puts the new jobs in the Batch Jobs view (watched until they end) and says they started.
 * `elsewhere` names the connection they were created through when the extension has moved to
 * another one meanwhile (profile, endpoints or sandbox changed during the submission). With
 * `reveal` (a resubmission, started away from the view) the first job is also selected there.
 */
export async function announceStarted(
    explorer: JobRevealer,
    log: Log,
    jobs: readonly StartedJob[],
    elsewhere?: string,
    reveal = false,
): Promise<void> {
    await track(explorer, log, jobs, elsewhere);
    const [first] = jobs;
    if (first === undefined) {
        return;
    }
    if (reveal && elsewhere === undefined) {
        try {
            await explorer.revealJob(first.region, first.jobArn);
        } catch (error) {
            log.warn(`Could not reveal ${first.jobArn} in Batch Jobs: ${describeError(error)}`);
        }
    }
    const text =
        (jobs.length === 1
            ? `Started batch job ${first.jobName} (${jobIdOf(first.jobArn)}) in ${first.region}.`
            : `Started ${jobs.length} batch jobs in ${first.region}: ` +
              `${jobs.map((j) => j.jobName).join(', ')}.`) +
        (elsewhere === undefined ? '' : elsewhereText(elsewhere, jobs.length));
    if (elsewhere !== undefined) {
        void vscode.window.showInformationMessage(notificationText(text));
        return;
    }
    void vscode.window
        .showInformationMessage(notificationText(text), 'Show Job', 'Open Metrics')
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

/**
 * The user pressed Cancel after the Create request had been sent: Bedrock created the job all
 * the same, and it will run unless stopped. Says so, with the job in Batch Jobs and a way to
 * stop it (Stop Job asks for confirmation, as from the view).
 */
export async function announceCreatedAfterCancel(
    explorer: JobRevealer,
    log: Log,
    job: StartedJob,
    notSubmitted: readonly string[],
    elsewhere?: string,
): Promise<void> {
    await track(explorer, log, [job], elsewhere);
    const rest =
        notSubmitted.length === 0
            ? ''
            : ` The rest was not submitted: ${notSubmitted.join(', ')}.`;
    const text = notificationText(
        `Batch job ${job.jobName} (${jobIdOf(job.jobArn)}) was created in ${job.region} ` +
            'although you cancelled: Bedrock had already received the request, which cannot ' +
            `be called back. The job will run unless you stop it.${rest}` +
            (elsewhere === undefined ? '' : elsewhereText(elsewhere, 1)),
    );
    if (elsewhere !== undefined) {
        void vscode.window.showWarningMessage(text);
        return;
    }
    const stop = 'Stop Job';
    const show = 'Show Job';
    const choice = await vscode.window.showWarningMessage(text, stop, show);
    if (choice === stop) {
        // What Batch Jobs shows of the job until its next refresh.
        const summary: ModelInvocationJobSummary = {
            jobArn: job.jobArn,
            jobName: job.jobName,
            modelId: job.modelId,
            roleArn: undefined,
            status: 'Submitted',
            submitTime: job.submittedAt,
            inputDataConfig: { s3InputDataConfig: { s3Uri: job.inputUri } },
            outputDataConfig: { s3OutputDataConfig: { s3Uri: job.outputUri } },
        };
        await vscode.commands.executeCommand('bedrockBatch.stopJob', {
            region: job.region,
            job: summary,
        });
    } else if (choice === show) {
        await explorer.revealJob(job.region, job.jobArn);
    }
}

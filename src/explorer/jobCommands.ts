import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { registerCommand } from '../shared/commands';
import { classifyFailure } from '../shared/failure';
import { notificationText } from '../shared/notificationText';
import { batchConsoleUrl, s3ConsoleUrl } from './consoleLinks';
import type { Explorer } from './explorer';
import { jobIdOf, outputFolderOf, parseS3Uri } from './jobIds';
import { isQueued } from './jobText';
import { getJob, stopJob } from './listJobs';
import { JobNode } from './nodes/jobNode';
import { browseS3, hasCustomS3 } from './s3Browse';

/** A job a command acts on: from its row, or `{ region, job }` from another feature. */
interface JobTarget {
    readonly region: string;
    readonly job: ModelInvocationJobSummary;
    readonly jobArn: string;
}

function targetOf(arg: unknown): JobTarget {
    if (arg instanceof JobNode && arg.job.jobArn !== undefined) {
        return { region: arg.region, job: arg.job, jobArn: arg.job.jobArn };
    }
    if (typeof arg === 'object' && arg !== null) {
        const { region, job } = arg as { region?: unknown; job?: ModelInvocationJobSummary };
        if (typeof region === 'string' && typeof job?.jobArn === 'string') {
            return { region, job, jobArn: job.jobArn };
        }
    }
    throw new Error('Run this on a job in the Batch Jobs view.');
}

function nameOf(target: JobTarget): string {
    return notificationText(target.job.jobName ?? jobIdOf(target.jobArn) ?? target.jobArn, 100);
}

/** The commands on a job row. Each takes the row (or `{ region, job }`). */
export function registerJobCommands(ctx: Ctx, explorer: Explorer): vscode.Disposable[] {
    const { provider, watcher } = explorer;

    const stop = async (arg: unknown): Promise<void> => {
        const target = targetOf(arg);
        const confirmed = await explorer.confirm(
            `Stop batch job "${nameOf(target)}"?`,
            'Bedrock stops the job after the records in flight. Records already processed are ' +
                'billed, and their results stay in the output location.',
            'Stop Job',
        );
        if (!confirmed) {
            return;
        }
        try {
            await stopJob(ctx.aws, target.region, target.jobArn);
        } catch (error) {
            if (classifyFailure(error).kind !== 'conflict') {
                throw error;
            }
            // Already ending or ended: show where it really is.
            await refreshOne(target);
            const reason = notificationText(classifyFailure(error).message, 300);
            void vscode.window.showInformationMessage(
                `Batch job "${nameOf(target)}" could not be stopped: ${reason}`,
            );
            return;
        }
        const stopping: ModelInvocationJobSummary = {
            ...target.job,
            status: 'Stopping',
            lastModifiedTime: new Date(),
        };
        await provider.applyJob(target.region, stopping);
        watcher.track(target.region, target.jobArn, stopping);
    };

    const refreshOne = async (target: JobTarget): Promise<void> => {
        const job = await getJob(ctx.aws, target.region, target.jobArn);
        await provider.applyJob(target.region, job);
        watcher.track(target.region, target.jobArn, job);
    };

    const copy = async (text: string | undefined, what: string): Promise<void> => {
        if (text === undefined) {
            throw new Error(`This job has no ${what}.`);
        }
        await vscode.env.clipboard.writeText(text);
        vscode.window.setStatusBarMessage(`Copied the ${what}: ${text}`, 4000);
    };

    const openLocation = async (target: JobTarget, which: 'input' | 'output'): Promise<void> => {
        const job = target.job;
        const configured =
            which === 'input'
                ? job.inputDataConfig?.s3InputDataConfig?.s3Uri
                : job.outputDataConfig?.s3OutputDataConfig?.s3Uri;
        // Results land in <output>/<jobId>/ once the job runs; before that only the prefix exists.
        const uri =
            which === 'output' && !isQueued(job.status)
                ? (outputFolderOf(job) ?? configured)
                : configured;
        const location = parseS3Uri(uri);
        if (location === undefined) {
            throw new Error(`This job has no ${which} location.`);
        }
        if (hasCustomS3(ctx)) {
            await browseS3(ctx, target.region, location);
        } else {
            await vscode.env.openExternal(
                vscode.Uri.parse(s3ConsoleUrl(location, target.region), true),
            );
        }
    };

    const openInConsole = async (target: JobTarget): Promise<void> => {
        if (hasCustomS3(ctx) || ctx.inSandbox) {
            void vscode.window.showInformationMessage(
                "This connection has no AWS console; the job's hover in Batch Jobs shows it all.",
            );
            return;
        }
        await vscode.env.openExternal(vscode.Uri.parse(batchConsoleUrl(target.region), true));
        vscode.window.setStatusBarMessage(
            `In the console, find the job by its name: ${nameOf(target)}`,
            10_000,
        );
    };

    return [
        // Stopping twice is harmless, and Retry asks again before it stops.
        registerCommand(ctx, 'bedrockBatch.stopJob', 'Could not stop the batch job', stop, {
            retry: true,
        }),
        registerCommand(
            ctx,
            'bedrockBatch.refreshJob',
            'Could not refresh the batch job',
            (arg) => provider.withProgress(refreshOne(targetOf(arg))),
            { retry: true },
        ),
        registerCommand(ctx, 'bedrockBatch.copyJobArn', 'Could not copy the job ARN', (arg) =>
            copy(targetOf(arg).jobArn, 'job ARN'),
        ),
        registerCommand(ctx, 'bedrockBatch.copyJobId', 'Could not copy the job ID', (arg) =>
            copy(jobIdOf(targetOf(arg).jobArn), 'job ID'),
        ),
        registerCommand(
            ctx,
            'bedrockBatch.openInputLocation',
            'Could not open the input location',
            (arg) => openLocation(targetOf(arg), 'input'),
            { retry: true },
        ),
        registerCommand(
            ctx,
            'bedrockBatch.openOutputLocation',
            'Could not open the output location',
            (arg) => openLocation(targetOf(arg), 'output'),
            { retry: true },
        ),
        registerCommand(
            ctx,
            'bedrockBatch.openInConsole',
            'Could not open the AWS console',
            (arg) => openInConsole(targetOf(arg)),
            { retry: true },
        ),
    ];
}

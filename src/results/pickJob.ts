/** From the palette: a region (when several are shown), then one of its finished jobs. */
import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { escapeCodicons } from '../shared/quickPickText';
import { isFinished, type JobRef } from './jobRef';

interface JobItem extends vscode.QuickPickItem {
    readonly job: ModelInvocationJobSummary;
}

export async function pickFinishedJob(ctx: Ctx, title: string): Promise<JobRef | undefined> {
    const region = await pickRegion(ctx, title);
    if (region === undefined) {
        return undefined;
    }
    const items = listFinished(ctx, region).then((list) =>
        list.map((job): JobItem => ({
            label: escapeCodicons(job.jobName ?? job.jobArn ?? '(unnamed job)'),
            description: escapeCodicons(`${job.status ?? ''} · ${job.modelId ?? ''}`),
            detail: job.endTime === undefined ? '' : `Ended ${job.endTime.toLocaleString()}`,
            job,
        })),
    );
    const picked = await vscode.window.showQuickPick(items, {
        title,
        placeHolder: `Finished batch jobs in ${region}`,
        matchOnDescription: true,
    });
    return picked === undefined ? undefined : { region, job: picked.job };
}

async function pickRegion(ctx: Ctx, title: string): Promise<string | undefined> {
    const regions = ctx.settings.regions;
    if (regions.length === 1) {
        return regions[0];
    }
    if (regions.length === 0) {
        const region = await ctx.aws.defaultRegion();
        if (region !== undefined) {
            return region;
        }
        return vscode.window.showInputBox({
            title,
            prompt: 'Region of the batch job',
            placeHolder: 'us-east-1',
        });
    }
    const picked = await vscode.window.showQuickPick(
        regions.map((region) => ({ label: escapeCodicons(region), region })),
        { title, placeHolder: 'Region of the batch job' },
    );
    return picked?.region;
}

async function listFinished(ctx: Ctx, region: string): Promise<ModelInvocationJobSummary[]> {
    const sdk = ctx.aws.sdk();
    const pages = sdk.paginateListModelInvocationJobs(
        { client: ctx.aws.bedrock(region), pageSize: 1000 },
        { sortBy: 'CreationTime', sortOrder: 'Descending' },
    );
    const jobs: ModelInvocationJobSummary[] = [];
    for await (const page of pages) {
        jobs.push(...(page.invocationJobSummaries ?? []).filter((job) => isFinished(job.status)));
    }
    if (jobs.length === 0) {
        throw new Error(`No finished batch jobs in ${region}`);
    }
    return jobs;
}

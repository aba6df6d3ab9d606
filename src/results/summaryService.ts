/**
 * Result summaries of finished jobs for the explorer's tooltips: read once per job and status
 * from the downloaded folder, else from the manifest in S3, then cached.
 */
import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import * as vscode from 'vscode';
import { findPrice } from '../checker/cost';
import { baseModelIdOf } from '../checker/modelTarget';
import type { PriceRow } from '../checker/types';
import type { Ctx } from '../ctx';
import { describeError } from '../shared/log';
import { pathExists } from '../shared/pathExists';
import type { DownloadRegistry } from './downloadRegistry';
import { isFinished, jobIdOf } from './jobRef';
import { summaryFromFolder, summaryFromS3 } from './jobSummary';
import { sdkS3Reader } from './s3Reader';
import { jobOutputPrefix } from './s3Location';
import type { ResultSummary } from './summary';
import { describeSummary, type SummaryDisplay } from './summaryText';

interface Cached {
    readonly status: string | undefined;
    readonly display: SummaryDisplay | undefined;
}

export class SummaryService implements vscode.Disposable {
    private readonly cache = new Map<string, Cached>();
    private readonly inflight = new Map<string, Promise<SummaryDisplay | undefined>>();
    private readonly changed = new vscode.EventEmitter<string>();
    /** Fires a job ARN when its summary was read (or dropped). */
    readonly onDidChange = this.changed.event;
    private readonly subscription: vscode.Disposable;

    constructor(
        private readonly ctx: Ctx,
        private readonly registry: DownloadRegistry,
        private readonly prices: () => readonly PriceRow[],
    ) {
        this.subscription = ctx.onDidChangeConnection(() => this.cache.clear());
    }

    /** The summary already read for this job and status, without any I/O. */
    cached(job: ModelInvocationJobSummary): SummaryDisplay | undefined {
        const hit = job.jobArn === undefined ? undefined : this.cache.get(job.jobArn);
        return hit?.status === job.status ? hit?.display : undefined;
    }

    /** Undefined for jobs still running and jobs without a manifest. */
    summaryFor(
        region: string,
        job: ModelInvocationJobSummary,
    ): Promise<SummaryDisplay | undefined> {
        const jobArn = job.jobArn;
        if (jobArn === undefined || !isFinished(job.status)) {
            return Promise.resolve(undefined);
        }
        const hit = this.cache.get(jobArn);
        if (hit !== undefined && hit.status === job.status) {
            return Promise.resolve(hit.display);
        }
        let pending = this.inflight.get(jobArn);
        if (pending === undefined) {
            pending = this.read(region, job, jobArn).finally(() => this.inflight.delete(jobArn));
            this.inflight.set(jobArn, pending);
        }
        return pending;
    }

    forget(jobArn: string): void {
        if (this.cache.delete(jobArn)) {
            this.changed.fire(jobArn);
        }
    }

    dispose(): void {
        this.subscription.dispose();
        this.changed.dispose();
    }

    private async read(
        region: string,
        job: ModelInvocationJobSummary,
        jobArn: string,
    ): Promise<SummaryDisplay | undefined> {
        let display: SummaryDisplay | undefined;
        try {
            const summary = await this.summaryOf(region, job, jobArn);
            display = summary === undefined ? undefined : describeSummary(summary, job.modelId);
        } catch (error) {
            this.ctx.log.debug(`No result summary for ${jobArn}: ${describeError(error)}`);
        }
        this.cache.set(jobArn, { status: job.status, display });
        this.changed.fire(jobArn);
        return display;
    }

    private async summaryOf(
        region: string,
        job: ModelInvocationJobSummary,
        jobArn: string,
    ): Promise<ResultSummary | undefined> {
        const price =
            job.modelId === undefined
                ? undefined
                : findPrice(baseModelIdOf(job.modelId), this.prices());
        const folder = this.registry.folderOf(jobArn);
        if (folder !== undefined && (await pathExists(folder))) {
            const local = await summaryFromFolder(folder, price);
            if (local !== undefined) {
                return local;
            }
        }
        const outputUri = job.outputDataConfig?.s3OutputDataConfig?.s3Uri;
        const prefix =
            outputUri === undefined ? undefined : jobOutputPrefix(outputUri, jobIdOf(jobArn));
        return prefix === undefined
            ? undefined
            : summaryFromS3(sdkS3Reader(this.ctx.aws, region), prefix, price);
    }
}

import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { classifyFailure } from '../shared/failure';
import { describeError } from '../shared/log';
import { reportError } from '../shared/reportError';
import { pollBackoff } from './backoff';
import { isActive } from './jobStatus';
import type { JobsTreeProvider } from './jobsTreeProvider';
import { getJob } from './listJobs';
import { noticeFor, type JobNotice, type NoticeAction } from './jobNotice';
import { JobPoller, signatureOf } from './jobPoller';
import type { RegionNode } from './nodes/regionNode';
import type { JobChange } from './regionJobs';

/** A notification the watcher raised, kept for the testing API. */
export interface NoticeRecord extends JobNotice {
    readonly region: string;
    readonly jobArn: string;
    readonly status: string;
}

const keptNotices = 50;

/**
 * Keeps active jobs fresh and says when they end: polls just the shown jobs that can still change
 * (GetModelInvocationJob, each on its own backoff), stops when none are left, and raises one
 * notification per job that reaches an end status.
 */
export class JobWatcher implements vscode.Disposable {
    private readonly poller: JobPoller;
    private readonly disposables: vscode.Disposable[] = [];
    private readonly raised: NoticeRecord[] = [];

    constructor(
        private readonly ctx: Ctx,
        private readonly provider: JobsTreeProvider,
        private readonly reveal: (region: string, jobArn: string) => Promise<unknown>,
    ) {
        this.poller = new JobPoller({
            timers: provider.timers,
            backoff: () => pollBackoff(ctx.settings.pollIntervalSeconds),
            fetch: (region, jobArn) => getJob(ctx.aws, region, jobArn),
            onResult: (region, job) => this.polled(region, job),
            onError: (region, jobArn, error) => this.pollFailed(region, jobArn, error),
        });
        this.disposables.push(
            provider.onDidLoadRegion(({ region }) => this.syncRegion(region)),
            provider.onDidChangeJobs((changes) => this.changed(changes)),
            ctx.onDidChangeConnection(() => this.poller.retain(() => false)),
        );
    }

    /**
     * Polls a job until it ends, even before a listing shows it (e.g. just submitted). Without
     * the job's current state it is assumed active until the first poll says otherwise.
     */
    track(region: string, jobArn: string, job?: ModelInvocationJobSummary): void {
        if (job !== undefined && !isActive(job.status)) {
            return;
        }
        this.provider.pin(jobArn);
        this.poller.track(region, jobArn, job === undefined ? undefined : signatureOf(job));
    }

    /** How many jobs are being polled. */
    get polling(): number {
        return this.poller.size;
    }

    isPolling(jobArn: string): boolean {
        return this.poller.isTracked(jobArn);
    }

    get notices(): readonly NoticeRecord[] {
        return this.raised;
    }

    dispose(): void {
        this.poller.dispose();
        vscode.Disposable.from(...this.disposables).dispose();
    }

    private syncRegion(region: RegionNode): void {
        const name = region.region;
        for (const job of region.store.jobs()) {
            if (job.jobArn !== undefined && isActive(job.status)) {
                this.poller.track(name, job.jobArn, signatureOf(job));
            }
        }
        // A job tracked before any listing showed it (just submitted) stays until it ends.
        this.poller.retain(
            (r, jobArn) =>
                r !== name ||
                isActive(region.store.get(jobArn)?.status) ||
                (region.store.get(jobArn) === undefined && this.provider.isPinned(jobArn)),
        );
    }

    private polled(region: string, job: ModelInvocationJobSummary): void {
        if (!this.provider.hasRegion(region) && job.jobArn !== undefined) {
            this.poller.untrack(job.jobArn);
            return;
        }
        this.provider.applyJob(region, job).catch((error: unknown) => {
            this.ctx.log.warn(`Updating job ${job.jobArn ?? ''} failed: ${describeError(error)}`);
        });
    }

    private pollFailed(region: string, jobArn: string, error: unknown): void {
        const failure = classifyFailure(error, this.ctx.profile);
        // Polling again cannot fix these; the next listing or refresh will show what is wrong.
        const hopeless = [
            'notFound',
            'accessDenied',
            'noCredentials',
            'invalidCredentials',
            'ssoExpired',
        ];
        if (hopeless.includes(failure.kind)) {
            this.poller.untrack(jobArn);
            this.ctx.log.warn(`Stopped polling ${jobArn} in ${region}: ${failure.message}`);
        } else {
            this.ctx.log.debug(
                `Polling ${jobArn} in ${region} failed, backing off: ${failure.message}`,
            );
        }
    }

    private changed(changes: readonly JobChange[]): void {
        for (const { region, previousStatus, job } of changes) {
            const arn = job.jobArn;
            if (arn === undefined) {
                continue;
            }
            if (isActive(job.status)) {
                this.poller.track(region, arn, signatureOf(job));
            } else {
                this.poller.untrack(arn);
                this.provider.unpin(arn);
            }
            const notice = noticeFor(previousStatus, job);
            if (notice !== undefined) {
                this.notify(region, arn, job, notice);
            }
        }
    }

    private notify(
        region: string,
        jobArn: string,
        job: ModelInvocationJobSummary,
        notice: JobNotice,
    ): void {
        this.raised.push({ ...notice, region, jobArn, status: job.status ?? '' });
        this.raised.splice(0, Math.max(0, this.raised.length - keptNotices));
        this.ctx.log.info(`Job ${jobArn} is now ${job.status ?? 'unknown'}`);
        const show =
            notice.severity === 'error'
                ? vscode.window.showErrorMessage
                : notice.severity === 'warning'
                  ? vscode.window.showWarningMessage
                  : vscode.window.showInformationMessage;
        void show(notice.message, ...notice.actions).then(async (choice) => {
            try {
                await this.runAction(choice, region, job);
            } catch (error) {
                await reportError(this.ctx.log, error, {
                    doing: `Could not ${choice?.toLowerCase() ?? 'act'}`,
                });
            }
        });
    }

    private async runAction(
        choice: NoticeAction | undefined,
        region: string,
        job: ModelInvocationJobSummary,
    ): Promise<void> {
        switch (choice) {
            case 'Download Results':
                await vscode.commands.executeCommand('bedrockBatch.downloadResults', {
                    region,
                    job,
                });
                break;
            case 'Show Metrics':
                await vscode.commands.executeCommand('bedrockBatch.openMetrics', {
                    region,
                    modelId: job.modelId,
                    jobArn: job.jobArn,
                    from: job.submitTime,
                    to: job.endTime ?? job.lastModifiedTime,
                });
                break;
            case 'Show Job':
                await this.reveal(region, job.jobArn ?? '');
                break;
            default:
                break;
        }
    }
}

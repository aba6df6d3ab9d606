import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { describeError } from '../shared/log';
import { describeFilter, type JobFilter } from './jobFilter';
import { JobsTreeProvider, jobsViewId } from './jobsTreeProvider';
import { JobWatcher } from './jobWatcher';
import { getJob } from './listJobs';
import type { TreeNode } from './nodes/treeNode';
import { RunningJobs } from './runningJobs';
import type { Timers } from './timers';

/**
 * The Batch Jobs view and what other features use of it: refresh a region, reveal a job, and
 * watch a job until it ends (polling plus a notification), e.g. right after submitting it.
 */
export class Explorer implements vscode.Disposable {
    readonly provider: JobsTreeProvider;
    readonly view: vscode.TreeView<TreeNode>;
    readonly watcher: JobWatcher;
    readonly running: RunningJobs;
    /**
     * Asks before a destructive action with a modal dialog. VS Code refuses modal dialogs while
     * extension tests run, so the integration tests answer through the testing API instead.
     */
    confirm = async (message: string, detail: string, action: string): Promise<boolean> =>
        (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) ===
        action;

    constructor(
        private readonly ctx: Ctx,
        timers: Timers,
    ) {
        this.provider = new JobsTreeProvider(ctx, timers);
        this.view = vscode.window.createTreeView(jobsViewId, {
            treeDataProvider: this.provider,
            showCollapseAll: true,
        });
        this.watcher = new JobWatcher(ctx, this.provider, (region, jobArn) =>
            this.revealJob(region, jobArn),
        );
        this.running = new RunningJobs(this.provider, this.view);
        this.view.description = describeFilter(this.provider.filter);
    }

    /** Applies a filter and shows it in the view's title. */
    async setFilter(filter: JobFilter): Promise<void> {
        this.view.description = describeFilter(filter);
        await this.provider.setFilter(filter);
    }

    /** Lists one region's jobs again (it is added to the view for this session if not shown). */
    refreshRegion(region: string): Promise<void> {
        return this.provider.refresh(region);
    }

    /**
     * Shows and selects a job's row, fetching the job first when the listing does not have it
     * yet. False when the filter hides it (the user is offered to clear the filter).
     */
    async revealJob(region: string, jobArn: string): Promise<boolean> {
        let node = await this.provider.findJob(region, jobArn);
        if (node === undefined) {
            await this.provider.applyJob(region, await getJob(this.ctx.aws, region, jobArn));
            node = await this.provider.findJob(region, jobArn);
        }
        if (node === undefined) {
            void vscode.window
                .showInformationMessage(
                    'The job is hidden by the Batch Jobs filter.',
                    'Clear Filter',
                )
                .then((choice) =>
                    choice === undefined
                        ? undefined
                        : vscode.commands.executeCommand('bedrockBatch.filterJobs', 'reset'),
                );
            return false;
        }
        await this.showView();
        await this.view.reveal(node, { select: true, focus: true, expand: true });
        return true;
    }

    /** Opens the view if hidden and lets it finish drawing (see ViewQuiet for why). */
    private async showView(): Promise<void> {
        const openedAt = this.provider.timers.now();
        const hidden = !this.view.visible;
        if (hidden) {
            await vscode.commands.executeCommand(`${jobsViewId}.focus`);
        }
        await this.provider.quiet.settled(250, 3000, hidden ? openedAt : undefined);
    }

    /**
     * Polls a job until it ends and notifies then, even before any listing shows it. Knowing the
     * job's current state is optional; without it the job is fetched.
     */
    async trackJob(
        region: string,
        jobArn: string,
        known?: ModelInvocationJobSummary,
    ): Promise<void> {
        await this.provider.showRegion(region);
        this.provider.pin(jobArn);
        let job = known;
        if (job === undefined) {
            try {
                job = await getJob(this.ctx.aws, region, jobArn);
            } catch (error) {
                // A job created a moment ago may not be readable yet; the poller will find it.
                this.ctx.log.debug(`First read of ${jobArn} failed: ${describeError(error)}`);
            }
        }
        if (job !== undefined) {
            await this.provider.applyJob(region, job);
        }
        this.watcher.track(region, jobArn, job);
    }

    dispose(): void {
        this.running.dispose();
        this.watcher.dispose();
        this.view.dispose();
        this.provider.dispose();
    }
}

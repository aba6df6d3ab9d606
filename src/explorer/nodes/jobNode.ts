import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import * as vscode from 'vscode';
import { jobTooltipMarkdown } from '../jobDetails';
import { jobContextValue } from '../contextValues';
import { isActive } from '../jobStatus';
import { jobRowDescription, jobRowState } from '../jobRow';
import { jobKey } from '../regionJobs';
import { statusIcon } from '../statusIcons';
import type { TreeNode } from './treeNode';

/**
 * One batch job. The node is also the argument of the row's commands: it has the `{ region, job }`
 * shape of bedrockBatch.downloadResults and the `{ region, modelId, jobArn, from, to }` shape of
 * bedrockBatch.openMetrics, so menus can invoke those commands directly.
 */
export class JobNode implements TreeNode {
    readonly id: string;
    /** The row's state when it was created or last redrawn for a change (see `takeChange`). */
    private shownState: string;

    constructor(
        readonly parent: TreeNode,
        readonly region: string,
        /** Replaced in place by polls and actions, so the row keeps its identity. */
        public job: ModelInvocationJobSummary,
        private readonly now: () => number,
    ) {
        this.id = `job:${jobKey(job)}`;
        this.shownState = this.state();
    }

    /**
     * Whether anything the row shows changed since it was drawn; if so it counts as redrawn from
     * now on, so the caller must fire the change.
     */
    takeChange(): boolean {
        const state = this.state();
        if (state === this.shownState) {
            return false;
        }
        this.shownState = state;
        return true;
    }

    private state(): string {
        return jobRowState(this.job, this.region, this.now());
    }

    get jobArn(): string | undefined {
        return this.job.jobArn;
    }

    get modelId(): string | undefined {
        return this.job.modelId;
    }

    /** Metrics window start: submission. */
    get from(): Date | undefined {
        return this.job.submitTime;
    }

    /** Metrics window end: the end of a finished job, or undefined (now) for an active one. */
    get to(): Date | undefined {
        return isActive(this.job.status)
            ? undefined
            : (this.job.endTime ?? this.job.lastModifiedTime);
    }

    getTreeItem(): vscode.TreeItem {
        const job = this.job;
        const name = job.jobName ?? '(unnamed job)';
        // A TreeItemLabel is plain text: a name from the service never renders as markup.
        const item = new vscode.TreeItem({ label: name }, vscode.TreeItemCollapsibleState.None);
        item.id = this.id;
        item.description = jobRowDescription(job, this.now());
        item.iconPath = statusIcon(job.status);
        item.contextValue = jobContextValue(job);
        item.accessibilityInformation = {
            label: `Batch job ${name}: ${item.description.replace(/ · /g, ', ')}`,
            role: 'treeitem',
        };
        return item;
    }

    resolveTooltip(): vscode.MarkdownString {
        const md = new vscode.MarkdownString(jobTooltipMarkdown(this.job, this.region), false);
        md.isTrusted = false;
        md.supportHtml = false;
        return md;
    }

    getChildren(): Promise<TreeNode[]> {
        return Promise.resolve([]);
    }
}

import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import * as vscode from 'vscode';
import { jobTooltipMarkdown } from '../jobDetails';
import { jobContextValue } from '../contextValues';
import { isActive } from '../jobStatus';
import { jobDescription } from '../jobText';
import { describeModelForm, parseModelId } from '../modelIds';
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

    constructor(
        readonly parent: TreeNode,
        readonly region: string,
        /** Replaced in place by polls and actions, so the row keeps its identity. */
        public job: ModelInvocationJobSummary,
        private readonly now: () => number,
    ) {
        this.id = `job:${jobKey(job)}`;
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
        const form = describeModelForm(parseModelId(job.modelId ?? ''));
        const description = jobDescription(job, this.now());
        item.description = form === undefined ? description : `${description} · ${form}`;
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

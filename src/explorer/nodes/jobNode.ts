import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import * as vscode from 'vscode';
import { jobDescription } from '../jobText';
import { jobTooltip } from '../jobTooltip';
import { describeModelForm, parseModelId } from '../modelIds';
import { statusIcon } from '../statusIcons';
import type { TreeNode } from './treeNode';

export class JobNode implements TreeNode {
    readonly id: string;

    constructor(
        readonly parent: TreeNode,
        readonly region: string,
        public job: ModelInvocationJobSummary,
    ) {
        this.id = `job:${job.jobArn ?? job.jobName ?? ''}`;
    }

    getTreeItem(): vscode.TreeItem {
        const job = this.job;
        // Label as plain text: job names come from the service and must never render as markup.
        const item = new vscode.TreeItem({ label: job.jobName ?? '(unnamed job)' });
        item.id = this.id;
        const form = describeModelForm(parseModelId(job.modelId ?? ''));
        const description = jobDescription(job, Date.now());
        item.description = form === undefined ? description : `${description} · ${form}`;
        item.iconPath = statusIcon(job.status);
        item.tooltip = jobTooltip(job, this.region);
        item.contextValue = `bedrockBatch:job+${job.status ?? 'Unknown'}`;
        item.accessibilityInformation = { label: `Batch job ${job.jobName ?? ''}, ${description}` };
        return item;
    }

    getChildren(): Promise<TreeNode[]> {
        return Promise.resolve([]);
    }
}

import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import * as vscode from 'vscode';
import { isActive } from '../jobStatus';
import { JobNode } from './jobNode';
import type { TreeNode } from './treeNode';

/** One model of a region, holding the jobs that ran on it in any id form. */
export class ModelNode implements TreeNode {
    readonly id: string;
    readonly jobs: JobNode[];

    constructor(
        readonly parent: TreeNode,
        readonly region: string,
        readonly modelId: string,
        jobs: readonly ModelInvocationJobSummary[],
    ) {
        this.id = `model:${region}:${modelId}`;
        this.jobs = jobs.map((job) => new JobNode(this, region, job));
    }

    getTreeItem(): vscode.TreeItem {
        const item = new vscode.TreeItem({ label: this.modelId }, vscode.TreeItemCollapsibleState.Expanded);
        item.id = this.id;
        const running = this.jobs.filter((node) => isActive(node.job.status)).length;
        const count = `${this.jobs.length} job${this.jobs.length === 1 ? '' : 's'}`;
        item.description = running > 0 ? `${count}, ${running} active` : count;
        item.iconPath = new vscode.ThemeIcon('symbol-class');
        item.contextValue = 'bedrockBatch:model';
        return item;
    }

    getChildren(): Promise<TreeNode[]> {
        return Promise.resolve(this.jobs);
    }
}

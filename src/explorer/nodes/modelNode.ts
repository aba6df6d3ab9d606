import * as vscode from 'vscode';
import { contextValues } from '../contextValues';
import { countText, modelTooltip, unknownModel, type ModelGroup } from '../groupJobs';
import { jobKey } from '../regionJobs';
import { JobNode } from './jobNode';
import type { TreeNode } from './treeNode';

/** One model of a region, holding the jobs that ran on it in any id form. */
export class ModelNode implements TreeNode {
    readonly id: string;
    private group: ModelGroup;
    private nodes: JobNode[] = [];
    private readonly byKey = new Map<string, JobNode>();

    constructor(
        readonly parent: TreeNode,
        readonly region: string,
        group: ModelGroup,
        private readonly collapsed: () => boolean,
        private readonly now: () => number,
    ) {
        this.id = `model:${region}:${group.key}`;
        this.group = group;
        this.update(group);
    }

    get key(): string {
        return this.group.key;
    }

    /** The row's model for commands such as Show Metrics; undefined for jobs without one. */
    get modelId(): string | undefined {
        return this.group.key === unknownModel ? undefined : this.group.key;
    }

    get jobs(): readonly JobNode[] {
        return this.nodes;
    }

    /** Takes the group's current jobs, keeping the node of every job it already showed. */
    update(group: ModelGroup): void {
        this.group = group;
        const seen = new Set<string>();
        this.nodes = group.jobs.map((job) => {
            const key = jobKey(job);
            seen.add(key);
            const node = this.byKey.get(key);
            if (node === undefined) {
                const created = new JobNode(this, this.region, job, this.now);
                this.byKey.set(key, created);
                return created;
            }
            node.job = job;
            return node;
        });
        for (const key of [...this.byKey.keys()]) {
            if (!seen.has(key)) {
                this.byKey.delete(key);
            }
        }
    }

    findJob(key: string): JobNode | undefined {
        return this.byKey.get(key);
    }

    getTreeItem(): vscode.TreeItem {
        const state = this.collapsed()
            ? vscode.TreeItemCollapsibleState.Collapsed
            : vscode.TreeItemCollapsibleState.Expanded;
        const item = new vscode.TreeItem({ label: this.group.label }, state);
        item.id = this.id;
        item.description = countText(this.group.jobs.length, this.group.activeCount);
        item.iconPath = new vscode.ThemeIcon('hubot');
        item.contextValue = contextValues.model;
        item.tooltip = modelTooltip(this.group);
        item.accessibilityInformation = { label: `Model ${this.group.label}, ${item.description}` };
        return item;
    }

    getChildren(): Promise<TreeNode[]> {
        return Promise.resolve(this.nodes);
    }
}

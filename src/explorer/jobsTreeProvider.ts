import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { settingsSection } from '../shared/settings';
import type { JobQuery } from './listJobs';
import { RegionNode } from './nodes/regionNode';
import type { TreeNode } from './nodes/treeNode';

const dayMs = 24 * 60 * 60 * 1000;

/** The Batch Jobs view: Region → Model → Job. */
export class JobsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
    private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
    readonly onDidChangeTreeData = this.changed.event;
    private regions: RegionNode[] | undefined;
    private readonly disposables: vscode.Disposable[] = [this.changed];
    private query: JobQuery = {};

    constructor(private readonly ctx: Ctx) {
        this.disposables.push(
            ctx.onDidChangeConnection(() => this.rebuild()),
            vscode.workspace.onDidChangeConfiguration((event) => {
                if (event.affectsConfiguration(`${settingsSection}.regions`)) {
                    this.rebuild();
                }
            }),
        );
    }

    getTreeItem(node: TreeNode): vscode.TreeItem {
        return node.getTreeItem();
    }

    async getChildren(node?: TreeNode): Promise<TreeNode[]> {
        if (node !== undefined) {
            return node.getChildren();
        }
        this.regions ??= await this.createRegions();
        return this.regions;
    }

    getParent(node: TreeNode): TreeNode | undefined {
        return node.parent;
    }

    /** Fetches every region's jobs again. */
    refresh(): void {
        for (const region of this.regions ?? []) {
            region.reload();
        }
        this.changed.fire(undefined);
    }

    dispose(): void {
        vscode.Disposable.from(...this.disposables).dispose();
    }

    private rebuild(): void {
        this.regions = undefined;
        this.changed.fire(undefined);
    }

    private async createRegions(): Promise<RegionNode[]> {
        let names = this.ctx.settings.regions;
        if (names.length === 0) {
            const fallback = await this.ctx.aws.defaultRegion().catch(() => undefined);
            names = fallback === undefined ? [] : [fallback];
        }
        return names.map((name) => new RegionNode(this.ctx, name, () => this.currentQuery()));
    }

    private currentQuery(): JobQuery {
        return { submittedAfter: new Date(Date.now() - 30 * dayMs), ...this.query };
    }
}

import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { registerCommand } from '../shared/commands';
import { JobsTreeProvider } from './jobsTreeProvider';
import type { TreeNode } from './nodes/treeNode';
import { pickRegion } from './pickRegion';
import { RegionNode } from './nodes/regionNode';

export const jobsViewId = 'bedrockBatch.jobs';

export interface Explorer {
    readonly provider: JobsTreeProvider;
    readonly view: vscode.TreeView<TreeNode>;
}

export function activateExplorer(ctx: Ctx): Explorer {
    const provider = new JobsTreeProvider(ctx);
    const view = vscode.window.createTreeView(jobsViewId, { treeDataProvider: provider, showCollapseAll: true });
    ctx.extension.subscriptions.push(
        provider,
        view,
        registerCommand(ctx, 'bedrockBatch.refreshExplorer', 'Could not refresh the batch jobs', () =>
            provider.refresh(),
        ),
        registerCommand(ctx, 'bedrockBatch.addRegion', 'Could not add the region', async () => {
            const region = await pickRegion(ctx.settings.regions);
            if (region !== undefined) {
                await ctx.settings.setRegions([...ctx.settings.regions, region]);
            }
        }),
        registerCommand(ctx, 'bedrockBatch.removeRegion', 'Could not remove the region', async (node) => {
            if (node instanceof RegionNode) {
                await ctx.settings.setRegions(ctx.settings.regions.filter((r) => r !== node.region));
            }
        }),
    );
    return { provider, view };
}

import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { registerCommand } from '../shared/commands';
import { notificationText } from '../shared/notificationText';
import type { Explorer } from './explorer';
import { pickFilter } from './filterPicker';
import { defaultFilter } from './jobFilter';
import { RegionNode } from './nodes/regionNode';
import { pickRegion } from './pickRegion';

/** The view's own commands: refresh, regions and the filter. */
export function registerExplorerCommands(ctx: Ctx, explorer: Explorer): vscode.Disposable[] {
    const { provider } = explorer;
    return [
        registerCommand(
            ctx,
            'bedrockBatch.refreshExplorer',
            'Could not refresh the batch jobs',
            (node) => provider.refresh(node instanceof RegionNode ? node.region : undefined),
            { retry: true },
        ),
        registerCommand(ctx, 'bedrockBatch.addRegion', 'Could not add the region', async () => {
            const shown = provider.regionNodes().map((node) => node.region);
            const region = await pickRegion([...new Set([...ctx.settings.regions, ...shown])]);
            if (region === undefined) {
                return;
            }
            // With no regions set the view showed the profile's region; keep it alongside.
            const fallback = provider
                .regionNodes()
                .filter((node) => !node.sessionOnly)
                .map((node) => node.region);
            const current = ctx.settings.regions.length === 0 ? fallback : ctx.settings.regions;
            await ctx.settings.setRegions([...current.filter((r) => r !== region), region]);
        }),
        registerCommand(
            ctx,
            'bedrockBatch.removeRegion',
            'Could not remove the region',
            async (node) => {
                if (!(node instanceof RegionNode)) {
                    throw new Error('Run this on a region in the Batch Jobs view.');
                }
                if (provider.forgetSessionRegion(node.region)) {
                    return;
                }
                if (!ctx.settings.regions.includes(node.region)) {
                    void vscode.window.showInformationMessage(
                        notificationText(
                            `${node.region} is the AWS profile's region, shown while ` +
                                'bedrockBatch.regions is empty. Add the regions you want instead.',
                        ),
                    );
                    return;
                }
                await ctx.settings.setRegions(
                    ctx.settings.regions.filter((r) => r !== node.region),
                );
            },
        ),
        registerCommand(
            ctx,
            'bedrockBatch.filterJobs',
            'Could not filter the batch jobs',
            async (arg) => {
                const filter = arg === 'reset' ? defaultFilter : await pickFilter(provider.filter);
                if (filter !== undefined) {
                    await explorer.setFilter(filter);
                }
            },
        ),
    ];
}

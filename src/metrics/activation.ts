import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { registerCommand } from '../shared/commands';
import { MetricsPanel } from './metricsPanel';
import { MetricsService } from './metricsService';
import { parseOpenArgs, parsePersistedState } from './panelState';
import { metricsViewType } from './protocol';

/**
 * `bedrockBatch.openMetrics` (palette, or a region/model/job of the explorer) and the serializer
 * that brings the panel back after a window reload. Nothing here touches the SDK.
 * `viewRegions` gives the Batch Jobs view's regions, which the region picker offers first.
 */
export function activateMetrics(ctx: Ctx, viewRegions: () => readonly string[] = () => []): void {
    const service = new MetricsService(ctx.aws);
    ctx.extension.subscriptions.push(
        registerCommand(
            ctx,
            'bedrockBatch.openMetrics',
            'Could not open the batch metrics',
            (arg) => {
                MetricsPanel.show(ctx, service, viewRegions, parseOpenArgs(arg));
            },
            { retry: true },
        ),
        vscode.window.registerWebviewPanelSerializer(metricsViewType, {
            deserializeWebviewPanel: (panel: vscode.WebviewPanel, state: unknown) => {
                MetricsPanel.revive(
                    ctx,
                    service,
                    viewRegions,
                    panel,
                    parsePersistedState(state),
                );
                return Promise.resolve();
            },
        }),
        { dispose: () => MetricsPanel.open?.dispose() },
    );
}

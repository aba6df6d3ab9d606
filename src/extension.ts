import type * as vscode from 'vscode';
import { Ctx } from './ctx';
import { activateExplorer } from './explorer/activation';
import { activateConfigureProfile } from './profile/configureProfile';
import { registerCommand } from './shared/commands';
import { createLog } from './shared/log';
import { createTestingApi, type TestingApi } from './testing/api';

export interface BedrockBatchApi {
    /** Read-only views of what the UI shows, for the integration tests. */
    readonly testing: TestingApi;
}

export function activate(context: vscode.ExtensionContext): BedrockBatchApi {
    const log = createLog();
    const ctx = new Ctx(context, log);
    context.subscriptions.push(log, ctx);
    log.info(`Bedrock Batch ${String(context.extension.packageJSON['version'])} activating`);

    const explorer = activateExplorer(ctx);
    activateConfigureProfile(ctx);
    context.subscriptions.push(registerCommand(ctx, 'bedrockBatch.showLog', 'Could not show the log', () => log.show()));

    return { testing: createTestingApi(ctx, explorer) };
}

export function deactivate(): void {
    // Everything is disposed through context.subscriptions.
}

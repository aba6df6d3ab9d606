import type * as vscode from 'vscode';
import { Ctx } from './ctx';
import { isSdkLoaded } from './aws/loadSdk';
import { activateExplorer } from './explorer/activation';
import { activateMetrics } from './metrics/activation';
import { activateConfigureProfile } from './profile/configureProfile';
import { activateResults } from './results/activation';
import { resultsTooltipSection } from './results/explorerSection';
import { activateSandbox } from './sandbox/activation';
import { registerCommand } from './shared/commands';
import { activateSubmit } from './submit/activation';
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
    const { version } = context.extension.packageJSON as { version: string };
    log.info(`Bedrock Batch ${version} activating`);

    const explorer = activateExplorer(ctx);
    activateConfigureProfile(ctx);
    activateMetrics(ctx, () => explorer.provider.regionNodes().map((node) => node.region));
    const submit = activateSubmit(ctx, explorer);
    const results = activateResults(ctx, {
        submissions: (jobArn) => {
            const [inputFile, ...others] = submit.history.lookup(jobArn)?.files ?? [];
            // A folder job has several inputs; results then ask which one (or read S3).
            return inputFile === undefined || others.length > 0 ? undefined : { inputFile };
        },
    });
    const sandbox = activateSandbox(ctx, submit.diagnostics.diagnostics.models);
    context.subscriptions.push(
        explorer.provider.addTooltipSection(resultsTooltipSection(results.summaries)),
        registerCommand(ctx, 'bedrockBatch.showLog', 'Could not show the log', () => log.show()),
    );

    const activation = { sdkLoaded: isSdkLoaded() };
    return { testing: createTestingApi(ctx, explorer, activation, submit, results, sandbox) };
}

export function deactivate(): void {
    // Everything is disposed through context.subscriptions.
}

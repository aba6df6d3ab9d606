import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { awsQuotaSource } from '../quotas/awsQuotaSource';
import { ServiceQuotaStore } from '../quotas/serviceQuotaStore';
import { registerCommand } from '../shared/commands';
import { runCheckFile } from './checkFileCommand';
import { pickCheckModel } from './checkModelPicker';
import { chooseCheckModelCommand, CheckModelStatus } from './checkModelStatus';
import { CheckModelStore } from './checkModelStore';
import { JsonlDiagnostics } from './jsonlDiagnostics';
import { LargeFileChecks } from './largeFileChecks';
import { QuickFixProvider } from './quickFixes';

export interface DiagnosticsFeature {
    readonly diagnostics: JsonlDiagnostics;
    readonly status: CheckModelStatus;
    /** Job quotas read from Service Quotas (tests refresh it between scenarios). */
    readonly serviceQuotas: ServiceQuotaStore;
}

const jsonlSelector: vscode.DocumentSelector = [{ language: 'jsonl' }, { pattern: '**/*.jsonl' }];

/**
 * The checker in the editor: diagnostics as the user types, quick fixes, the model a file is
 * checked against (status bar), and "Check JSONL for Bedrock batch". No AWS call here: job quotas
 * from Service Quotas are read for a submit, or once another feature has loaded the SDK.
 */
export function activateDiagnostics(ctx: Ctx): DiagnosticsFeature {
    const models = new CheckModelStore(ctx.extension.workspaceState, ctx.settings);
    const serviceQuotas = new ServiceQuotaStore(awsQuotaSource(ctx.aws), ctx.log);
    const diagnostics = new JsonlDiagnostics(ctx, models, serviceQuotas);
    const status = new CheckModelStatus(models);
    ctx.extension.subscriptions.push(
        ctx.onDidChangeConnection(() => serviceQuotas.refresh()),
        models,
        diagnostics,
        status,
        new LargeFileChecks(diagnostics, ctx.log),
        vscode.languages.registerCodeActionsProvider(
            jsonlSelector,
            new QuickFixProvider(diagnostics),
            QuickFixProvider.metadata,
        ),
        registerCommand(
            ctx,
            'bedrockBatch.checkFile',
            'Could not check the file',
            (...args) => runCheckFile(diagnostics, args),
            { retry: true },
        ),
        registerCommand(ctx, chooseCheckModelCommand, 'Could not change the model', async (arg) => {
            const uri =
                arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
            if (uri === undefined) {
                return;
            }
            const picked = await pickCheckModel(models, uri);
            if (picked !== undefined) {
                await models.setForFile(uri, picked.model, { recent: true });
            }
        }),
    );
    return { diagnostics, status, serviceQuotas };
}

import * as vscode from 'vscode';
import type { JobCheckResult } from '../checker/types';
import { plural } from '../diagnostics/checkSummary';
import { checkWithProgress, fileLabel } from '../diagnostics/diskCheck';
import type { JsonlDiagnostics } from '../diagnostics/jsonlDiagnostics';
import { quotaNotes } from '../quotas/jobQuotas';
import { notificationText } from '../shared/notificationText';
import type { SubmitPreset } from './jobSettings';
import { snapshotOf, type FileSnapshot } from './uploadInput';
import { isOneJob, type PreparedCheck, type WizardState } from './wizard/wizardState';

/** The pre-submit check found errors: nothing is uploaded or started. */
export class CheckFailedStop extends Error {
    constructor(
        readonly errors: number,
        readonly warnings: number,
    ) {
        super(`The check found ${plural(errors, 'error')}`);
        this.name = 'CheckFailedStop';
    }
}

/**
 * Runs the pre-submit check of the whole file(s), streamed from disk, against the model chosen in
 * the wizard and its job quotas in the chosen region (settings, else Service Quotas, else the
 * defaults); the result is reused while model, region, quotas, mode and files stay the same.
 * Shows the findings as diagnostics; stops on errors; asks about warnings when there is no
 * confirmation step.
 */
export class PreSubmitCheck {
    private cached: { key: string; prepared: PreparedCheck } | undefined;
    /** Size and time of each file when it was checked; the upload insists they still match. */
    readonly snapshots = new Map<string, FileSnapshot>();

    constructor(
        private readonly diagnostics: JsonlDiagnostics,
        private readonly preset: SubmitPreset,
    ) {}

    async prepare(state: WizardState): Promise<PreparedCheck> {
        const snapshots = await Promise.all(
            state.files.map(async (file) => [file.toString(), await snapshotOf(file)] as const),
        );
        const quotas = await this.diagnostics.quotasFor(state.modelId, state.region);
        const key = JSON.stringify([
            state.modelId,
            state.invocationType,
            isOneJob(state),
            snapshots,
            quotas.quotas,
        ]);
        if (this.cached?.key === key) {
            return this.cached.prepared;
        }
        const [first] = state.files;
        if (first === undefined) {
            throw new Error('Nothing to submit');
        }
        if (state.modelId !== undefined) {
            // The editor and the status bar follow the wizard's choice, so Problems keeps what
            // this check finds instead of re-checking the files against another model.
            await this.diagnostics.models.chooseForFiles(state.files, {
                modelId: state.modelId,
                invocationType: state.invocationType ?? 'InvokeModel',
                ...(state.region === undefined ? {} : { region: state.region }),
            });
        }
        const options = {
            ...this.diagnostics.optionsFor(first),
            ...(state.modelId === undefined ? {} : { modelId: state.modelId }),
            invocationType: state.invocationType ?? 'InvokeModel',
            quotas: quotas.quotas,
        };
        const groups = isOneJob(state) ? [state.files] : state.files.map((file) => [file]);
        const results: JobCheckResult[] = [];
        for (const group of groups) {
            const result = await checkWithProgress(
                group,
                options,
                `Checking ${fileLabel(group)} before submitting`,
            );
            result.files.forEach((fileResult, index) => {
                const uri = group[index];
                if (uri !== undefined) {
                    this.diagnostics.publish(uri, fileResult);
                }
            });
            results.push(result);
        }
        const errors = results.reduce((sum, r) => sum + r.errors, 0);
        const warnings = results.reduce((sum, r) => sum + r.warnings, 0);
        if (errors > 0) {
            void this.reportErrors(state, errors, warnings);
            throw new CheckFailedStop(errors, warnings);
        }
        if (warnings > 0 && state.confirmed && this.preset.acceptWarnings !== true) {
            await this.askAboutWarnings(warnings);
        }
        this.snapshots.clear();
        for (const [uri, snapshot] of snapshots) {
            this.snapshots.set(uri, snapshot);
        }
        const prepared = { results, quotaNotes: quotaNotes(quotas) };
        this.cached = { key, prepared };
        return prepared;
    }

    private async reportErrors(
        state: WizardState,
        errors: number,
        warnings: number,
    ): Promise<void> {
        const also = warnings > 0 ? ` and ${plural(warnings, 'warning')}` : '';
        const one = state.files.length === 1;
        const target =
            state.modelId === undefined
                ? 'Bedrock batch'
                : `${state.modelId} (${state.invocationType ?? 'InvokeModel'})`;
        const checked =
            state.modelId === undefined
                ? ''
                : ` The editor now checks ${one ? 'it' : 'them'} for this model too.`;
        const choice = await vscode.window.showErrorMessage(
            notificationText(
                `${fileLabel(state.files)} ${one ? 'has' : 'have'} ` +
                    `${plural(errors, 'error')}${also} for ${target}: ` +
                    `nothing was uploaded and no job was started.${checked} ` +
                    'Fix them, or choose another model, and submit again.',
            ),
            'Show Problems',
        );
        if (choice === 'Show Problems') {
            await vscode.commands.executeCommand('workbench.actions.view.problems');
        }
    }

    private async askAboutWarnings(warnings: number): Promise<void> {
        const go = 'Submit Anyway';
        const choice = await vscode.window.showWarningMessage(
            `The check found ${plural(warnings, 'warning')} (see Problems). Submit anyway?`,
            { modal: true },
            go,
        );
        if (choice !== go) {
            await vscode.commands.executeCommand('workbench.actions.view.problems');
            throw new vscode.CancellationError();
        }
    }
}

import * as path from 'node:path';
import * as vscode from 'vscode';
import { checkTextInSlices } from '../checker/check';
import type { JobCheckResult } from '../checker/types';
import { notificationText } from '../shared/notificationText';
import { resolveTargets, targetsProblem } from '../submit/targets';
import { estimateLines, problemCounts, targetLabel } from './checkSummary';
import { checkWithProgress } from './diskCheck';
import type { JsonlDiagnostics } from './jsonlDiagnostics';

export interface CheckFileOutcome {
    readonly uri: vscode.Uri;
    readonly result: JobCheckResult;
    readonly summary: string;
}

/**
 * "Check JSONL for Bedrock batch": each chosen file is checked as its own job, from the editor
 * when it has unsaved changes (what the user sees), otherwise streamed from disk.
 */
export async function runCheckFile(
    diagnostics: JsonlDiagnostics,
    args: readonly unknown[],
): Promise<CheckFileOutcome[]> {
    const uris = await resolveTargets(args);
    // Unsaved new documents are checked from their text; everything else must be a .jsonl file.
    const onDisk = uris.filter((u) => u.scheme !== 'untitled');
    // Refused before anything is opened: a named pipe would wait for a writer forever.
    const problem =
        uris.length === 0 || onDisk.length > 0 ? await targetsProblem(onDisk) : undefined;
    if (problem !== undefined) {
        void vscode.window.showErrorMessage(notificationText(`Could not check: ${problem}`));
        return [];
    }
    const outcomes: CheckFileOutcome[] = [];
    for (const uri of uris) {
        const result = await checkOne(diagnostics, uri);
        const [file] = result.files;
        if (file !== undefined) {
            diagnostics.publish(uri, file, openDocument(uri)?.version);
        }
        outcomes.push({ uri, result, summary: summarize(uri, result) });
    }
    void showOutcomes(outcomes);
    return outcomes;
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

async function checkOne(diagnostics: JsonlDiagnostics, uri: vscode.Uri): Promise<JobCheckResult> {
    const options = diagnostics.optionsFor(uri);
    const document = openDocument(uri);
    if (document !== undefined && (document.isDirty || uri.scheme === 'untitled')) {
        // Unsaved text is checked in slices, so a large document never freezes the editor.
        return (await checkTextInSlices(document.getText(), options, uri.fsPath)).job;
    }
    return checkWithProgress(
        [uri],
        options,
        `Checking ${path.basename(uri.fsPath)} for Bedrock batch`,
    );
}

export function summarize(uri: vscode.Uri, result: JobCheckResult): string {
    const estimate = estimateLines(result);
    return (
        `${path.basename(uri.fsPath)}: ${problemCounts(result)} (${targetLabel(result)}). ` +
        `${estimate.records}; ${estimate.tokens}; ${estimate.cost}.`
    );
}

async function showOutcomes(outcomes: readonly CheckFileOutcome[]): Promise<void> {
    const problems = outcomes.some((o) => o.result.errors + o.result.warnings > 0);
    const text = notificationText(outcomes.map((o) => o.summary).join(' '));
    const actions = problems ? ['Show Problems'] : [];
    const show =
        problems && outcomes.some((o) => o.result.errors > 0)
            ? vscode.window.showWarningMessage(text, ...actions)
            : vscode.window.showInformationMessage(text, ...actions);
    const chosen = await show;
    if (chosen === 'Show Problems') {
        await vscode.commands.executeCommand('workbench.actions.view.problems');
    }
}

import * as vscode from 'vscode';
import { fixEdits } from '../checker/fixes';
import type { Diagnostic, Fix } from '../checker/types';
import type { JsonlDiagnostics } from './jsonlDiagnostics';
import { diagnosticSource, rangeOf, toVscodeEdit } from './toVscode';

/**
 * Offers the checker's certain fixes (add missing recordIds, remove a stray modelId, insert
 * anthropic_version...) as quick fixes. They edit the document through a WorkspaceEdit, so they
 * can be undone and nothing is written to disk behind the user's back.
 */
export class QuickFixProvider implements vscode.CodeActionProvider {
    static readonly metadata: vscode.CodeActionProviderMetadata = {
        providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
    };

    constructor(private readonly diagnostics: JsonlDiagnostics) {}

    provideCodeActions(
        document: vscode.TextDocument,
        _range: vscode.Range | vscode.Selection,
        context: vscode.CodeActionContext,
    ): vscode.CodeAction[] {
        const engine = this.diagnostics.engineDiagnostics(document);
        const actions: vscode.CodeAction[] = [];
        for (const shown of context.diagnostics) {
            if (shown.source !== diagnosticSource) {
                continue;
            }
            const match = engine.find((d) => d.fix !== undefined && sameDiagnostic(d, shown));
            if (match?.fix === undefined) {
                continue;
            }
            const single = this.action(document, match.fix.title, [match.fix], [shown]);
            if (single !== undefined) {
                single.isPreferred = true;
                actions.push(single);
            }
            const siblings = engine.filter(
                (d) => d.code === match.code && d.fix !== undefined && d !== match,
            );
            if (siblings.length > 0 && match.fix.kind !== 'add-missing-record-ids') {
                const fixes = [match, ...siblings].flatMap((d) =>
                    d.fix === undefined ? [] : [d.fix],
                );
                const all = this.action(
                    document,
                    `${match.fix.title} (all ${fixes.length} in this file)`,
                    fixes,
                    [shown],
                );
                if (all !== undefined) {
                    actions.push(all);
                }
            }
        }
        return actions;
    }

    private action(
        document: vscode.TextDocument,
        title: string,
        fixes: readonly Fix[],
        shown: vscode.Diagnostic[],
    ): vscode.CodeAction | undefined {
        const text = document.getText();
        const edits = fixes.flatMap((fix) => fixEdits(text, fix));
        if (edits.length === 0) {
            return undefined;
        }
        const edit = new vscode.WorkspaceEdit();
        edit.set(document.uri, edits.map(toVscodeEdit));
        const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        action.edit = edit;
        action.diagnostics = shown;
        return action;
    }
}

function sameDiagnostic(engine: Diagnostic, shown: vscode.Diagnostic): boolean {
    const code = typeof shown.code === 'object' ? shown.code.value : shown.code;
    return (
        code === engine.code &&
        shown.message === engine.message &&
        shown.range.isEqual(rangeOf(engine))
    );
}

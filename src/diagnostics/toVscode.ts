import * as vscode from 'vscode';
import type { Diagnostic, FileCheckResult, Severity, TextEdit } from '../checker/types';

export const diagnosticSource = 'Bedrock Batch';

const severities: Record<Severity, vscode.DiagnosticSeverity> = {
    error: vscode.DiagnosticSeverity.Error,
    warning: vscode.DiagnosticSeverity.Warning,
    info: vscode.DiagnosticSeverity.Information,
};

/** Engine positions are 1-based with an exclusive end; a bare position covers one character. */
export function rangeOf(diagnostic: Diagnostic): vscode.Range {
    const line = diagnostic.line - 1;
    const start = diagnostic.column - 1;
    const end =
        diagnostic.endColumn === undefined ? start + 1 : Math.max(start, diagnostic.endColumn - 1);
    return new vscode.Range(line, start, line, end);
}

export function toVscodeDiagnostic(diagnostic: Diagnostic): vscode.Diagnostic {
    const converted = new vscode.Diagnostic(
        rangeOf(diagnostic),
        diagnostic.message,
        severities[diagnostic.severity],
    );
    converted.source = diagnosticSource;
    converted.code = diagnostic.code;
    return converted;
}

/** The kept diagnostics, plus one line saying how many more were only counted. */
export function diagnosticsOf(result: FileCheckResult): vscode.Diagnostic[] {
    const converted = result.diagnostics.map(toVscodeDiagnostic);
    if (result.omitted > 0) {
        const more = new vscode.Diagnostic(
            new vscode.Range(0, 0, 0, 1),
            `${result.omitted} more problems in this file are not listed (only the first ` +
                `${result.diagnostics.length} are shown). Fix these and the rest appear.`,
            vscode.DiagnosticSeverity.Information,
        );
        more.source = diagnosticSource;
        converted.push(more);
    }
    return converted;
}

export function toVscodeEdit(edit: TextEdit): vscode.TextEdit {
    const range = new vscode.Range(
        edit.line - 1,
        edit.column - 1,
        edit.endLine - 1,
        edit.endColumn - 1,
    );
    return new vscode.TextEdit(range, edit.newText);
}

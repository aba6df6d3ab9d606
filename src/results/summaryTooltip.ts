/** Adds a job's result summary to its tooltip; every value is escaped text. */
import type * as vscode from 'vscode';
import type { SummaryDisplay } from './summaryText';

export function appendSummaryMarkdown(md: vscode.MarkdownString, display: SummaryDisplay): void {
    md.appendMarkdown('\n\n---\n\n**Results**  \n');
    if (display.warning !== undefined) {
        md.appendMarkdown('**⚠ ');
        md.appendText(display.warning);
        md.appendMarkdown('**  \n');
    }
    for (const line of display.lines) {
        md.appendMarkdown(`**${line.label}:** `);
        md.appendText(line.value);
        md.appendMarkdown('  \n');
    }
}

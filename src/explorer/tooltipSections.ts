import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import type * as vscode from 'vscode';

/**
 * Another feature's part of a job's hover, e.g. the results summary of a finished job. `append`
 * must be synchronous (the hover is being drawn); a section that needs to fetch starts the fetch
 * there and fires `onDidChange` with the job ARN when it has something new to show.
 */
export interface TooltipSection {
    append(region: string, job: ModelInvocationJobSummary, md: vscode.MarkdownString): void;
    readonly onDidChange: vscode.Event<string>;
}

/**
 * Appends the sections to a job's hover. Each starts after a blank line, so a section that opens
 * with a rule (`---`) never turns the hover's last line of text into a heading.
 */
export function appendSections(
    md: vscode.MarkdownString,
    sections: readonly TooltipSection[],
    region: string,
    job: ModelInvocationJobSummary,
): void {
    for (const section of sections) {
        md.appendMarkdown('\n\n');
        section.append(region, job, md);
    }
}

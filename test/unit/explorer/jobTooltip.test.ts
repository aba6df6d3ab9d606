import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { jobTooltipMarkdown } from '../../../src/explorer/jobDetails';
import { escapeMarkdown } from '../../../src/explorer/markdownText';
import { appendSections, type TooltipSection } from '../../../src/explorer/tooltipSections';
import { appendSummaryMarkdown } from '../../../src/results/summaryTooltip';
import { job } from './jobBuilder';

/** The two MarkdownString methods hover sections use; appendText escapes as VS Code does. */
function markdown(value: string): vscode.MarkdownString {
    const md = {
        value,
        appendMarkdown(text: string) {
            md.value += text;
            return md;
        },
        appendText(text: string) {
            md.value += escapeMarkdown(text);
            return md;
        },
    };
    return md as unknown as vscode.MarkdownString;
}

/** Lines of text directly above a `---` or `===` line: Markdown draws them as headings. */
function setextHeadings(source: string): string[] {
    const lines = source.split('\n');
    return lines.filter(
        (line, i) => line.trim() !== '' && /^ {0,3}(-+|=+)[ \t]*$/.test(lines[i + 1] ?? ''),
    );
}

const resultsSection: TooltipSection = {
    append: (_region, _job, md) =>
        appendSummaryMarkdown(md, {
            warning: undefined,
            lines: [
                { label: 'Succeeded', value: '298 of 300 (99.3%)' },
                { label: 'Tokens', value: '12,000 in, 3,400 out' },
            ],
        }),
    onDidChange: () => ({ dispose: () => undefined }),
};

function fullJob(overrides: Partial<ModelInvocationJobSummary> = {}): ModelInvocationJobSummary {
    return job({
        status: 'PartiallyCompleted',
        modelInvocationType: 'InvokeModel',
        totalRecordCount: 300,
        processedRecordCount: 300,
        successRecordCount: 298,
        errorRecordCount: 2,
        lastModifiedTime: new Date('2026-01-10T08:20:00Z'),
        endTime: new Date('2026-01-10T08:20:00Z'),
        jobExpirationTime: new Date('2026-01-11T08:00:00Z'),
        timeoutDurationInHours: 24,
        message: 'Some records could not be processed.',
        ...overrides,
    });
}

describe('job hover Markdown', () => {
    it('has no setext heading with a message and a results section', () => {
        const finished = fullJob();
        const md = markdown(jobTooltipMarkdown(finished, 'us-east-1'));
        appendSections(md, [resultsSection], 'us-east-1', finished);
        assert.deepEqual(setextHeadings(md.value), [], md.value);
        // Both rules are there, each after a blank line.
        assert.equal(md.value.match(/\n\n---\n/g)?.length, 2, md.value);
        assert.match(md.value, /\*\*Message:\*\* Some records could not be processed\\\./);
        assert.match(md.value, /\*\*Results\*\* {2}\n\*\*Succeeded:\*\* 298 of 300/);
    });

    it('has no setext heading without a message, the hover of the screenshot', () => {
        const completed = fullJob({ status: 'Completed', message: undefined });
        const md = markdown(jobTooltipMarkdown(completed, 'us-east-1'));
        appendSections(md, [resultsSection], 'us-east-1', completed);
        assert.deepEqual(setextHeadings(md.value), [], md.value);
        assert.match(md.value, /Results folder: .* {2}\n\n+---\n\n\*\*Results\*\*/);
    });

    it('opens the results section with a blank line whatever text came before it', () => {
        const md = markdown('Results folder: s3://batch-out/results/abc123/  ');
        appendSummaryMarkdown(md, {
            warning: 'The manifest could not be read',
            lines: [{ label: 'Succeeded', value: '298 of 300' }],
        });
        assert.deepEqual(setextHeadings(md.value), [], md.value);
        assert.match(md.value, /abc123\/ {2}\n\n---\n\n\*\*Results\*\*/);
    });

    it('finds the heading the old separator made, so the check can fail', () => {
        assert.deepEqual(setextHeadings('Results folder: s3://x/  \n---\n\n**Results**'), [
            'Results folder: s3://x/  ',
        ]);
    });
});

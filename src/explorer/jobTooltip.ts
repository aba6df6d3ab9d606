import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import * as vscode from 'vscode';
import { statusLabel } from './jobText';

/**
 * Everything about a job in one hover. Every value comes from the service, so each is added as
 * escaped text: a job name or failure message full of markup must show as typed.
 */
export function jobTooltip(job: ModelInvocationJobSummary, region: string): vscode.MarkdownString {
    const md = new vscode.MarkdownString(undefined, false);
    md.isTrusted = false;
    md.supportHtml = false;
    const line = (label: string, value: string | number | Date | undefined): void => {
        if (value === undefined || value === '') {
            return;
        }
        const text = value instanceof Date ? value.toISOString() : String(value);
        md.appendMarkdown(`**${label}:** `);
        md.appendText(text);
        md.appendMarkdown('  \n');
    };
    md.appendMarkdown('**');
    md.appendText(job.jobName ?? '(unnamed job)');
    md.appendMarkdown('**  \n');
    line('Status', statusLabel(job.status));
    line('Region', region);
    line('Model', job.modelId);
    line('Invocation type', job.modelInvocationType);
    line('ARN', job.jobArn);
    line('Job ID', job.jobArn?.split('/').pop());
    line('Records', recordsLine(job));
    line('Submitted', job.submitTime);
    line('Last modified', job.lastModifiedTime);
    line('Ended', job.endTime);
    line('Expires', job.jobExpirationTime);
    line('Timeout', job.timeoutDurationInHours === undefined ? undefined : `${job.timeoutDurationInHours} h`);
    line('Role', job.roleArn);
    line('Input', job.inputDataConfig?.s3InputDataConfig?.s3Uri);
    line('Output', job.outputDataConfig?.s3OutputDataConfig?.s3Uri);
    if (job.message !== undefined && job.message !== '') {
        md.appendMarkdown('\n---\n\n');
        md.appendText(job.message);
    }
    return md;
}

function recordsLine(job: ModelInvocationJobSummary): string | undefined {
    if (job.totalRecordCount === undefined || job.totalRecordCount === 0) {
        return undefined;
    }
    const parts = [`${job.processedRecordCount ?? 0} of ${job.totalRecordCount} processed`];
    if (job.successRecordCount !== undefined) {
        parts.push(`${job.successRecordCount} succeeded`);
    }
    if (job.errorRecordCount !== undefined) {
        parts.push(`${job.errorRecordCount} failed`);
    }
    return parts.join(', ');
}

import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import { jobIdOf, outputFolderOf } from './jobIds';
import { errorText, formatCount, percentText, statusLabel } from './jobText';
import { escapeMarkdown, sectionRule } from './markdownText';
import { describeModelForm, parseModelId } from './modelIds';

/** "2026-01-02 03:04:05 UTC": the same for every user, unlike a locale format. */
export function formatTime(date: Date | undefined): string | undefined {
    if (date === undefined || Number.isNaN(date.getTime())) {
        return undefined;
    }
    return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** "120 of 300 processed (40%), 118 succeeded, 2 failed". */
export function recordsLine(job: ModelInvocationJobSummary): string | undefined {
    const total = job.totalRecordCount ?? 0;
    if (total <= 0) {
        return job.status === 'Submitted' || job.status === 'Validating'
            ? 'not counted yet'
            : undefined;
    }
    const processed = Math.min(job.processedRecordCount ?? 0, total);
    const percent = percentText(processed, total);
    const parts = [`${formatCount(processed)} of ${formatCount(total)} processed (${percent})`];
    if (job.successRecordCount !== undefined) {
        parts.push(`${formatCount(job.successRecordCount)} succeeded`);
    }
    parts.push(errorText(job) ?? '0 failed');
    return parts.join(', ');
}

/** Every field of a job worth a hover, in reading order, values as the service sent them. */
export function detailLines(
    job: ModelInvocationJobSummary,
    region: string,
): [label: string, value: string][] {
    const ref = job.modelId === undefined ? undefined : parseModelId(job.modelId);
    const form = ref === undefined ? undefined : describeModelForm(ref);
    const lines: [string, string | undefined][] = [
        ['Status', statusLabel(job.status)],
        ['Region', region],
        [
            'Model',
            job.modelId === undefined
                ? undefined
                : `${job.modelId}${form === undefined ? '' : ` (${form})`}`,
        ],
        ['Invocation type', job.modelInvocationType],
        ['Records', recordsLine(job)],
        ['ARN', job.jobArn],
        ['Job ID', jobIdOf(job.jobArn)],
        ['Submitted', formatTime(job.submitTime)],
        ['Last modified', formatTime(job.lastModifiedTime)],
        ['Ended', formatTime(job.endTime)],
        ['Expires', formatTime(job.jobExpirationTime)],
        [
            'Timeout',
            job.timeoutDurationInHours === undefined
                ? undefined
                : `${job.timeoutDurationInHours} hours`,
        ],
        ['Role', job.roleArn],
        ['Input', job.inputDataConfig?.s3InputDataConfig?.s3Uri],
        ['Output', job.outputDataConfig?.s3OutputDataConfig?.s3Uri],
        ['Results folder', outputFolderOf(job)],
        ['Output KMS key', job.outputDataConfig?.s3OutputDataConfig?.s3EncryptionKeyId],
        ['VPC subnets', job.vpcConfig?.subnetIds?.join(', ')],
    ];
    return lines.filter(
        (line): line is [string, string] => line[1] !== undefined && line[1] !== '',
    );
}

/**
 * The job's hover as Markdown source. Every service value is escaped, so a name or message full
 * of markup shows as typed; the failure message comes last, in full.
 */
export function jobTooltipMarkdown(job: ModelInvocationJobSummary, region: string): string {
    const out = [`**${escapeMarkdown(job.jobName ?? '(unnamed job)')}**`, ''];
    for (const [label, value] of detailLines(job, region)) {
        out.push(`${label}: ${escapeMarkdown(value)}  `);
    }
    if (job.message !== undefined && job.message !== '') {
        return `${out.join('\n')}${sectionRule}**Message:** ${escapeMarkdown(job.message)}`;
    }
    return out.join('\n');
}

import * as assert from 'node:assert/strict';
import {
    detailLines,
    formatTime,
    jobTooltipMarkdown,
    recordsLine,
} from '../../../src/explorer/jobDetails';
import { job } from './jobBuilder';

const arn = 'arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/abc123def456';

describe('jobDetails', () => {
    it('lists every field a user needs, in reading order', () => {
        const full = job({
            jobArn: arn,
            modelId: 'us.anthropic.claude-3-5-haiku-20241022-v1:0',
            modelInvocationType: 'Converse',
            status: 'Failed',
            submitTime: new Date('2026-01-10T08:00:00Z'),
            lastModifiedTime: new Date('2026-01-10T08:05:00Z'),
            endTime: new Date('2026-01-10T08:05:00Z'),
            jobExpirationTime: new Date('2026-01-11T08:00:00Z'),
            timeoutDurationInHours: 24,
        });
        assert.deepEqual(detailLines(full, 'us-east-1'), [
            ['Status', 'Failed'],
            ['Region', 'us-east-1'],
            ['Model', 'us.anthropic.claude-3-5-haiku-20241022-v1:0 (via us profile)'],
            ['Invocation type', 'Converse'],
            ['ARN', arn],
            ['Job ID', 'abc123def456'],
            ['Submitted', '2026-01-10 08:00:00 UTC'],
            ['Last modified', '2026-01-10 08:05:00 UTC'],
            ['Ended', '2026-01-10 08:05:00 UTC'],
            ['Expires', '2026-01-11 08:00:00 UTC'],
            ['Timeout', '24 hours'],
            ['Role', 'arn:aws:iam::123456789012:role/BedrockBatch'],
            ['Input', 's3://batch-in/requests/records.jsonl'],
            ['Output', 's3://batch-out/results/'],
            ['Results folder', 's3://batch-out/results/abc123def456/'],
        ]);
    });

    it('describes record counts, and says they are not counted yet during validation', () => {
        assert.equal(
            recordsLine(
                job({
                    totalRecordCount: 300,
                    processedRecordCount: 120,
                    successRecordCount: 118,
                    errorRecordCount: 2,
                }),
            ),
            '120 of 300 processed (40%), 118 succeeded, 2 failed',
        );
        assert.equal(
            recordsLine(job({ status: 'Validating', totalRecordCount: 0 })),
            'not counted yet',
        );
        assert.equal(recordsLine(job({ status: 'Failed', totalRecordCount: 0 })), undefined);
    });

    it('writes times in UTC and skips invalid ones', () => {
        assert.equal(formatTime(new Date('2026-03-04T05:06:07.890Z')), '2026-03-04 05:06:07 UTC');
        assert.equal(formatTime(new Date(Number.NaN)), undefined);
        assert.equal(formatTime(undefined), undefined);
    });

    it('puts the whole failure message last, escaped', () => {
        const markup = '<b>line two</b> [click](command:evil)';
        const message = `Validation failed: ${'x'.repeat(3000)}\n${markup}`;
        const markdown = jobTooltipMarkdown(
            job({ jobArn: arn, status: 'Failed', message }),
            'us-east-1',
        );
        const tail = markdown.slice(markdown.indexOf('**Message:**'));
        assert.ok(tail.includes('x'.repeat(3000)), 'the message is not cut');
        assert.ok(tail.includes('\\<b\\>line two\\<\\/b\\> \\[click\\]\\(command\\:evil\\)'));
        assert.ok(!markdown.includes('](command'), 'no link survives');
    });

    it('escapes a hostile job name in the title', () => {
        const markdown = jobTooltipMarkdown(job({ jobName: '*x*<script>\u0007' }), 'us-east-1');
        assert.ok(markdown.startsWith('**\\*x\\*\\<script\\>\u2407**'), markdown.slice(0, 40));
    });
});

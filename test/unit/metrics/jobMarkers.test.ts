import * as assert from 'node:assert/strict';
import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import { jobMarkers, jobsSubmittedAfter } from '../../../src/metrics/jobMarkers';

const claude = 'anthropic.claude-3-haiku-20240307-v1:0';
const jobArnPrefix = 'arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/';
const at = (hour: number): Date => new Date(Date.UTC(2025, 5, 1, hour));

function job(fields: Partial<ModelInvocationJobSummary>): ModelInvocationJobSummary {
    return {
        jobArn: `${jobArnPrefix}${fields.jobName ?? 'x'}`,
        jobName: 'x',
        modelId: claude,
        roleArn: 'arn:aws:iam::123456789012:role/r',
        submitTime: at(1),
        inputDataConfig: undefined,
        outputDataConfig: undefined,
        ...fields,
    };
}

describe('job markers', () => {
    const window = { start: at(0).getTime(), end: at(12).getTime() };

    it('marks submit, start and end of the jobs of the charted model', () => {
        const markers = jobMarkers(
            [
                job({ jobName: 'done', submitTime: at(1), endTime: at(5), status: 'Completed' }),
                job({
                    jobName: 'running',
                    modelId: `us.${claude}`,
                    submitTime: at(2),
                    lastModifiedTime: at(3),
                    status: 'InProgress',
                }),
                job({ jobName: 'other', modelId: 'amazon.nova-lite-v1:0', submitTime: at(2) }),
            ],
            [claude],
            window,
        );
        assert.deepEqual(
            markers.map((m) => [m.jobName, m.kind, m.time]),
            [
                ['done', 'submitted', at(1).getTime()],
                ['running', 'submitted', at(2).getTime()],
                ['running', 'started', at(3).getTime()],
                ['done', 'ended', at(5).getTime()],
            ],
        );
        assert.ok(markers.every((m) => m.modelId === claude));
    });

    it('leaves out events outside the window and the start of jobs not running now', () => {
        const markers = jobMarkers(
            [
                job({
                    jobName: 'old',
                    submitTime: new Date(window.start - 1000),
                    lastModifiedTime: at(4),
                    status: 'Completed',
                    endTime: at(13),
                }),
            ],
            [claude],
            window,
        );
        assert.deepEqual(markers, []);
    });

    it('flags the job the panel was opened from', () => {
        const selected = job({ jobName: 'mine' });
        const markers = jobMarkers(
            [selected, job({ jobName: 'theirs' })],
            [claude],
            window,
            selected.jobArn,
        );
        assert.deepEqual(
            markers.map((m) => [m.jobName, m.selected]),
            [
                ['mine', true],
                ['theirs', false],
            ],
        );
    });

    it('lists jobs from a week before the window so long jobs ending in it are drawn', () => {
        assert.equal(jobsSubmittedAfter(window.start).getTime(), window.start - 8 * 24 * 3_600_000);
    });
});

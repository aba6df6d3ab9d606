import * as assert from 'node:assert/strict';
import type { Job } from '../../../../src/localAws/bedrock/jobs';
import type { JobStatus } from '../../../../src/localAws/bedrock/patterns';
import {
    MINUTE_MS,
    minuteDatapoints,
    OpeningBacklog,
} from '../../../../src/localAws/bedrock/simulator/metricsPublisher';
import { JobRun } from '../../../../src/localAws/bedrock/simulator/run';
import type { MetricDatum } from '../../../../src/localAws/types';

const T0 = Date.UTC(2025, 0, 15, 10, 0, 0);
const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';

/**
 * A job of `records` records of 10 input and 4 output tokens each: running from T0 at
 * `recordsPerMinute`, or validated and queued when that is undefined.
 */
function batchJob(records: number, recordsPerMinute?: number): Job {
    const run = new JobRun(
        Array.from({ length: records }, (_, i) => ({
            fileName: 'in.jsonl',
            recordId: `r${i}`,
            modelInput: {},
            failed: false,
            inputTokens: 10,
            outputTokens: 4,
        })),
        ['in.jsonl'],
    );
    if (recordsPerMinute !== undefined) {
        run.start(T0, recordsPerMinute);
    }
    const status: JobStatus = recordsPerMinute === undefined ? 'Scheduled' : 'InProgress';
    // Only the members the publisher reads.
    const job = {
        accountId: '123456789012',
        region: 'us-east-1',
        model: { modelId: HAIKU, providerName: 'Anthropic' },
        status,
        run,
    };
    return job as unknown as Job;
}

function valueOf(datapoints: readonly MetricDatum[], metricName: string): number | undefined {
    return datapoints.find((d) => d.metricName === metricName)?.value;
}

describe('AWS/Bedrock/Batch pending gauges of the simulator', () => {
    it('give what was still waiting when the minute started, not what is left at its end', () => {
        const job = batchJob(150, 100);
        const minute = T0 + MINUTE_MS;
        const opening = new OpeningBacklog();
        opening.startMinute(minute, [job]);
        // The last 50 records are done half way through the minute and the job ends.
        job.status = 'Completed';
        const points = minuteDatapoints(minute + MINUTE_MS, [job], opening);
        assert.equal(valueOf(points, 'NumberOfRecordsPendingProcessing'), 50);
        assert.equal(valueOf(points, 'NumberOfTokensPendingProcessing'), 500);
        assert.equal(valueOf(points, 'NumberOfInputTokensProcessedPerMinute'), 500);
        assert.ok(points.every((d) => d.timestampMs === minute));
    });

    it('add up the jobs of a model at the start, and leave out one queued later', () => {
        const first = batchJob(300, 100);
        const second = batchJob(40);
        const minute = T0 + 2 * MINUTE_MS;
        const opening = new OpeningBacklog();
        opening.startMinute(minute, [first, second]);
        const late = batchJob(1000);
        const points = minuteDatapoints(minute + MINUTE_MS, [first, second, late], opening);
        // 100 of the first job's records left at the start, the 40 of the queued one; the job
        // queued after the start waits from the next minute on.
        assert.equal(valueOf(points, 'NumberOfRecordsPendingProcessing'), 140);
        assert.equal(valueOf(points, 'NumberOfTokensPendingProcessing'), 1400);
    });
});

import * as assert from 'node:assert/strict';
import type { Job } from '../../../../src/localAws/bedrock/jobs';
import type { JobStatus } from '../../../../src/localAws/bedrock/patterns';
import {
    MINUTE_MS,
    minuteDatapoints,
    OpeningBacklog,
    seriesKey,
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
        const points = minuteDatapoints(minute + MINUTE_MS, [job], opening).datapoints;
        const atStart = points.filter((d) => d.timestampMs === minute);
        assert.equal(valueOf(atStart, 'NumberOfRecordsPendingProcessing'), 50);
        assert.equal(valueOf(atStart, 'NumberOfTokensPendingProcessing'), 500);
        assert.equal(valueOf(atStart, 'NumberOfInputTokensProcessedPerMinute'), 500);
        assert.equal(valueOf(atStart, 'NumberOfOutputTokensProcessedPerMinute'), 200);
    });

    it('close at 0 at the next minute\'s start once the model\'s last job has ended', () => {
        const job = batchJob(150, 100);
        const minute = T0 + MINUTE_MS;
        const opening = new OpeningBacklog();
        opening.startMinute(minute, [job]);
        job.status = 'Completed';
        const { datapoints, closedSeries } = minuteDatapoints(minute + MINUTE_MS, [job], opening);
        const atEnd = datapoints.filter((d) => d.timestampMs === minute + MINUTE_MS);
        assert.deepEqual(
            atEnd.map((d) => [d.metricName, d.value]).sort(),
            [
                ['NumberOfRecordsPendingProcessing', 0],
                ['NumberOfTokensPendingProcessing', 0],
            ],
        );
        assert.equal(closedSeries.length, 1);
    });

    it('do not close while another job of the model is still active', () => {
        const ended = batchJob(150, 100);
        const queued = batchJob(40);
        const minute = T0 + MINUTE_MS;
        const opening = new OpeningBacklog();
        opening.startMinute(minute, [ended, queued]);
        ended.status = 'Completed';
        const { datapoints, closedSeries } = minuteDatapoints(
            minute + MINUTE_MS,
            [ended, queued],
            opening,
        );
        assert.ok(datapoints.every((d) => d.timestampMs === minute));
        assert.deepEqual(closedSeries, []);
    });

    it('are not published twice for a minute whose start already closed them', () => {
        const minute = T0 + MINUTE_MS;
        const closed = batchJob(10);
        const opening = new OpeningBacklog();
        // A new job of the model arrives right after the closing 0 went out at `minute`.
        opening.startMinute(minute, [], [seriesKey(closed)]);
        const late = batchJob(40);
        const points = minuteDatapoints(minute + MINUTE_MS, [late], opening).datapoints;
        assert.equal(valueOf(points, 'NumberOfRecordsPendingProcessing'), undefined);
        assert.equal(valueOf(points, 'NumberOfInputTokensProcessedPerMinute'), 0);
    });

    it('add up the jobs of a model at the start, and leave out one queued later', () => {
        const first = batchJob(300, 100);
        const second = batchJob(40);
        const minute = T0 + 2 * MINUTE_MS;
        const opening = new OpeningBacklog();
        opening.startMinute(minute, [first, second]);
        const late = batchJob(1000);
        const points = minuteDatapoints(minute + MINUTE_MS, [first, second, late], opening)
            .datapoints;
        // 100 of the first job's records left at the start, the 40 of the queued one; the job
        // queued after the start waits from the next minute on.
        assert.equal(valueOf(points, 'NumberOfRecordsPendingProcessing'), 140);
        assert.equal(valueOf(points, 'NumberOfTokensPendingProcessing'), 1400);
    });
});

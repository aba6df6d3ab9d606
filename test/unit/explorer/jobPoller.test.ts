import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import * as assert from 'node:assert/strict';
import { pollBackoff } from '../../../src/explorer/backoff';
import { JobPoller, signatureOf } from '../../../src/explorer/jobPoller';
import { FakeTimers, settle } from './fakeTimers';
import { job } from './jobBuilder';

/** A poller over a fake service whose job states the test sets. */
function setup(concurrency?: number) {
    const timers = new FakeTimers();
    const state = new Map<string, ModelInvocationJobSummary>();
    const fetched: string[] = [];
    const results: ModelInvocationJobSummary[] = [];
    const errors: unknown[] = [];
    let failNext: Error | undefined;
    const poller = new JobPoller({
        timers,
        backoff: () => pollBackoff(30),
        fetch: (_region, jobArn) => {
            fetched.push(jobArn);
            if (failNext !== undefined) {
                const error = failNext;
                failNext = undefined;
                return Promise.reject(error);
            }
            const current = state.get(jobArn);
            return current === undefined
                ? Promise.reject(new Error('missing'))
                : Promise.resolve(current);
        },
        onResult: (_region, result) => results.push(result),
        onError: (_region, _arn, error) => errors.push(error),
        ...(concurrency === undefined ? {} : { concurrency }),
    });
    const add = (overrides: Partial<ModelInvocationJobSummary> = {}): string => {
        const created = job({
            status: 'InProgress',
            totalRecordCount: 100,
            processedRecordCount: 0,
            ...overrides,
        });
        const arn = created.jobArn ?? '';
        state.set(arn, created);
        poller.track('us-east-1', arn, signatureOf(created));
        return arn;
    };
    const set = (arn: string, overrides: Partial<ModelInvocationJobSummary>): void => {
        const current = state.get(arn);
        state.set(arn, { ...current, ...overrides } as ModelInvocationJobSummary);
    };
    return {
        timers,
        poller,
        fetched,
        results,
        errors,
        add,
        set,
        failOnce: (error: Error) => {
            failNext = error;
        },
    };
}

describe('JobPoller', () => {
    it('arms no timer while nothing is tracked', () => {
        const { timers, poller } = setup();
        assert.equal(poller.scheduled, false);
        assert.equal(timers.armed, 0);
    });

    it('polls a tracked job after the first interval, not before', async () => {
        const { timers, fetched, add } = setup();
        const arn = add();
        await timers.advance(29_999);
        assert.deepEqual(fetched, []);
        await timers.advance(1);
        assert.deepEqual(fetched, [arn]);
    });

    it('doubles the delay while the job does not change, up to 10x the interval', async () => {
        const { timers, fetched, add } = setup();
        add();
        const pollTimes: number[] = [];
        const start = timers.now();
        for (let i = 0; i < 7; i++) {
            const before = fetched.length;
            while (fetched.length === before) {
                await timers.advance(1_000);
            }
            pollTimes.push((timers.now() - start) / 1000);
        }
        const gaps = pollTimes.map((t, i) => t - (pollTimes[i - 1] ?? 0));
        assert.deepEqual(gaps, [30, 60, 120, 240, 300, 300, 300]);
    });

    it('goes back to the first interval when the job makes progress', async () => {
        const { timers, fetched, add, set } = setup();
        const arn = add();
        await timers.advance(30_000);
        await timers.advance(60_000);
        assert.equal(fetched.length, 2);
        set(arn, { processedRecordCount: 40 });
        await timers.advance(120_000);
        assert.equal(fetched.length, 3);
        await timers.advance(30_000);
        assert.equal(fetched.length, 4, 'polled again 30 s after the change');
    });

    it('stops polling a job that ends and disarms once none are left', async () => {
        const { timers, poller, fetched, results, add, set } = setup();
        const arn = add();
        set(arn, { status: 'Completed', processedRecordCount: 100 });
        await timers.advance(30_000);
        assert.deepEqual(
            results.map((r) => r.status),
            ['Completed'],
        );
        assert.equal(poller.isTracked(arn), false);
        assert.equal(poller.scheduled, false);
        await timers.advance(3_600_000);
        assert.equal(fetched.length, 1);
    });

    it('polls only the jobs it tracks', async () => {
        const { timers, poller, fetched, add } = setup();
        const kept = add();
        const dropped = add();
        poller.untrack(dropped);
        await timers.advance(30_000);
        assert.deepEqual(fetched, [kept]);
        poller.retain(() => false);
        assert.equal(poller.scheduled, false);
    });

    it('backs off after a failed poll and keeps the job', async () => {
        const { timers, poller, fetched, errors, add, failOnce } = setup();
        const arn = add();
        failOnce(Object.assign(new Error('slow down'), { name: 'ThrottlingException' }));
        await timers.advance(30_000);
        assert.equal(errors.length, 1);
        assert.equal(poller.isTracked(arn), true);
        await timers.advance(59_999);
        assert.equal(fetched.length, 1);
        await timers.advance(1);
        assert.equal(fetched.length, 2);
    });

    it('drops the answer of a job untracked while its poll was in flight', async () => {
        const timers = new FakeTimers();
        let release: ((value: ModelInvocationJobSummary) => void) | undefined;
        const results: unknown[] = [];
        const poller = new JobPoller({
            timers,
            backoff: () => pollBackoff(30),
            fetch: () => new Promise((resolve) => (release = resolve)),
            onResult: (_r, result) => results.push(result),
            onError: () => undefined,
        });
        const running = job();
        poller.track('us-east-1', running.jobArn ?? '');
        await timers.advance(30_000);
        poller.untrack(running.jobArn ?? '');
        release?.({ ...running, status: 'Completed' });
        await settle();
        assert.deepEqual(results, []);
        assert.equal(poller.scheduled, false);
    });

    it('keeps at most `concurrency` requests in flight', async () => {
        const timers = new FakeTimers();
        let inFlight = 0;
        let most = 0;
        const poller = new JobPoller({
            timers,
            backoff: () => pollBackoff(30),
            fetch: async (_region, jobArn) => {
                inFlight += 1;
                most = Math.max(most, inFlight);
                await settle();
                inFlight -= 1;
                return job({ jobArn, status: 'Completed' });
            },
            onResult: () => undefined,
            onError: () => undefined,
            concurrency: 2,
        });
        for (let i = 0; i < 6; i++) {
            poller.track('us-east-1', `arn-${i}`);
        }
        await timers.advance(40_000);
        assert.equal(most, 2);
        assert.equal(poller.size, 0, 'every job was polled in the end');
    });

    it('arms nothing after dispose', async () => {
        const { timers, poller, add, fetched } = setup();
        add();
        poller.dispose();
        assert.equal(timers.armed, 0);
        poller.track('us-east-1', 'arn:late');
        await timers.advance(60_000);
        assert.deepEqual(fetched, []);
    });
});

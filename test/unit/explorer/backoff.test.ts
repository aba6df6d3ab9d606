import * as assert from 'node:assert/strict';
import { backoffDelay, pollBackoff, throttleBackoff } from '../../../src/explorer/backoff';

describe('backoff', () => {
    it('polls at 30 s, doubling to a 5 minute ceiling by default', () => {
        const schedule = [0, 1, 2, 3, 4, 5, 6].map(
            (attempt) => backoffDelay(attempt, pollBackoff(30)) / 1000,
        );
        assert.deepEqual(schedule, [30, 60, 120, 240, 300, 300, 300]);
    });

    it('scales with the poll interval setting', () => {
        const schedule = [0, 1, 2, 3, 4].map(
            (attempt) => backoffDelay(attempt, pollBackoff(1)) / 1000,
        );
        assert.deepEqual(schedule, [1, 2, 4, 8, 10]);
    });

    it('retries throttled listings at 5 s, 10 s, 20 s ... up to 5 minutes', () => {
        const schedule = [0, 1, 2, 3, 4, 5, 6].map(
            (attempt) => backoffDelay(attempt, throttleBackoff) / 1000,
        );
        assert.deepEqual(schedule, [5, 10, 20, 40, 80, 160, 300]);
    });

    it('stays finite for absurd attempts and settings', () => {
        assert.equal(backoffDelay(10_000, throttleBackoff), 300_000);
        assert.equal(backoffDelay(-3, throttleBackoff), 5_000);
        assert.equal(backoffDelay(0, pollBackoff(0)), 1_000);
    });
});

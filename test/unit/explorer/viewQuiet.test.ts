import * as assert from 'node:assert/strict';
import { ViewQuiet } from '../../../src/explorer/viewQuiet';
import { FakeTimers } from './fakeTimers';

/** Runs `settled` and reports the fake time at which it resolved. */
async function settledAt(
    timers: FakeTimers,
    wait: Promise<void>,
    step = 10,
    max = 10_000,
): Promise<number> {
    let done = false;
    void wait.then(() => (done = true));
    const start = timers.now();
    while (!done && timers.now() - start <= max) {
        await timers.advance(step);
    }
    return timers.now() - start;
}

describe('ViewQuiet', () => {
    it('resolves at once when nothing asked for rows lately', async () => {
        const timers = new FakeTimers();
        const quiet = new ViewQuiet(timers);
        assert.equal(await settledAt(timers, quiet.settled(250, 3000)), 10);
    });

    it('waits until requests stop for the quiet period', async () => {
        const timers = new FakeTimers();
        const quiet = new ViewQuiet(timers);
        quiet.touch();
        const wait = quiet.settled(250, 3000);
        await timers.advance(100);
        quiet.touch();
        const elapsed = await settledAt(timers, wait);
        assert.ok(
            elapsed >= 250 && elapsed <= 260,
            `resolved ${elapsed} ms after the last request`,
        );
    });

    it('waits for a first request after the view opened', async () => {
        const timers = new FakeTimers();
        const quiet = new ViewQuiet(timers);
        const opened = timers.now();
        const wait = quiet.settled(250, 3000, opened);
        await timers.advance(500);
        quiet.touch();
        const elapsed = await settledAt(timers, wait);
        assert.ok(
            elapsed >= 250 && elapsed <= 300,
            `resolved ${elapsed} ms after the first request`,
        );
    });

    it('gives up after the longest wait', async () => {
        const timers = new FakeTimers();
        const quiet = new ViewQuiet(timers);
        const wait = quiet.settled(250, 1000, timers.now() + 1);
        assert.ok((await settledAt(timers, wait)) <= 1010);
    });
});

import * as assert from 'node:assert/strict';
import { isLocalMidnight, tickStyle, timeStep, timeTicks } from '../../../src/metrics/timeTicks';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

describe('metrics time axis ticks', () => {
    it('chooses round steps', () => {
        assert.equal(timeStep(hour, 8), 10 * minute);
        assert.equal(timeStep(3 * hour, 8), 30 * minute);
        assert.equal(timeStep(day, 8), 3 * hour);
        assert.equal(timeStep(7 * day, 8), day);
    });

    it('places ticks on round local times inside the range', () => {
        const start = new Date(2025, 5, 1, 9, 7).getTime();
        const ticks = timeTicks(start, start + 3 * hour, 8);
        assert.ok(ticks.length >= 5 && ticks.length <= 8, String(ticks.length));
        for (const tick of ticks) {
            assert.ok(tick >= start && tick <= start + 3 * hour);
            const date = new Date(tick);
            assert.equal(date.getMinutes() % 30, 0);
            assert.equal(date.getSeconds(), 0);
        }
        assert.equal(new Date(ticks[0] ?? 0).getHours(), 9);
        assert.equal(new Date(ticks[0] ?? 0).getMinutes(), 30);
    });

    it('puts day ticks on local midnight', () => {
        const start = new Date(2025, 5, 1, 9, 0).getTime();
        const ticks = timeTicks(start, start + 7 * day, 8);
        assert.equal(ticks.length, 7);
        assert.ok(ticks.every(isLocalMidnight));
        assert.equal(tickStyle(day), 'day');
        assert.equal(tickStyle(hour), 'time');
    });

    it('gives no ticks for an empty range', () => {
        assert.deepEqual(timeTicks(5, 5, 8), []);
    });
});

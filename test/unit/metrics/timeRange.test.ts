import * as assert from 'node:assert/strict';
import {
    choosePeriod,
    customRangeInputs,
    customRangeProblem,
    fromLocalInput,
    maxDatapointsPerCall,
    rangePresets,
    resolveWindow,
    toLocalInput,
} from '../../../src/metrics/timeRange';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
// 2025-06-01T10:17:30Z: deliberately not on a minute boundary.
const now = Date.UTC(2025, 5, 1, 10, 17, 30);

describe('metrics time ranges', () => {
    it('gives each preset its period', () => {
        const periods = Object.fromEntries(
            rangePresets.map((p) => [p.key, resolveWindow({ key: p.key }, now, 4).period]),
        );
        assert.deepEqual(periods, { '1h': 60, '3h': 60, '12h': 300, '1d': 300, '1w': 3600 });
    });

    it('ends a live window at the next whole minute and aligns its start on the period', () => {
        const window = resolveWindow({ key: '12h' }, now, 4);
        assert.equal(window.end, Date.UTC(2025, 5, 1, 10, 18));
        assert.equal(window.start % (300 * 1000), 0);
        assert.ok(window.end - window.start >= 12 * hour);
        assert.ok(window.end - window.start < 12 * hour + 5 * minute);
        assert.equal(window.live, true);
    });

    it('never lets one refresh page GetMetricData', () => {
        for (const seriesCount of [1, 4, 40, 80]) {
            for (const preset of rangePresets) {
                const window = resolveWindow({ key: preset.key }, now, seriesCount);
                const points = Math.ceil((window.end - window.start) / (window.period * 1000));
                assert.ok(
                    points * seriesCount <= maxDatapointsPerCall,
                    `${preset.key} × ${seriesCount}`,
                );
            }
        }
    });

    it('picks longer periods for long or many-series custom ranges', () => {
        assert.equal(choosePeriod(hour, hour, 4), 60);
        assert.equal(choosePeriod(2 * day, 2 * day, 4), 300);
        assert.equal(choosePeriod(30 * day, 30 * day, 4), 3600);
        assert.equal(choosePeriod(day, day, 200), 300);
        assert.equal(choosePeriod(7 * day, 7 * day, 200), 3600);
    });

    it('asks for no finer period than CloudWatch still keeps at that age', () => {
        assert.equal(choosePeriod(hour, 20 * day, 1), 300);
        assert.equal(choosePeriod(hour, 70 * day, 1), 3600);
    });

    it('treats a custom range without an end as live', () => {
        const window = resolveWindow({ key: 'custom', from: now - 2 * hour }, now, 4);
        assert.equal(window.live, true);
        assert.equal(window.end, Date.UTC(2025, 5, 1, 10, 18));
        assert.equal(window.period, 60);
    });

    it('keeps a custom range in the past fixed', () => {
        const from = Date.UTC(2025, 4, 29, 8, 0);
        const window = resolveWindow({ key: 'custom', from, to: from + 6 * hour }, now, 4);
        assert.equal(window.live, false);
        assert.equal(window.end, from + 6 * hour);
        assert.equal(window.start, from);
    });

    it('explains a custom range that cannot work', () => {
        assert.equal(customRangeProblem(undefined, undefined, now), 'Choose a start time.');
        assert.equal(
            customRangeProblem(now + hour, undefined, now),
            'The start time is in the future.',
        );
        assert.equal(
            customRangeProblem(now - hour, now - 2 * hour, now),
            'The end time must be after the start time.',
        );
        assert.equal(customRangeProblem(now - hour, undefined, now), undefined);
    });

    it('fills the From and To fields in local time, to the minute', () => {
        // Local-time constructors: the text is what this machine's clock shows, whatever its zone.
        const from = new Date(2025, 0, 2, 3, 4, 59).getTime();
        const to = new Date(2025, 11, 31, 23, 5).getTime();
        assert.deepEqual(customRangeInputs({ key: 'custom', from, to }), {
            from: '2025-01-02T03:04',
            to: '2025-12-31T23:05',
        });
        assert.deepEqual(customRangeInputs({ key: 'custom', from }), {
            from: '2025-01-02T03:04',
            to: '',
        });
        assert.equal(toLocalInput(to), '2025-12-31T23:05');
    });

    it('reads the fields back as the same local minute', () => {
        const time = new Date(2025, 5, 1, 9, 30).getTime();
        assert.equal(fromLocalInput(toLocalInput(time)), time);
        assert.equal(fromLocalInput(''), undefined);
        assert.equal(fromLocalInput('not a date'), undefined);
    });
});

import * as assert from 'node:assert/strict';
import { chartPoints } from '../../../src/metrics/chartPoints';
import { alignSeries, toTsv } from '../../../src/metrics/tableText';

describe('table text and chart points', () => {
    it('aligns series on their timestamps', () => {
        const rows = alignSeries([
            {
                points: [
                    [1, 10],
                    [3, 30],
                ],
            },
            {
                points: [
                    [2, 20],
                    [3, 31],
                ],
            },
        ]);
        assert.deepEqual(rows, [
            [1, [10, undefined]],
            [2, [undefined, 20]],
            [3, [30, 31]],
        ]);
    });

    it('writes tab-separated raw values, tabs and newlines in text flattened', () => {
        assert.equal(
            toTsv(
                ['Time', 'a\tb'],
                [
                    ['t1', 1234567.5],
                    ['t2', undefined],
                ],
            ),
            'Time\ta b\nt1\t1234567.5\nt2\t',
        );
    });

    it('breaks the line where datapoints are missing', () => {
        const minute = 60_000;
        const points = chartPoints(
            [
                [0, 1],
                [minute, 2],
                [5 * minute, 3],
            ],
            60,
        );
        assert.deepEqual(points, [
            { x: 0, y: 1 },
            { x: minute, y: 2 },
            { x: 2 * minute, y: null },
            { x: 5 * minute, y: 3 },
        ]);
    });
});

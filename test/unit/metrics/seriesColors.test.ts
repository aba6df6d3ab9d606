import * as assert from 'node:assert/strict';
import { colorSlots, modelColor } from '../../../src/metrics/seriesColors';

const palette = ['blue', 'orange', 'green'];
const claude = 'anthropic.claude-3-haiku-20240307-v1:0';
const nova = 'amazon.nova-lite-v1:0';
const titan = 'amazon.titan-embed-text-v2:0';

describe('metrics/seriesColors', () => {
    it('gives each model the colour of its place among the sorted chosen ids', () => {
        const slots = colorSlots([claude, nova, titan]);
        assert.deepEqual(
            [nova, titan, claude].map((id) => modelColor(id, slots, palette, 'gray')),
            ['blue', 'orange', 'green'],
        );
    });

    it('keeps a colour whichever order the models were picked in', () => {
        const one = colorSlots([claude, nova]);
        const other = colorSlots([nova, claude, nova]);
        assert.equal(modelColor(claude, one, palette, 'gray'), 'orange');
        assert.equal(modelColor(claude, other, palette, 'gray'), 'orange');
    });

    it('does not depend on which models a chart has series for', () => {
        // A chart listing only Claude (tokens pending) still draws Claude in Claude's colour.
        const slots = colorSlots([nova, claude]);
        const chartSeries = [claude];
        assert.deepEqual(
            chartSeries.map((id) => modelColor(id, slots, palette, 'gray')),
            ['orange'],
        );
    });

    it('wraps around a short palette and falls back for an unknown model', () => {
        const ids = ['a', 'b', 'c', 'd'];
        const slots = colorSlots(ids);
        assert.equal(modelColor('d', slots, palette, 'gray'), 'blue');
        assert.equal(modelColor('zz', slots, palette, 'gray'), 'gray');
        assert.equal(modelColor('a', slots, [], 'gray'), 'gray');
    });
});

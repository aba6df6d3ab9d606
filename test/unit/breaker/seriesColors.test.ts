import * as assert from 'node:assert/strict';
import { colorSlots, modelColor } from '../../../src/metrics/seriesColors';

const palette = ['c0', 'c1', 'c2'];

describe('breaker/metrics series colours', () => {
    it('gives duplicate ids one slot and keeps slots dense', () => {
        const slots = colorSlots(['b', 'a', 'b', 'a']);
        assert.deepEqual([...slots.entries()], [['a', 0], ['b', 1]]);
    });

    it('tells ids apart that differ only in case, whatever the pick order', () => {
        const one = colorSlots(['model.A', 'model.a']);
        const other = colorSlots(['model.a', 'model.A']);
        assert.notEqual(one.get('model.A'), one.get('model.a'));
        assert.deepEqual([...one.entries()], [...other.entries()]);
    });

    it('does not depend on pick order for ids the locale collates as equal', () => {
        const composed = 'acme.caf\u00e9';
        const decomposed = 'acme.cafe\u0301';
        const one = colorSlots([composed, decomposed]);
        const other = colorSlots([decomposed, composed]);
        assert.deepEqual([...one.entries()], [...other.entries()]);
    });

    it('wraps round the palette when there are more models than colours', () => {
        const ids = ['m0', 'm1', 'm2', 'm3', 'm4'];
        const slots = colorSlots(ids);
        assert.deepEqual(
            ids.map((id) => modelColor(id, slots, palette, 'fg')),
            ['c0', 'c1', 'c2', 'c0', 'c1'],
        );
    });
});

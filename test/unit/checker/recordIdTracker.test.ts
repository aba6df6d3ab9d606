import * as assert from 'node:assert/strict';
import { RecordIdTracker } from '../../../src/checker/recordIdTracker';

describe('RecordIdTracker', () => {
    it('remembers where each id was first seen, across growth and non-ASCII ids', () => {
        const tracker = new RecordIdTracker(100_000);
        const ids = Array.from({ length: 30_000 }, (_, i) =>
            i % 7 === 0 ? `é-${i}-東京` : `rec-${i}`,
        );
        ids.forEach((id, i) => assert.equal(tracker.check(id, i % 3, i + 1), undefined));
        for (let i = 0; i < ids.length; i += 611) {
            assert.deepEqual(tracker.check(ids[i] ?? '', 5, 1), { fileIndex: i % 3, line: i + 1 });
        }
        assert.equal(tracker.check('rec-', 0, 1), undefined, 'a prefix of a known id is new');
        assert.equal(tracker.limitReached, false);
    });

    it('stops remembering at the limit but still finds repeats of remembered ids', () => {
        const tracker = new RecordIdTracker(3);
        for (const [i, id] of ['a', 'b', 'c'].entries()) {
            assert.equal(tracker.check(id, 0, i + 1), undefined);
        }
        assert.equal(tracker.check('d', 0, 4), undefined);
        assert.equal(tracker.limitReached, true);
        assert.equal(tracker.check('d', 0, 5), undefined, 'd was never remembered');
        assert.deepEqual(tracker.check('b', 1, 6), { fileIndex: 0, line: 2 });
    });
});

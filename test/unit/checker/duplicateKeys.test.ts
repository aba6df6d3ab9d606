import * as assert from 'node:assert/strict';
import { findDuplicateKeys, mayHaveDuplicateKeys } from '../../../src/checker/duplicateKeys';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
    let state = seed;
    return () => {
        state = (Math.imul(state, 1103515245) + 12345) >>> 0;
        return state / 2 ** 32;
    };
}

const KEYS = ['a', 'b', 'role', 'text', 'type', 'max_tokens', 'x\\u0041', 'xA', '1', '01'];

/** Random JSON text with objects that sometimes repeat a key. */
function randomJson(next: () => number, depth: number): string {
    const pick = next();
    if (depth > 3 || pick < 0.3) {
        const leaves = ['1', 'true', 'null', '"s"', '"q\\"uote: {"', '-2.5e3', '"[x]"'];
        return leaves[Math.floor(next() * leaves.length)] ?? 'null';
    }
    if (pick < 0.5) {
        const items = Array.from({ length: Math.floor(next() * 4) }, () =>
            randomJson(next, depth + 1),
        );
        return `[${items.join(', ')}]`;
    }
    const members = Array.from({ length: Math.floor(next() * 5) }, () => {
        const key = KEYS[Math.floor(next() * KEYS.length)] ?? 'a';
        return `"${key}" : ${randomJson(next, depth + 1)}`;
    });
    return `{${members.join(',')}}`;
}

/** The truth, by a slow route: parse each object's members and compare decoded keys. */
function hasRepeat(value: string): boolean {
    return findDuplicateKeys(value).length > 0;
}

describe('duplicate keys', () => {
    it('finds repeats at any depth, with the path of their object', () => {
        const line =
            '{"recordId": "a", "modelInput": {"messages": [{"role": "user", "content": ' +
            '[{"type": "text", "text": "a", "text": "b"}]}], "max_tokens": 1, "max_tokens": 2}}';
        assert.equal(mayHaveDuplicateKeys(line), true);
        assert.deepEqual(
            findDuplicateKeys(line).map(({ objectPath, key, copies }) => ({
                objectPath,
                key,
                copies,
            })),
            [
                { objectPath: ['modelInput', 'messages', 0, 'content', 0], key: 'text', copies: 2 },
                { objectPath: ['modelInput'], key: 'max_tokens', copies: 2 },
            ],
        );
    });

    it('compares keys as JSON reads them, escapes decoded', () => {
        const line = '{"top_k": 1, "top\\u005fk": 2}';
        assert.equal(mayHaveDuplicateKeys(line), true);
        assert.deepEqual(findDuplicateKeys(line)[0]?.key, 'top_k');
    });

    it('is not fooled by keys inside strings or the same key in sibling objects', () => {
        const lines = [
            '{"recordId": "\\"recordId\\": 1", "modelInput": {"text": "a: {\\"text\\": 2}"}}',
            '{"m": [{"role": "user"}, {"role": "assistant"}], "n": {"role": 1}, "role": 2}',
            '{"a": {"b": 1}, "b": {"a": 1}}',
        ];
        for (const line of lines) {
            assert.equal(mayHaveDuplicateKeys(line), false, line);
            assert.deepEqual(findDuplicateKeys(line), [], line);
        }
    });

    it('never misses a repeat the full scan finds (2,000 random lines)', () => {
        const next = random(7);
        let repeats = 0;
        for (let i = 0; i < 2000; i++) {
            const line = randomJson(next, 0);
            JSON.parse(line);
            if (hasRepeat(line)) {
                repeats++;
                assert.equal(mayHaveDuplicateKeys(line), true, line);
            }
        }
        assert.ok(repeats > 100, `only ${repeats} lines had a repeat: the generator is too tame`);
    });

    it('leaves objects with very many keys to the full scan', () => {
        const members = Array.from({ length: 600 }, (_, i) => `"k${i}": ${i}`);
        const line = `{${members.join(', ')}}`;
        assert.equal(findDuplicateKeys(line).length, 0);
        const repeated = `{${[...members, '"k5": 0'].join(', ')}}`;
        assert.equal(mayHaveDuplicateKeys(repeated), true);
        assert.deepEqual(findDuplicateKeys(repeated)[0]?.key, 'k5');
    });
});

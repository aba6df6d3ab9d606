import * as assert from 'node:assert/strict';
import {
    findSyntaxError,
    locatePath,
    positionFromParseError,
} from '../../../src/checker/jsonScan';

function v8Position(text: string): number | undefined {
    try {
        JSON.parse(text);
        return undefined;
    } catch (error) {
        return positionFromParseError(error);
    }
}

describe('findSyntaxError', () => {
    it('finds nothing wrong in valid JSON', () => {
        for (const text of ['{}', '{"a": [1, -2.5e3, "x\\n\\u00e9", true, null]}', ' [ ] ']) {
            assert.equal(findSyntaxError(text), undefined, text);
        }
    });

    it('agrees with JSON.parse on the position wherever V8 names one', () => {
        const broken = [
            '{"a":1',
            '{"a" 1}',
            '{"a":"x\ny"}',
            '{"é":1,}',
            '{} x',
            '{"a":01}',
            '"abc',
            '{"a":1e}',
            '{"a":-}',
            '{"a":"\\q"}',
            '{"a":"\\u12"}',
            '[1 2]',
        ];
        let compared = 0;
        for (const text of broken) {
            const found = findSyntaxError(text);
            assert.ok(found, text);
            const v8 = v8Position(text);
            if (v8 !== undefined) {
                compared++;
                assert.equal(found.offset, v8, text);
            }
        }
        assert.ok(compared >= 8, `V8 gave positions for only ${compared} inputs`);
    });

    it('explains the usual mistakes', () => {
        assert.match(findSyntaxError('{"a": 1,}')?.message ?? '', /trailing comma/);
        assert.match(findSyntaxError("{'a': 1}")?.message ?? '', /double quotes/);
        assert.match(findSyntaxError('{"a": None}')?.message ?? '', /use true, false or null/);
        assert.match(findSyntaxError('{')?.message ?? '', /pretty-printed/);
        assert.match(findSyntaxError('{"a": "x\ty"}')?.message ?? '', /control character U\+0009/);
        assert.match(findSyntaxError('\uFEFF{}')?.message ?? '', /joining files/);
        assert.match(findSyntaxError('{"a":\u00a01}')?.message ?? '', /unexpected U\+00A0/);
    });

    it('points at the first bad character, counting UTF-16 code units', () => {
        const text = '{"t": "🌧️", "b": tru}';
        assert.equal(findSyntaxError(text)?.offset, text.indexOf('tru'));
    });
});

describe('locatePath', () => {
    const line =
        '{"recordId": "a\\"b", "modelInput": {"messages": [{"role": "user"}, {"role": "x"}]}}';

    it('gives the key and value spans of a member', () => {
        const found = locatePath(line, ['modelInput', 'messages', 1, 'role']);
        assert.equal(found.complete, true);
        assert.equal(line.slice(found.keyStart, found.keyEnd), '"role"');
        assert.equal(line.slice(found.valueStart, found.valueEnd), '"x"');
    });

    it('skips strings with escaped quotes', () => {
        const found = locatePath(line, ['recordId']);
        assert.equal(line.slice(found.valueStart, found.valueEnd), '"a\\"b"');
        assert.equal(line.charAt(found.valueEnd), ',');
    });

    it('stops at the deepest part that exists', () => {
        const found = locatePath(line, ['modelInput', 'system']);
        assert.equal(found.complete, false);
        assert.equal(line.slice(found.keyStart, found.keyEnd), '"modelInput"');
    });

    it('matches keys written with escapes', () => {
        const text = '{"model\\u0049nput": {"x": 1}}';
        assert.equal(locatePath(text, ['modelInput', 'x']).complete, true);
    });
});

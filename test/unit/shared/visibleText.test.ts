import * as assert from 'node:assert/strict';
import {
    isInvisible,
    jsonWithVisibleText,
    quoteVisible,
    showInvisible,
} from '../../../src/shared/visibleText';

/** What must never reach a terminal or the Problems panel raw. */
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u;

describe('visibleText', () => {
    it('shows terminal escapes, bidirectional and zero-width characters as escapes', () => {
        assert.equal(showInvisible('a\u001b]0;pwned\u0007b'), 'a\\u001B]0;pwned\\u0007b');
        assert.equal(showInvisible('evil\u202Etxt.exe'), 'evil\\u202Etxt.exe');
        assert.equal(showInvisible('zero\u200Bwidth\uFEFF'), 'zero\\u200Bwidth\\uFEFF');
        assert.equal(showInvisible('c1\u009Bx del\u007F'), 'c1\\u009Bx del\\u007F');
        assert.equal(showInvisible('tag\u{E0041}'), 'tag\\u{E0041}');
        assert.equal(showInvisible('lone\uD800'), 'lone\\uD800');
    });

    it('leaves visible text, spaces, accents and emoji alone', () => {
        for (const text of ['café 東京 заказ', 'a b', '🌧️ 👍🏽', "it's \"quoted\" \\ slash"]) {
            assert.equal(showInvisible(text), text);
            assert.ok([...text].every((char) => !isInvisible(char)), text);
        }
    });

    it('quotes content as a JSON-style literal, bounded in length', () => {
        assert.equal(quoteVisible('order 42'), '"order 42"');
        assert.equal(quoteVisible('say "hi"\n'), '"say \\"hi\\"\\n"');
        assert.equal(quoteVisible('\u202E'), '"\\u202E"');
        assert.equal(quoteVisible('x'.repeat(70)), `"${'x'.repeat(60)}"...`);
        assert.equal(quoteVisible('abcdef', 3), '"abc"...');
        // A cut never splits a surrogate pair.
        assert.equal(quoteVisible('ab😀cd', 3), '"ab"...');
        for (const hostile of ['\u001b[2J', 'a\u0085b', '\u2066x\u2069', '\u2028']) {
            assert.doesNotMatch(quoteVisible(hostile), RAW, hostile);
        }
    });

    it('escapes JSON text without changing the value it holds', () => {
        const value = { id: 'a\u009Bb\u202E\u2028\u{E0041}', plain: 'é' };
        const json = jsonWithVisibleText(JSON.stringify(value));
        assert.doesNotMatch(json, RAW);
        assert.match(json, /\\uDB40\\uDC41/);
        assert.deepEqual(JSON.parse(json), value);
    });
});

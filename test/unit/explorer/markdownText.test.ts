import * as assert from 'node:assert/strict';
import { escapeMarkdown, showInvisible } from '../../../src/explorer/markdownText';

/**
 * What a CommonMark renderer shows for escaped text: backslash escapes of ASCII punctuation
 * removed, &nbsp; as spaces, backslash line ends as line breaks. Enough to check a round trip.
 */
function rendered(markdown: string): string {
    return markdown
        .replace(/\\\n/g, '\n')
        .replace(/&nbsp;/g, ' ')
        .replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Markdown syntax that would do something if it reached the renderer unescaped. */
const active = /(^|[^\\])([*_`[\]<>#|~!&]|\]\()/;

describe('escapeMarkdown', () => {
    const hostile = [
        '**bold** _it_ `code` [link](command:workbench.action.quit) <img src=x onerror=alert(1)>',
        '# heading\n- item\n1. item\n> quote\n    code block\n| a | b |\n---',
        'http://127.0.0.1/x www.example.invalid user@example.invalid &amp; &#65;',
        '$(alert) ~~strike~~ \\ back\\slash',
    ];

    for (const text of hostile) {
        it(`escapes every piece of syntax in ${JSON.stringify(text.slice(0, 30))}`, () => {
            const escaped = escapeMarkdown(text);
            for (const line of escaped.split('\n')) {
                assert.doesNotMatch(line.replace(/&nbsp;/g, ' '), active, line);
            }
            assert.equal(rendered(escaped), text);
        });
    }

    it('keeps line breaks as hard breaks and leading spaces as spaces', () => {
        assert.equal(escapeMarkdown('a\n  b'), 'a\\\n&nbsp;&nbsp;b');
        assert.equal(escapeMarkdown('a\r\nb'), 'a\\\nb');
        assert.equal(escapeMarkdown('a\tb'), 'a&nbsp;&nbsp;&nbsp;&nbsp;b');
    });

    it('shows control and bidirectional characters instead of hiding them', () => {
        assert.equal(escapeMarkdown('a\u0000b\u001bc\u007f'), 'a\u2400b\u241bc\u2421');
        assert.equal(escapeMarkdown('abc\u202Edef'), 'abcU\\+202Edef');
        assert.equal(showInvisible('\u0085'), 'U+0085');
        assert.equal(showInvisible('é'), 'é');
    });
});

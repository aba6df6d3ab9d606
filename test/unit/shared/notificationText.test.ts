import * as assert from 'node:assert/strict';
import { asSentence, notificationText } from '../../../src/shared/notificationText';

/** VS Code's own link syntax for notifications (src/vs/base/common/linkedText.ts). */
const linkPattern =
    /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;

function links(text: string): string[] {
    return [...text.matchAll(linkPattern)].map((match) => match[0]);
}

describe('notificationText', () => {
    it('leaves ordinary text as it is', () => {
        const text = 'Could not submit report-2024 (s3://bucket/in/report [final].jsonl).';
        assert.equal(notificationText(text), text);
    });

    it('keeps file names and service messages from becoming links', () => {
        const hostile = [
            'tickets [Show Problems](command:workbench.action.files.newUntitledFile).jsonl',
            'The input s3://b/[x](https://example.com/a) is not valid.',
            '[[nested](command:a)](file:///etc/passwd)',
            '[a](command:x "title")',
        ];
        for (const text of hostile) {
            assert.ok(links(text).length > 0, `the sample itself is a link: ${text}`);
            const safe = notificationText(text);
            assert.deepEqual(links(safe), [], safe);
            // Every character the user typed is still there.
            assert.equal(safe.replace(/\u200b/g, ''), text);
        }
    });

    it('puts everything on one line and drops control characters', () => {
        assert.equal(notificationText('a\n\u0007b\r\n\tc  '), 'a b c');
    });

    it('shows bidirectional and zero-width characters as escapes, so they cannot reorder it', () => {
        assert.equal(
            notificationText('report\u202Etxt.jsonl failed\u200B'),
            'report\\u202Etxt.jsonl failed\\u200B',
        );
    });

    it('cuts text that is too long, at 1000 characters unless told otherwise', () => {
        assert.equal(notificationText('y'.repeat(500), 10), `${'y'.repeat(9)}\u2026`);
        assert.equal(notificationText('z'.repeat(1200)).length, 1000);
        assert.equal(notificationText('z'.repeat(1000)), 'z'.repeat(1000));
    });
});

describe('asSentence', () => {
    it('ends a service message with a period unless it already ends a sentence', () => {
        assert.equal(asSentence('Access Denied'), 'Access Denied.');
        assert.equal(asSentence('Rate exceeded (HTTP 429) '), 'Rate exceeded (HTTP 429).');
        assert.equal(asSentence('The input is not valid.'), 'The input is not valid.');
        assert.equal(asSentence('Why?'), 'Why?');
        assert.equal(asSentence(''), '');
    });
});

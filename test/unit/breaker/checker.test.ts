// Breaker evidence for the checker, its quick fixes and the CLI's text output. Each test fails
// while the bug it names is present.
import * as assert from 'node:assert/strict';
import { checkFiles, checkText } from '../../../src/checker/check';
import { fixEdits } from '../../../src/checker/fixes';
import type { Fix, TextEdit } from '../../../src/checker/types';
import { formatText } from '../../../src/cli/format';
import { claudeLine, TempFiles } from '../checker/tempFiles';

const haiku = 'anthropic.claude-3-haiku-20240307-v1:0';
const options = { modelId: haiku, quotas: { minRecordsPerJob: 1 } };

/** Applies single-line edits (1-based columns) to one line of text. */
function applyToLine(line: string, edits: readonly TextEdit[]): string {
    return [...edits]
        .sort((a, b) => b.column - a.column)
        .reduce((text, e) => text.slice(0, e.column - 1) + e.newText + text.slice(e.endColumn - 1), line);
}

function firstFix(text: string): Fix {
    const fix = checkText(text, options).diagnostics.find((d) => d.fix !== undefined)?.fix;
    assert.ok(fix, 'the checker offers a fix');
    return fix;
}

describe('breaker: checker, quick fixes and CLI output', () => {
    const temp = new TempFiles();
    after(() => temp.cleanup());

    it('"Move the request body into modelInput" keeps every value exactly as written', () => {
        // A body at the top level, with values JSON.parse cannot carry through unchanged.
        const line =
            '{"recordId":"a","anthropic_version":"bedrock-2023-05-31","max_tokens":10,' +
            '"messages":[{"role":"user","content":"hi"}],' +
            '"metadata":{"user_id":"u","seed":9007199254740993,"weight":1e400,"tiny":1e-400}}';
        const fix = firstFix(line);
        assert.equal(fix.kind, 'wrap-model-input');
        const fixed = applyToLine(line, fixEdits(line, fix));
        for (const literal of ['9007199254740993', '1e400', '1e-400']) {
            assert.ok(fixed.includes(literal), `the quick fix rewrote ${literal}: ${fixed}`);
        }
    });

    it('"Move the request body into modelInput" does not drop a repeated key', () => {
        const line =
            '{"recordId":"a","anthropic_version":"bedrock-2023-05-31","max_tokens":10,' +
            '"max_tokens":4096,"messages":[{"role":"user","content":"caf\\u00e9"}]}';
        const fixed = applyToLine(line, fixEdits(line, firstFix(line)));
        assert.ok(
            fixed.includes('"max_tokens":10') && fixed.includes('caf\\u00e9'),
            `the quick fix silently dropped or re-encoded text the user wrote: ${fixed}`,
        );
    });

    it('a repeated key is reported, and where the reported value really is', () => {
        const line =
            '{"recordId":"a","modelInput":{"anthropic_version":"bedrock-2023-05-31",' +
            '"max_tokens":10,"messages":[{"role":"user","content":"hi"}],"max_tokens":"x"}}';
        const result = checkText(line, options);
        const invalid = result.diagnostics.find((d) => d.code === 'parameter-invalid');
        assert.ok(invalid, 'max_tokens "x" is reported');
        const pointedAt = line.slice(invalid.column - 1, (invalid.endColumn ?? invalid.column) - 1);
        assert.equal(pointedAt, '"x"', `the error about "x" underlines ${pointedAt}`);
        assert.ok(
            result.diagnostics.some((d) => /duplicate|repeated|more than once|twice/i.test(d.message)),
            `no word about the repeated key: ${result.diagnostics.map((d) => d.code).join(', ')}`,
        );
    });

    it('the fix for a stray modelId clears the diagnostic when the key is repeated', () => {
        const line =
            '{"recordId":"a","modelInput":{"modelId":"x","anthropic_version":' +
            '"bedrock-2023-05-31","max_tokens":10,"messages":[{"role":"user","content":"hi"}],' +
            '"modelId":"y"}}';
        // The repeated key has its own diagnostic (and fix) now: apply the modelId one.
        const stray = checkText(line, options).diagnostics.find(
            (d) => d.code === 'model-input-model-id',
        );
        assert.ok(stray?.fix, 'the stray modelId is reported with a fix');
        const fixed = applyToLine(line, fixEdits(line, stray.fix));
        const after = checkText(fixed, options).diagnostics.map((d) => d.code);
        assert.ok(
            !after.includes('model-input-model-id'),
            `the quick fix applied but the problem stays: ${fixed}`,
        );
    });

    it('the CLI text output does not pass terminal control sequences through', async () => {
        const id = '\u001b]0;pwned\u0007\u001b[2J\u001b[31mred';
        const path = temp.write(
            'ansi.jsonl',
            `${claudeLine(id)}\n${claudeLine(id)}\n` +
                '{"recordId":"b","\u001b[2Jkey":1,"modelInput":{"anthropic_version":' +
                '"bedrock-2023-05-31","max_tokens":10,"messages":[{"role":"user","content":"h"}]}}\n',
        );
        const text = formatText(await checkFiles([path], options));
        // eslint-disable-next-line no-control-regex
        const controls = text.match(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g) ?? [];
        assert.deepEqual(
            controls.map((c) => `U+${c.codePointAt(0)?.toString(16).padStart(4, '0')}`),
            [],
            `raw control characters reach the terminal:\n${JSON.stringify(text)}`,
        );
    });

    it('diagnostic messages (Problems panel, hovers) carry no raw control or bidi characters', () => {
        // U+202E (right-to-left override) reverses the rest of the message as displayed.
        const ids = ['evil\u202Etxt.exe', 'bell\u0007', 'esc\u001b[31m', 'evil\u202Etxt.exe'];
        const text = ids.map((id) => claudeLine(id)).join('\n');
        const messages = checkText(text, options).diagnostics.map((d) => d.message);
        const raw = messages.filter((m) =>
            // eslint-disable-next-line no-control-regex
            /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(m),
        );
        assert.deepEqual(raw.map((m) => JSON.stringify(m)), [], 'messages with raw controls');
    });

    it('a UTF-16 file is named as UTF-16, not as a pile of JSON errors', async () => {
        const text = `${claudeLine('r1')}\n${claudeLine('r2')}\n`;
        const path = temp.write(
            'utf16.jsonl',
            Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
        );
        const [file] = (await checkFiles([path], options)).files;
        const messages = file?.diagnostics.map((d) => d.message) ?? [];
        assert.ok(
            messages.some((m) => /UTF-16/i.test(m)),
            `${file?.diagnostics.length} diagnostics, none says UTF-16: ${JSON.stringify(messages)}`,
        );
    });

    it('CR-only line endings are named as such', async () => {
        const path = temp.write(
            'classic-mac.jsonl',
            `${claudeLine('r1')}\r${claudeLine('r2')}\r${claudeLine('r3')}\r`,
        );
        const [file] = (await checkFiles([path], options)).files;
        const messages = file?.diagnostics.map((d) => d.message) ?? [];
        assert.ok(
            messages.some((m) => /\bCR\b|carriage return|line ending|line break/i.test(m)),
            `records: ${file?.stats.records}; messages: ${JSON.stringify(messages)}`,
        );
    });
});

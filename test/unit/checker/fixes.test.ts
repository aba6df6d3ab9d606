import * as assert from 'node:assert/strict';
import { checkText } from '../../../src/checker/check';
import { fixEdits } from '../../../src/checker/fixes';
import type { RuleCode } from '../../../src/checker/rules';
import type { CheckOptions, Diagnostic, TextEdit } from '../../../src/checker/types';
import { CLAUDE, fixtureText } from './fixtures';

/** Applies single-line edits the way an editor would (1-based columns, exclusive end). */
function apply(text: string, edits: readonly TextEdit[]): string {
    const lines = text.split('\n');
    const sorted = [...edits].sort((a, b) => b.line - a.line || b.column - a.column);
    for (const edit of sorted) {
        assert.equal(edit.endLine, edit.line, 'fixes stay on one line');
        const line = lines[edit.line - 1] ?? '';
        lines[edit.line - 1] =
            line.slice(0, edit.column - 1) + edit.newText + line.slice(edit.endColumn - 1);
    }
    return lines.join('\n');
}

const OPTIONS: CheckOptions = { modelId: CLAUDE, jobQuotas: false };

function firstWithFix(text: string, code: RuleCode, options = OPTIONS): Diagnostic {
    const found = checkText(text, options).diagnostics.find((d) => d.code === code);
    assert.ok(found?.fix, `no ${code} with a fix`);
    return found;
}

function codes(text: string, options = OPTIONS): RuleCode[] {
    return checkText(text, options).diagnostics.map((d) => d.code);
}

describe('fixEdits', () => {
    it('inserts anthropic_version so the Claude records pass', () => {
        const text = fixtureText('bad/claudeNoAnthropicVersion.jsonl');
        const diagnostic = firstWithFix(text, 'claude-missing-anthropic-version');
        assert.equal(diagnostic.fix?.title, 'Add "anthropic_version": "bedrock-2023-05-31"');
        const fixed = apply(text, fixEdits(text, diagnostic.fix));
        assert.deepEqual(codes(fixed), ['claude-missing-anthropic-version']);
        assert.match(
            fixed.split('\n')[0] ?? '',
            /"modelInput": \{"anthropic_version": "bedrock-2023-05-31", "messages"/,
        );
    });

    it('removes a stray modelId whether it comes first or last', () => {
        const text = fixtureText('bad/strayModelId.jsonl');
        const diagnostics = checkText(text, OPTIONS).diagnostics;
        const edits = diagnostics.flatMap((d) => (d.fix ? fixEdits(text, d.fix) : []));
        assert.equal(edits.length, 2);
        const fixed = apply(text, edits);
        assert.deepEqual(codes(fixed), []);
        for (const line of fixed.trim().split('\n')) {
            assert.doesNotMatch(line, /modelId/);
            JSON.parse(line);
        }
    });

    it('moves a top-level body into modelInput and keeps the recordId outside', () => {
        const text = fixtureText('bad/missingWrapper.jsonl');
        const diagnostic = firstWithFix(text, 'model-input-wrapper-missing', {
            modelId: 'mistral.mistral-7b-instruct-v0:2',
            jobQuotas: false,
        });
        const fixed = apply(text, fixEdits(text, diagnostic.fix!));
        const record = JSON.parse(fixed.split('\n')[0] ?? '') as Record<string, unknown>;
        assert.deepEqual(Object.keys(record), ['recordId', 'modelInput']);
        assert.equal(record['recordId'], '0');
        const body = Object.keys(record['modelInput'] as object);
        assert.deepEqual(body, ['prompt', 'max_tokens', 'temperature']);
    });

    it('gives every record without an id a new one that clashes with none', () => {
        const body = (text: string): string =>
            JSON.stringify({
                anthropic_version: 'bedrock-2023-05-31',
                max_tokens: 5,
                messages: [{ role: 'user', content: text }],
            });
        const text = [
            `{"modelInput": ${body('a')}}`,
            `{"recordId": "rec-000003", "modelInput": ${body('b')}}`,
            `{"modelInput": ${body('c')}}`,
            '{ }',
        ].join('\n');
        const diagnostic = firstWithFix(text, 'record-id-missing');
        const fixed = apply(text, fixEdits(text, diagnostic.fix!));
        const ids = fixed.split('\n').map((l) => (JSON.parse(l) as { recordId?: string }).recordId);
        assert.deepEqual(ids, ['rec-000001', 'rec-000003', 'rec-000003-2', 'rec-000004']);
        assert.ok(!codes(fixed).includes('record-id-missing'));
    });

    it('adds "type": "text" to a Converse-style block in a Claude body', () => {
        const text = fixtureText('bad/claudeShape.jsonl').split('\n')[5] ?? '';
        const diagnostic = firstWithFix(text, 'content-block-missing-type');
        assert.deepEqual(codes(apply(text, fixEdits(text, diagnostic.fix!))), []);
    });

    it('removes Claude\'s "type" from Converse blocks and toolConfig from Converse bodies', () => {
        const converse: CheckOptions = {
            modelId: CLAUDE,
            invocationType: 'Converse',
            jobQuotas: false,
        };
        const files = ['bad/neitherMessagesNorConverse.jsonl', 'bad/converseToolConfig.jsonl'];
        for (const file of files) {
            const text = fixtureText(file);
            const edits = checkText(text, converse).diagnostics.flatMap((d) =>
                d.fix ? fixEdits(text, d.fix) : [],
            );
            assert.ok(edits.length > 0, file);
            assert.deepEqual(codes(apply(text, edits), converse), [], file);
        }
    });

    it('moves the body into modelInput as written: numbers, escapes and repeats untouched', () => {
        const text =
            '{"max_tokens":10, "recordId":"a", "anthropic_version":"bedrock-2023-05-31", ' +
            '"max_tokens":4096, "messages":[{"role":"user","content":"caf\\u00e9"}], ' +
            '"metadata":{"user_id":"u","seed":9007199254740993,"weight":1e400,"tiny":-0.0}}';
        const diagnostic = firstWithFix(text, 'model-input-wrapper-missing');
        const fixed = apply(text, fixEdits(text, diagnostic.fix!));
        assert.equal(
            fixed,
            '{"recordId":"a", "modelInput":{"max_tokens":10, ' +
                '"anthropic_version":"bedrock-2023-05-31", "max_tokens":4096, ' +
                '"messages":[{"role":"user","content":"caf\\u00e9"}], ' +
                '"metadata":{"user_id":"u","seed":9007199254740993,"weight":1e400,"tiny":-0.0}}}',
        );
    });

    it('removes every copy of a repeated stray modelId, wherever the copies are', () => {
        const body = '"anthropic_version": "bedrock-2023-05-31", "max_tokens": 5, ' +
            '"messages": [{"role": "user", "content": "hi"}]';
        const lines = [
            `{"recordId": "a", "modelInput": {"modelId": "x", ${body}, "modelId": "y"}}`,
            `{"recordId": "b", "modelInput": {"modelId": "x", "modelId": "y", ${body}}}`,
            `{"recordId": "c", "modelInput": {${body}, "modelId": "x", "modelId": "y"}}`,
            `{"recordId": "d", "modelInput": {"modelId": "x", "modelId": "y"}}`,
        ];
        for (const line of lines) {
            const diagnostic = firstWithFix(line, 'model-input-model-id');
            const fixed = apply(line, fixEdits(line, diagnostic.fix!));
            assert.doesNotMatch(fixed, /modelId/, line);
            JSON.parse(fixed);
        }
    });

    it('keeps the last copy of a repeated key, the one that was checked', () => {
        const line =
            '{"recordId": "a", "modelInput": {"max_tokens": 1, "anthropic_version": ' +
            '"bedrock-2023-05-31", "max_tokens": 2, "messages": [{"role": "user", "content": ' +
            '[{"type": "text", "text": "old", "text": "new"}]}], "max_tokens": 3}}';
        const diagnostics = checkText(line, OPTIONS).diagnostics;
        const repeats = diagnostics.filter((d) => d.code === 'json-duplicate-key');
        assert.deepEqual(
            repeats.map((d) => d.fix?.title),
            [
                'Keep only the last "max_tokens" in modelInput',
                'Keep only the last "text" in modelInput.messages[0].content[0]',
            ],
        );
        // Both fixes at once (the "fix all" quick fix) must not overlap.
        const fixed = apply(line, repeats.flatMap((d) => fixEdits(line, d.fix!)));
        assert.equal(
            fixed,
            '{"recordId": "a", "modelInput": {"anthropic_version": "bedrock-2023-05-31", ' +
                '"messages": [{"role": "user", "content": [{"type": "text", "text": "new"}]}], ' +
                '"max_tokens": 3}}',
        );
        assert.deepEqual(codes(fixed), []);
    });

    it('inserts into the modelInput that counts when there are two', () => {
        const line =
            '{"recordId": "a", "modelInput": {"max_tokens": 9}, "modelInput": {"max_tokens": 5, ' +
            '"messages": [{"role": "user", "content": "hi"}]}}';
        const diagnostic = firstWithFix(line, 'claude-missing-anthropic-version');
        const fixed = apply(line, fixEdits(line, diagnostic.fix!));
        assert.match(
            fixed,
            /"modelInput": \{"anthropic_version": "bedrock-2023-05-31", "max_tokens": 5/,
        );
        assert.match(fixed, /"modelInput": \{"max_tokens": 9\}/);
    });

    it('inserts a compact member into a compact record, a spaced one into a spaced record', () => {
        const compactBody = '{"max_tokens":5,"messages":[{"role":"user","content":"hi"}]}';
        const compact = `{"recordId":"a","modelInput":${compactBody}}`;
        const fixedCompact = apply(
            compact,
            fixEdits(compact, firstWithFix(compact, 'claude-missing-anthropic-version').fix!),
        );
        assert.equal(
            fixedCompact,
            '{"recordId":"a","modelInput":{"anthropic_version":"bedrock-2023-05-31",' +
                '"max_tokens":5,"messages":[{"role":"user","content":"hi"}]}}',
        );
        const spaced = '{"recordId": "a", "modelInput": {"max_tokens": 5, "messages": ' +
            '[{"role": "user", "content": "hi"}]}}';
        const fixedSpaced = apply(
            spaced,
            fixEdits(spaced, firstWithFix(spaced, 'claude-missing-anthropic-version').fix!),
        );
        assert.equal(
            fixedSpaced,
            '{"recordId": "a", "modelInput": {"anthropic_version": "bedrock-2023-05-31", ' +
                '"max_tokens": 5, "messages": [{"role": "user", "content": "hi"}]}}',
        );
        assert.deepEqual(codes(fixedCompact), []);
        assert.deepEqual(codes(fixedSpaced), []);
    });

    it('adds a missing recordId in the style of each record', () => {
        const body = '"anthropic_version":"bedrock-2023-05-31","max_tokens":5,' +
            '"messages":[{"role":"user","content":"hi"}]';
        const text = [
            `{"modelInput":{${body}}}`,
            `{"modelInput": {${body.replace(/([:,])/g, '$1 ')}}}`,
            `{"modelInput":{},"extra":1}`,
        ].join('\n');
        const diagnostic = firstWithFix(text, 'record-id-missing');
        const fixed = apply(text, fixEdits(text, diagnostic.fix!)).split('\n');
        assert.equal(fixed[0], `{"recordId":"rec-000001","modelInput":{${body}}}`);
        assert.match(fixed[1] ?? '', /^\{"recordId": "rec-000002", "modelInput": \{"anthropic/);
        assert.equal(fixed[2], '{"recordId":"rec-000003","modelInput":{},"extra":1}');
    });

    it('offers no edits once the line has changed under the fix', () => {
        const text = fixtureText('bad/claudeNoAnthropicVersion.jsonl');
        const diagnostic = firstWithFix(text, 'claude-missing-anthropic-version');
        assert.deepEqual(fixEdits('{"broken": \n', diagnostic.fix!), []);
        assert.deepEqual(fixEdits('{"recordId": "x"}\n', diagnostic.fix!), []);
    });
});

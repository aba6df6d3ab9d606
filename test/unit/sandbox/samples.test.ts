import * as assert from 'node:assert/strict';
import { checkText } from '../../../src/checker/check';
import { corpus } from '../../../src/sandbox/corpus';
import { sampleFiles, type SampleFile } from '../../../src/sandbox/samples';

function sample(name: string): SampleFile {
    const found = sampleFiles().find((file) => file.name === name);
    assert.ok(found, `no sample named ${name}`);
    return found;
}

function check(file: SampleFile): ReturnType<typeof checkText> {
    const options = { modelId: file.modelId, invocationType: file.invocationType };
    return checkText(file.text, options, file.name);
}

describe('sandbox sample files', () => {
    const clean = [
        ['claude-literary-questions.jsonl', 300],
        ['nova-labels.jsonl', 300],
        ['titan-embeddings.jsonl', 258],
        ['converse-discussion.jsonl', 300],
    ] as const;

    for (const [name, records] of clean) {
        it(`${name}: ${records} records the checker accepts for its model without a remark`, () => {
            const result = check(sample(name));
            assert.deepEqual(result.diagnostics.map((d) => `${d.line}: ${d.code}`), []);
            assert.equal(result.stats.records, records);
            assert.equal(result.stats.recordsWithoutId, 0);
        });
    }

    it('mistakes.jsonl shows the five typical mistakes, each on its own line', () => {
        const result = check(sample('mistakes.jsonl'));
        assert.deepEqual(
            result.diagnostics.map((d) => `${d.severity} ${d.line}: ${d.code}`),
            [
                'error 3: claude-missing-anthropic-version',
                'error 5: model-input-model-id',
                'error 7: record-id-duplicate',
                'error 9: model-input-wrapper-missing',
                'error 11: json-syntax',
            ],
        );
        assert.equal(result.stats.records, 100);
    });

    it('gives every record of a file its own recordId', () => {
        for (const file of sampleFiles().filter((f) => f.name !== 'mistakes.jsonl')) {
            const ids = file.text.trim().split('\n').map((line) => {
                const record = JSON.parse(line) as { recordId: string };
                return record.recordId;
            });
            assert.equal(new Set(ids).size, ids.length, file.name);
        }
    });

    it('builds the prompts from the public-domain passages, with their sources', () => {
        const first = corpus[0];
        assert.ok(first);
        const claude = sample('claude-literary-questions.jsonl').text;
        assert.ok(claude.includes(JSON.stringify(first.text).slice(1, -1)));
        assert.ok(claude.includes(first.source));
    });

    it('is the same text on every call, so a re-created workspace re-uses its uploads', () => {
        assert.deepEqual(sampleFiles(), sampleFiles());
    });
});

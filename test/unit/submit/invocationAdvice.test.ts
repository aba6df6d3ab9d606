import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
    adviseInvocationType,
    readSample,
    SAMPLE_LINES,
} from '../../../src/submit/invocationAdvice';

const nova = 'amazon.nova-lite-v1:0';
const haiku = 'anthropic.claude-3-haiku-20240307-v1:0';
const titan = 'amazon.titan-embed-text-v2:0';

function jsonl(count: number, body: (i: number) => object): string {
    return Array.from({ length: count }, (_, i) =>
        JSON.stringify({ recordId: `R${String(i).padStart(10, '0')}`, modelInput: body(i) }),
    ).join('\n');
}

const novaNative = jsonl(10, (i) => ({
    schemaVersion: 'messages-v1',
    system: [{ text: 'Answer with one word.' }],
    messages: [{ role: 'user', content: [{ text: `Label passage ${i}.` }] }],
    inferenceConfig: { max_new_tokens: 20 },
}));

const converse = jsonl(10, (i) => ({
    system: [{ text: 'Answer in two sentences.' }],
    messages: [{ role: 'user', content: [{ text: `Discuss passage ${i}.` }] }],
    inferenceConfig: { maxTokens: 200, temperature: 0.3 },
}));

const embeddings = jsonl(10, (i) => ({ inputText: `Sentence ${i}.`, dimensions: 512 }));

describe('adviseInvocationType', () => {
    it('puts the native format first for records written in it', () => {
        const advice = adviseInvocationType(nova, novaNative, undefined);
        assert.deepEqual(advice.order, ['InvokeModel', 'Converse']);
        assert.equal(advice.reason, 'content');
        assert.equal(advice.sampledRecords, 10);
        assert.deepEqual(advice.fits.get('InvokeModel'), { errors: 0, warnings: 0 });
        assert.ok((advice.fits.get('Converse')?.errors ?? 0) > 0);
    });

    it('puts Converse first for Converse bodies, whatever was answered last time', () => {
        const advice = adviseInvocationType(haiku, converse, 'InvokeModel');
        assert.deepEqual(advice.order, ['Converse', 'InvokeModel']);
        assert.equal(advice.reason, 'content');
    });

    it('follows the type the file is checked with when both formats fit', () => {
        const remembered = adviseInvocationType(nova, converse, 'Converse');
        assert.deepEqual(remembered.order, ['Converse', 'InvokeModel']);
        assert.equal(remembered.reason, 'checkModel');
        const unknown = adviseInvocationType(nova, converse, undefined);
        assert.deepEqual(unknown.order, ['InvokeModel', 'Converse']);
        assert.equal(unknown.reason, 'default');
    });

    it('never offers Converse for an embeddings model', () => {
        for (const sample of [embeddings, converse]) {
            const advice = adviseInvocationType(titan, sample, 'Converse');
            assert.deepEqual(advice.order, ['InvokeModel']);
            assert.equal(advice.reason, 'embeddings');
        }
    });

    it('offers Cohere and Nova embedders only their native body, as Titan', () => {
        const embedders = [
            'cohere.embed-english-v3',
            'us.cohere.embed-v4:0',
            'amazon.nova-2-multimodal-embeddings-v1:0',
        ];
        for (const id of embedders) {
            const advice = adviseInvocationType(id, converse, 'Converse');
            assert.deepEqual(advice.order, ['InvokeModel'], id);
            assert.equal(advice.reason, 'embeddings', id);
        }
        const command = adviseInvocationType('cohere.command-r-v1:0', converse, 'Converse');
        assert.deepEqual([...command.order].sort(), ['Converse', 'InvokeModel']);
    });

    it('keeps the type the file is checked with first while its records fit it', () => {
        // Nova's native max_new_tokens is only an unknown key (a warning) in a Converse body.
        const warnsAsConverse = jsonl(10, (i) => ({
            messages: [{ role: 'user', content: [{ text: `Label passage ${i}.` }] }],
            inferenceConfig: { max_new_tokens: 20 },
        }));
        const checked = adviseInvocationType(nova, warnsAsConverse, 'Converse');
        assert.deepEqual(checked.fits.get('Converse'), { errors: 0, warnings: 10 });
        assert.deepEqual(checked.order, ['Converse', 'InvokeModel']);
        assert.equal(checked.reason, 'checkModel');
        const unchecked = adviseInvocationType(nova, warnsAsConverse, undefined);
        assert.deepEqual(unchecked.order, ['InvokeModel', 'Converse']);
        assert.equal(unchecked.reason, 'content');
    });

    it('falls back to the remembered type for an empty file', () => {
        const advice = adviseInvocationType(haiku, '\n\n', 'Converse');
        assert.deepEqual(advice.order, ['Converse', 'InvokeModel']);
        assert.equal(advice.sampledRecords, 0);
        assert.equal(advice.fits.size, 0);
    });
});

describe('readSample', () => {
    let folder: string;

    before(() => {
        folder = mkdtempSync(join(tmpdir(), 'bb-sample-'));
    });

    after(() => {
        rmSync(folder, { recursive: true, force: true });
    });

    it('reads the first lines of the file, without a byte order mark', async () => {
        const path = join(folder, 'long.jsonl');
        writeFileSync(path, `\uFEFF${jsonl(SAMPLE_LINES + 15, () => ({ inputText: 'x' }))}\n`);
        const sample = await readSample(path);
        const lines = sample.split('\n');
        assert.equal(lines.length, SAMPLE_LINES);
        assert.ok(lines[0]?.startsWith('{"recordId":"R0000000000"'), lines[0]);
        assert.ok(lines.at(-1)?.includes(`R${String(SAMPLE_LINES - 1).padStart(10, '0')}`));
    });

    it('keeps whole lines only when the first MiB ends mid-line', async () => {
        const path = join(folder, 'wide.jsonl');
        const text = 'y'.repeat(700_000);
        const wide = JSON.stringify({ recordId: 'W1', modelInput: { inputText: text } });
        writeFileSync(path, `${wide}\n${wide.replace('W1', 'W2')}\n`);
        const sample = await readSample(path);
        assert.equal(sample, wide);
    });
});

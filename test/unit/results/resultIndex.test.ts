import * as assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { RecordReader } from '../../../src/results/recordReader';
import { buildResultIndex, type ResultIndex } from '../../../src/results/resultIndex';
import { familiesOutput, mixed } from './fixturePaths';

describe('results/resultIndex', () => {
    let index: ResultIndex;

    before(async () => {
        index = await buildResultIndex({ outputFiles: [mixed.output], inputFiles: [mixed.input] });
    });

    it('lists output records in file order, then the missing ones in input order', () => {
        assert.deepEqual(
            index.records.map((r) => `${r.recordId ?? '?'}:${r.status}`),
            [
                'rec-003:succeeded',
                'rec-001:succeeded',
                'rec-002:failed',
                'rec-005:failed',
                'rec-006:failed',
                'rec-099:succeeded',
                'rec-004:succeeded',
                'rec-007:missing',
                'rec-008:missing',
            ],
        );
    });

    it('counts successes, failures, missing records and records the input never had', () => {
        assert.deepEqual(index.counts, {
            succeeded: 4,
            failed: 3,
            missing: 2,
            notInInput: 1,
            inputWithoutId: 0,
            malformedLines: 1,
        });
        const extra = index.records.find((r) => r.recordId === 'rec-099');
        assert.equal(extra?.inInput, false);
        assert.equal(index.records.find((r) => r.recordId === 'rec-001')?.inInput, true);
    });

    it('reports the malformed line with its number instead of failing', () => {
        assert.equal(index.problemCount, 1);
        assert.deepEqual(
            index.problems.map((p) => [p.line, p.message.split(':')[0]]),
            [[5, 'malformed output line']],
        );
        assert.equal(index.problems[0]?.path, mixed.output);
    });

    it('keeps stop reason, tokens and error per record', () => {
        const last = index.records.find((r) => r.recordId === 'rec-004');
        assert.deepEqual(
            [last?.stopReason, last?.inputTokens, last?.outputTokens, last?.line],
            ['max_tokens', 18, 21, 10],
        );
        const failed = index.records.find((r) => r.recordId === 'rec-006');
        assert.equal(failed?.error, '429: Too many tokens, please wait before trying again.');
    });

    it('reads a record back by offset, including the last line that has no newline', async () => {
        const reader = new RecordReader(index);
        try {
            const position = index.records.findIndex((r) => r.recordId === 'rec-004');
            const detail = await reader.read(position);
            assert.equal(detail.input, 'Écris un haïku sur la pluie.');
            assert.equal(
                detail.output,
                "Pluie sur le toit,\nle jardin boit en silence —\nl'été se souvient.",
            );
            assert.match(detail.line, /"recordId":"rec-004"}$/);
        } finally {
            await reader.close();
        }
    });

    it('reads a missing record from its input line', async () => {
        const reader = new RecordReader(index);
        try {
            const detail = await reader.read(
                index.records.findIndex((r) => r.recordId === 'rec-008'),
            );
            assert.equal(detail.input, 'Say hello, in one word.');
            assert.equal(detail.output, '');
            assert.match(detail.line, /^\{"recordId": "rec-008"/);
        } finally {
            await reader.close();
        }
    });

    it('indexes outputs alone when the input is not at hand', async () => {
        const alone = await buildResultIndex({ outputFiles: [mixed.output, familiesOutput] });
        assert.equal(alone.hasInput, false);
        assert.deepEqual(alone.counts, {
            succeeded: 13,
            failed: 3,
            missing: 0,
            notInInput: 0,
            inputWithoutId: 0,
            malformedLines: 1,
        });
        assert.equal(alone.records[0]?.inInput, undefined);
        assert.equal(alone.sources.length, 2);
    });

    it('reports progress in bytes and stops when cancelled', async () => {
        let seen = 0;
        await buildResultIndex({
            outputFiles: [mixed.output],
            onProgress: (bytes) => (seen = bytes),
        });
        assert.equal(seen, statSync(mixed.output).size);
        const controller = new AbortController();
        controller.abort();
        await assert.rejects(
            buildResultIndex({ outputFiles: [mixed.output], signal: controller.signal }),
            {
                name: 'AbortError',
            },
        );
    });
});

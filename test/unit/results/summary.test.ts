import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseManifest, type Manifest } from '../../../src/results/manifest';
import { buildResultIndex } from '../../../src/results/resultIndex';
import { summarize, mostCommon } from '../../../src/results/summary';
import { describeSummary } from '../../../src/results/summaryText';
import { mixed } from './fixturePaths';

function fixtureManifest(): Manifest {
    const parsed = parseManifest(readFileSync(mixed.manifest, 'utf8'));
    assert.ok(parsed.ok);
    return parsed.manifest;
}

const haiku = {
    modelPrefix: 'anthropic.claude-3-haiku',
    inputPerMillion: 0.25,
    outputPerMillion: 1.25,
};

describe('results/summary', () => {
    it('takes counts and tokens from the manifest, with success rate and batch cost', async () => {
        const index = await buildResultIndex({
            outputFiles: [mixed.output],
            inputFiles: [mixed.input],
        });
        const summary = summarize({ manifest: fixtureManifest(), index, price: haiku });
        assert.deepEqual(
            [
                summary.source,
                summary.total,
                summary.processed,
                summary.succeeded,
                summary.failed,
                summary.unprocessed,
            ],
            ['manifest', 8, 6, 3, 3, 2],
        );
        assert.equal(summary.successRate, 3 / 8);
        assert.equal(summary.cost?.inputPerMillion, 0.125);
        assert.equal(summary.cost?.outputPerMillion, 0.625);
        assert.ok(
            Math.abs((summary.cost?.totalUsd ?? 0) - (45 * 0.125 + 36 * 0.625) / 1e6) < 1e-15,
        );
        assert.equal(summary.allFailed, false);
        assert.deepEqual(summary.topError, {
            message:
                '400: Malformed input request: #: required key [anthropic_version] not found, ' +
                'please reformat your input and try again.',
            count: 2,
            outOf: 3,
        });
        assert.equal(summary.malformedLines, 1);
    });

    it("uses a row's own batch price when it has one", () => {
        const row = { ...haiku, batchInputPerMillion: 0.2, batchOutputPerMillion: 1 };
        const summary = summarize({ manifest: fixtureManifest(), price: row });
        assert.ok(Math.abs((summary.cost?.totalUsd ?? 0) - (45 * 0.2 + 36 * 1) / 1e6) < 1e-15);
    });

    it('counts from the records when there is no manifest', async () => {
        const index = await buildResultIndex({
            outputFiles: [mixed.output],
            inputFiles: [mixed.input],
        });
        const summary = summarize({ index });
        assert.deepEqual(
            [summary.source, summary.total, summary.succeeded, summary.failed, summary.unprocessed],
            ['records', 9, 4, 3, 2],
        );
        assert.equal(summary.inputTokens, 15 + 12 + 5 + 18);
        assert.equal(summary.cost, undefined);
    });

    it('warns loudly when every record failed, with the most common error', () => {
        const manifest: Manifest = {
            totalRecordCount: 100,
            processedRecordCount: 100,
            successRecordCount: 0,
            errorRecordCount: 100,
            inputTokenCount: 0,
            outputTokenCount: 0,
        };
        const sample = [
            '400: anthropic_version: Field required',
            '400: anthropic_version: Field required',
            '400: other',
        ];
        const summary = summarize({ manifest, errorSample: sample });
        assert.equal(summary.allFailed, true);
        const display = describeSummary(summary);
        assert.equal(
            display.warning,
            'Every record failed (100 of 100), whatever the job status says. ' +
                'Most common error: 400: anthropic_version: Field required (2 of 3 sampled).',
        );
    });

    it('describes the summary as label and value lines', () => {
        const manifest = {
            ...fixtureManifest(),
            inputTokenCount: 1_951_382,
            outputTokenCount: 405_633,
        };
        const display = describeSummary(
            summarize({ manifest, price: haiku }),
            'anthropic.claude-3-haiku-20240307-v1:0',
        );
        assert.deepEqual(
            display.lines.map((l) => [l.label, l.value]),
            [
                ['Records', '8 total, 6 processed, 2 never processed'],
                ['Succeeded', '3 (37.5%)'],
                ['Failed', '3'],
                ['Tokens', '1,951,382 input, 405,633 output'],
                [
                    'Cost at batch price',
                    '$0.4974 ($0.2439 input + $0.2535 output, ' +
                        'anthropic.claude-3-haiku at $0.125/$0.625 per million tokens)',
                ],
            ],
        );
        assert.equal(display.warning, undefined);
    });

    it('says when no price is known for the model', () => {
        const display = describeSummary(
            summarize({ manifest: fixtureManifest() }),
            'acme.unknown-model',
        );
        assert.equal(
            display.lines.find((l) => l.label === 'Cost at batch price')?.value,
            'unknown: no price for acme.unknown-model (add one in the bedrockBatch.prices setting)',
        );
    });

    it('shows small sums with four decimals', () => {
        const display = describeSummary(summarize({ manifest: fixtureManifest(), price: haiku }));
        assert.equal(
            display.lines.find((l) => l.label === 'Cost at batch price')?.value,
            'under $0.0001 (under $0.0001 input + under $0.0001 output, ' +
                'anthropic.claude-3-haiku at $0.125/$0.625 per million tokens)',
        );
    });

    it('picks the most frequent text, the first seen on a tie', () => {
        assert.deepEqual(mostCommon(['b', 'a', 'a', 'b']), { message: 'b', count: 2, outOf: 4 });
        assert.equal(mostCommon([]), undefined);
    });
});

import * as assert from 'node:assert/strict';
import { checkText } from '../../../src/checker/check';
import { estimateCost, findPrice } from '../../../src/checker/cost';
import { DEFAULT_PRICES } from '../../../src/checker/prices';
import type { FileStats, PriceRow } from '../../../src/checker/types';

const STATS: FileStats = {
    records: 100,
    bytes: 1000,
    blankLines: 0,
    recordsWithoutId: 0,
    estimatedInputTokens: 2_000_000,
    mediaBlocks: 0,
    maxOutputTokens: 1_000_000,
    recordsWithoutOutputLimit: 0,
    recordsNotEstimated: 0,
};

describe('prices and cost', () => {
    it('picks the longest matching price row', () => {
        assert.equal(
            findPrice('anthropic.claude-opus-4-5-20251101-v1:0', DEFAULT_PRICES)?.modelPrefix,
            'anthropic.claude-opus-4-5',
        );
        assert.equal(
            findPrice('anthropic.claude-opus-4-1-20250805-v1:0', DEFAULT_PRICES)?.modelPrefix,
            'anthropic.claude-opus-4',
        );
        assert.equal(findPrice('deepseek.r1-v1:0', DEFAULT_PRICES), undefined);
        assert.equal(findPrice(undefined, DEFAULT_PRICES), undefined);
    });

    it('charges half the on-demand price unless the row sets a batch price', () => {
        const row: PriceRow = { modelPrefix: 'x.', inputPerMillion: 3, outputPerMillion: 15 };
        const half = estimateCost(STATS, row);
        assert.equal(half.inputUsd, 3);
        assert.equal(half.maxOutputUsd, 7.5);
        const own = estimateCost(STATS, {
            ...row,
            batchInputPerMillion: 1,
            batchOutputPerMillion: 2,
        });
        assert.equal(own.inputUsd, 2);
        assert.equal(own.maxOutputUsd, 2);
    });

    it('prices a job through a cross-region profile id with a caller-supplied table', () => {
        const text = Array.from({ length: 3 }, (_, i) =>
            JSON.stringify({
                recordId: `r${i}`,
                modelInput: {
                    anthropic_version: 'bedrock-2023-05-31',
                    max_tokens: 1000,
                    messages: [{ role: 'user', content: 'x'.repeat(400) }],
                },
            }),
        ).join('\n');
        const result = checkText(text, {
            modelId: 'us.anthropic.claude-3-haiku-20240307-v1:0',
            prices: [
                {
                    modelPrefix: 'anthropic.claude-3-haiku',
                    inputPerMillion: 1,
                    outputPerMillion: 2,
                },
            ],
            jobQuotas: false,
        });
        assert.equal(result.stats.estimatedInputTokens, 300);
        assert.equal(result.stats.maxOutputTokens, 3000);
        assert.equal(result.job.cost?.inputUsd, (300 / 1e6) * 0.5);
        assert.equal(result.job.cost?.maxOutputUsd, (3000 / 1e6) * 1);
    });
});

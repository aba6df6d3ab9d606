import * as assert from 'node:assert/strict';
import { DEFAULT_PRICES } from '../../../src/checker/prices';
import {
    mergePrices,
    priceRowsFromSettings,
    quotasFromSettings,
} from '../../../src/diagnostics/checkerSettings';

describe('checker settings', () => {
    it('turns quota settings into engine quotas, GB into bytes', () => {
        const values: Record<string, unknown> = {
            minRecordsPerJob: 1000,
            maxFileSizeGB: 2,
            maxJobSizeGB: null,
            maxRecordsPerJob: -5,
        };
        assert.deepEqual(
            quotasFromSettings((name) => values[name] ?? null),
            {
                minRecordsPerJob: 1000,
                maxFileBytes: 2_000_000_000,
            },
        );
    });

    it('keeps only complete price rows', () => {
        const rows = priceRowsFromSettings([
            {
                modelPrefix: 'anthropic.claude-3-haiku',
                inputPerMillion: 0.3,
                outputPerMillion: 1.5,
                batchInputPerMillion: 0.1,
            },
            { modelPrefix: '', inputPerMillion: 1, outputPerMillion: 1 },
            { modelPrefix: 'x', inputPerMillion: 'cheap', outputPerMillion: 1 },
            'not a row',
        ]);
        assert.deepEqual(rows, [
            {
                modelPrefix: 'anthropic.claude-3-haiku',
                inputPerMillion: 0.3,
                outputPerMillion: 1.5,
                batchInputPerMillion: 0.1,
            },
        ]);
        assert.deepEqual(priceRowsFromSettings('nope'), []);
    });

    it('lets a user row replace the default with the same prefix', () => {
        const user = [
            { modelPrefix: 'anthropic.claude-3-haiku', inputPerMillion: 9, outputPerMillion: 9 },
        ];
        const merged = mergePrices(user);
        assert.equal(merged.filter((r) => r.modelPrefix === 'anthropic.claude-3-haiku').length, 1);
        assert.equal(
            merged.find((r) => r.modelPrefix === 'anthropic.claude-3-haiku')?.inputPerMillion,
            9,
        );
        assert.equal(merged.length, DEFAULT_PRICES.length);
    });
});

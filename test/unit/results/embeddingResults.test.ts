import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { buildResultIndex, type ResultIndex } from '../../../src/results/resultIndex';
import { detailText } from '../../../src/results/resultsSession';
import { summarize } from '../../../src/results/summary';
import { describeSummary } from '../../../src/results/summaryText';
import { fixtures } from './fixturePaths';

const input = join(fixtures, 'embeddings', 'input.jsonl');
const output = join(fixtures, 'embeddings', 'input.jsonl.out');
const titan = 'amazon.titan-embed-text-v2:0';

describe('results of an embedding job', () => {
    let index: ResultIndex;

    before(async () => {
        index = await buildResultIndex({ outputFiles: [output], inputFiles: [input] });
    });

    it('shows input tokens and says embeddings have no output tokens, never "? out"', () => {
        const details = index.records.map(detailText);
        assert.deepEqual(details, [
            '5 in (embeddings have no output tokens)',
            '7 in (embeddings have no output tokens)',
            '',
        ]);
    });

    it('counts input tokens only in the summary, and prices input only', () => {
        const price = {
            modelPrefix: 'amazon.titan-embed-text-v2',
            inputPerMillion: 0.02,
            outputPerMillion: 0,
        };
        const lines = describeSummary(summarize({ index, price })).lines;
        const byLabel = new Map(lines.map((line) => [line.label, line.value]));
        assert.equal(byLabel.get('Tokens'), '12 input (embeddings have no output tokens)');
        assert.equal(
            byLabel.get('Cost at batch price'),
            'under $0.0001 (input tokens only, amazon.titan-embed-text-v2 at $0.01 per million ' +
                'tokens)',
        );
    });

    it('knows an embedding model by its id when the records cannot tell', () => {
        const lines = describeSummary(
            summarize({
                manifest: {
                    totalRecordCount: 2,
                    processedRecordCount: 2,
                    successRecordCount: 2,
                    errorRecordCount: 0,
                    inputTokenCount: 12,
                    outputTokenCount: 0,
                },
            }),
            titan,
        ).lines;
        assert.equal(
            lines.find((line) => line.label === 'Tokens')?.value,
            '12 input (embeddings have no output tokens)',
        );
    });
});

import * as assert from 'node:assert/strict';
import { isEmbeddingsModel as isEmbeddingModel } from '../../../src/checker/modelTarget';
import { embeddingNote } from '../../../src/metrics/embeddingModels';
import { planSeries, plannedMetrics } from '../../../src/metrics/metricQueries';

const titan = 'amazon.titan-embed-text-v2:0';
const nova = 'amazon.nova-lite-v1:0';

describe('metrics/embeddingModels', () => {
    it('recognises embedding models by id, profile and ARN', () => {
        assert.equal(isEmbeddingModel(titan), true);
        assert.equal(isEmbeddingModel('cohere.embed-english-v3'), true);
        assert.equal(isEmbeddingModel('us.cohere.embed-v4:0'), true);
        assert.equal(isEmbeddingModel('amazon.nova-2-multimodal-embeddings-v1:0'), true);
        assert.equal(
            isEmbeddingModel(`arn:aws:bedrock:us-east-1::foundation-model/${titan}`),
            true,
        );
        assert.equal(isEmbeddingModel(nova), false);
        assert.equal(isEmbeddingModel('anthropic.claude-3-haiku-20240307-v1:0'), false);
    });

    it('plans no output token series for an embedding model', () => {
        const plan = planSeries([titan, nova], []);
        assert.deepEqual(
            plan
                .filter((p) => p.metric === 'NumberOfOutputTokensProcessedPerMinute')
                .map((p) => p.modelId),
            [nova],
        );
        assert.ok(
            !plannedMetrics(planSeries([titan], [])).includes(
                'NumberOfOutputTokensProcessedPerMinute',
            ),
        );
    });

    it('says why the output token chart leaves embedding models out', () => {
        assert.equal(embeddingNote([nova]), undefined);
        assert.equal(
            embeddingNote([nova, titan]),
            `${titan}: embeddings have no output tokens, so the output token chart and table ` +
                'leave it out.',
        );
    });
});

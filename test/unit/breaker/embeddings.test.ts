import * as assert from 'node:assert/strict';
import { isEmbeddingsModel } from '../../../src/checker/modelTarget';
import { embeddingNote } from '../../../src/metrics/embeddingModels';

describe('breaker/embeddings detection', () => {
    it('finds the embedders by base id, profile id and ARN', () => {
        const embedders = [
            'cohere.embed-english-v3',
            'cohere.embed-v4:0',
            'us.cohere.embed-v4:0',
            'eu.cohere.embed-v4:0',
            'apac.twelvelabs.marengo-embed-2-7-v1:0',
            'global.cohere.embed-v4:0',
            'amazon.nova-2-multimodal-embeddings-v1:0',
            'amazon.titan-embed-text-v2:0',
            'amazon.titan-embed-g1-text-02',
            'arn:aws:bedrock:us-east-1::foundation-model/cohere.embed-multilingual-v3',
            'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.cohere.embed-v4:0',
            'arn:aws-cn:bedrock:cn-north-1::foundation-model/amazon.titan-embed-text-v1',
            '  cohere.embed-english-v3  ',
        ];
        assert.deepEqual(
            embedders.filter((id) => !isEmbeddingsModel(id)),
            [],
        );
    });

    it('does not call a model an embedder because "embed" is inside another word', () => {
        const others = [
            'acme.chat-embedded-v1:0',
            'us.acme.chat-embedded-v1:0',
            'acme.unembedded-v1',
            'acme.reembed-text-v1',
            'embedco.chat-v1',
            'anthropic.claude-3-haiku-20240307-v1:0',
            'us.anthropic.claude-3-7-sonnet-20250219-v1:0',
            'cohere.rerank-v3-5:0',
            'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/embed12345ab',
            'arn:aws:bedrock:us-east-1:123456789012:custom-model/cohere.embed-v4:0/abc123def456',
            '',
        ];
        assert.deepEqual(
            others.filter((id) => isEmbeddingsModel(id)),
            [],
        );
        assert.equal(isEmbeddingsModel(undefined), false);
    });

    it('names only the embedders in the metrics note', () => {
        assert.equal(
            embeddingNote(['acme.chat-embedded-v1:0', 'us.cohere.embed-v4:0']),
            'us.cohere.embed-v4:0: embeddings have no output tokens, so the output token chart ' +
                'and table leave it out.',
        );
    });
});

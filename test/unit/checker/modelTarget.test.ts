import * as assert from 'node:assert/strict';
import {
    isEmbeddingsModel,
    isEmbeddingsTarget,
    resolveModel,
} from '../../../src/checker/modelTarget';
import type { ModelFamily } from '../../../src/checker/types';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const SONNET_35 = 'anthropic.claude-3-5-sonnet-20241022-v2:0';
const SONNET_45 = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
const ACCOUNT_ARN = 'arn:aws:bedrock:us-east-1:123456789012';
const NOVA_EMBED = 'amazon.nova-2-multimodal-embeddings-v1:0';

/** [id as the user gives it, base model id, family] */
const CASES: readonly (readonly [string, string | undefined, ModelFamily])[] = [
    [HAIKU, HAIKU, 'anthropic'],
    [`us.${SONNET_35}`, SONNET_35, 'anthropic'],
    ['eu.amazon.nova-lite-v1:0', 'amazon.nova-lite-v1:0', 'nova'],
    ['apac.amazon.nova-pro-v1:0', 'amazon.nova-pro-v1:0', 'nova'],
    [`global.${SONNET_45}`, SONNET_45, 'anthropic'],
    [
        'arn:aws:bedrock:us-east-1::foundation-model/meta.llama3-1-8b-instruct-v1:0',
        'meta.llama3-1-8b-instruct-v1:0',
        'llama',
    ],
    [
        `${ACCOUNT_ARN.replace('us-east-1', 'eu-west-1')}:inference-profile/` +
            'eu.mistral.pixtral-large-2502-v1:0',
        'mistral.pixtral-large-2502-v1:0',
        'mistral',
    ],
    [`${ACCOUNT_ARN}:application-inference-profile/a1b2c3d4e5f6`, undefined, 'generic'],
    [`${ACCOUNT_ARN}:custom-model/amazon.titan-text-express-v1/abc`, undefined, 'generic'],
    ['amazon.titan-text-express-v1', 'amazon.titan-text-express-v1', 'titan-text'],
    ['amazon.titan-embed-text-v2:0', 'amazon.titan-embed-text-v2:0', 'titan-embed-text-v2'],
    ['amazon.titan-embed-text-v1', 'amazon.titan-embed-text-v1', 'titan-embed-text-v1'],
    ['amazon.titan-embed-image-v1', 'amazon.titan-embed-image-v1', 'titan-embed-image'],
    [NOVA_EMBED, NOVA_EMBED, 'generic'],
    ['openai.gpt-oss-120b-1:0', 'openai.gpt-oss-120b-1:0', 'openai'],
    ['deepseek.r1-v1:0', 'deepseek.r1-v1:0', 'generic'],
    ['not a model id', undefined, 'generic'],
];

describe('resolveModel', () => {
    for (const [id, base, family] of CASES) {
        it(`reads ${id} as ${family}`, () => {
            const target = resolveModel(id);
            assert.equal(target.baseModelId, base);
            assert.equal(target.family, family);
            assert.equal(target.invocationType, 'InvokeModel');
        });
    }

    it('keeps the invocation type and tolerates no model at all', () => {
        assert.deepEqual(resolveModel(undefined, 'Converse'), {
            modelId: undefined,
            baseModelId: undefined,
            family: 'generic',
            invocationType: 'Converse',
        });
    });
});

describe('isEmbeddingsModel', () => {
    it('knows the Titan embedders by family and the others by their id, in any form', () => {
        const embedders = [
            'amazon.titan-embed-text-v2:0',
            'amazon.titan-embed-g1-text-02',
            'amazon.titan-embed-image-v1',
            'cohere.embed-english-v3',
            'cohere.embed-multilingual-v3',
            'us.cohere.embed-v4:0',
            'arn:aws:bedrock:us-east-1::foundation-model/cohere.embed-english-v3',
            NOVA_EMBED,
            'twelvelabs.marengo-embed-2-7-v1:0',
        ];
        for (const id of embedders) {
            assert.equal(isEmbeddingsModel(id), true, id);
        }
    });

    it('says no for text models, unreadable ids and no model', () => {
        const others = [
            HAIKU,
            'cohere.command-r-v1:0',
            'amazon.nova-lite-v1:0',
            'meta.llama3-1-8b-instruct-v1:0',
            `${ACCOUNT_ARN}:application-inference-profile/a1b2c3d4e5f6`,
            'embed',
        ];
        for (const id of others) {
            assert.equal(isEmbeddingsModel(id), false, id);
        }
        assert.equal(isEmbeddingsModel(undefined), false);
    });

    it('decides the same from a check target', () => {
        assert.equal(isEmbeddingsTarget(resolveModel('cohere.embed-english-v3')), true);
        const image = { family: 'titan-embed-image', baseModelId: undefined } as const;
        assert.equal(isEmbeddingsTarget(image), true);
        assert.equal(isEmbeddingsTarget({ family: 'generic', baseModelId: undefined }), false);
    });
});

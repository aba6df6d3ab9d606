/** Amazon Titan embeddings bodies: Text G1, Text V2 and Multimodal. Output tokens are zero. */
import type { BodyContext, JsonObject } from '../bodyContext';
import { checkKnownKeys, describeValue, isNonEmptyString, isObject } from './common';
import { checkTitanInputText } from './titanText';

const V1_FAMILY = 'Amazon Titan Text Embeddings G1';
const V2_FAMILY = 'Amazon Titan Text Embeddings V2';
const IMAGE_FAMILY = 'Amazon Titan Multimodal Embeddings';

const V2_DIMENSIONS = [256, 512, 1024];
const IMAGE_DIMENSIONS = [256, 384, 1024];
const EMBEDDING_TYPES = ['float', 'binary'];

const V1_KEYS = new Set(['inputText']);
const V2_KEYS = new Set(['inputText', 'dimensions', 'normalize', 'embeddingTypes']);
const IMAGE_KEYS = new Set(['inputText', 'inputImage', 'embeddingConfig']);

export function checkTitanEmbedV1Body(body: JsonObject, ctx: BodyContext): void {
    ctx.setOutputLimit(0);
    checkTitanInputText(body, V1_FAMILY, ctx);
    checkKnownKeys(body, V1_KEYS, V1_FAMILY, ctx, [], {
        dimensions: 'only Titan Text Embeddings V2 takes dimensions',
        normalize: 'only Titan Text Embeddings V2 takes normalize',
    });
}

export function checkTitanEmbedV2Body(body: JsonObject, ctx: BodyContext): void {
    ctx.setOutputLimit(0);
    checkTitanInputText(body, V2_FAMILY, ctx);
    const dimensions = body['dimensions'];
    if (dimensions !== undefined && !V2_DIMENSIONS.includes(dimensions as number)) {
        ctx.report(
            'titan-embed-dimensions',
            `dimensions must be 256, 512 or 1024, not ${describeValue(dimensions)}`,
            ['dimensions'],
        );
    }
    const normalize = body['normalize'];
    if (normalize !== undefined && typeof normalize !== 'boolean') {
        ctx.report(
            'parameter-invalid',
            `normalize must be true or false, not ${describeValue(normalize)}`,
            ['normalize'],
        );
    }
    const types = body['embeddingTypes'];
    if (
        types !== undefined &&
        (!Array.isArray(types) ||
            types.length === 0 ||
            !types.every((t) => EMBEDDING_TYPES.includes(t as string)))
    ) {
        ctx.report(
            'parameter-invalid',
            'embeddingTypes must be a non-empty array of "float" and/or "binary"',
            ['embeddingTypes'],
        );
    }
    checkKnownKeys(body, V2_KEYS, V2_FAMILY, ctx, []);
}

export function checkTitanEmbedImageBody(body: JsonObject, ctx: BodyContext): void {
    ctx.setOutputLimit(0);
    const text = body['inputText'];
    const image = body['inputImage'];
    if (isNonEmptyString(text)) {
        ctx.addText(text.length);
    }
    if (isNonEmptyString(image)) {
        ctx.addMedia();
    }
    if (!isNonEmptyString(text) && !isNonEmptyString(image)) {
        ctx.report(
            'titan-input-text-missing',
            `${IMAGE_FAMILY} needs "inputText", "inputImage" (base64) or both`,
            [],
        );
    }
    const config = body['embeddingConfig'];
    if (config !== undefined) {
        const length = isObject(config) ? config['outputEmbeddingLength'] : undefined;
        if (!IMAGE_DIMENSIONS.includes(length as number)) {
            ctx.report(
                'titan-embed-dimensions',
                'embeddingConfig.outputEmbeddingLength must be 256, 384 or 1024',
                ['embeddingConfig'],
            );
        }
    }
    checkKnownKeys(body, IMAGE_KEYS, IMAGE_FAMILY, ctx, []);
}

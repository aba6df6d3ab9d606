/** Converse request bodies (invocation type Converse): one schema for every provider. */
import type { BodyContext, JsonObject } from '../bodyContext';
import {
    checkKnownKeys,
    checkNumbers,
    checkOutputLimit,
    checkStringArray,
    describeValue,
    isObject,
} from './common';
import {
    CONVERSE_BLOCK_KINDS,
    checkSystemBlocks,
    kindBlockMessageRules,
} from './converseBlocks';
import { checkMessages } from './messages';

const FAMILY = 'Converse';

const KNOWN_KEYS = new Set([
    'messages',
    'system',
    'inferenceConfig',
    'additionalModelRequestFields',
    'additionalModelResponseFieldPaths',
    'guardrailConfig',
    'promptVariables',
    'requestMetadata',
    'performanceConfig',
    'toolConfig',
]);

const HINTS = {
    anthropic_version: 'model-specific fields go in additionalModelRequestFields',
    max_tokens: 'use inferenceConfig.maxTokens',
    temperature: 'use inferenceConfig.temperature',
    top_p: 'use inferenceConfig.topP',
    top_k: 'put it in additionalModelRequestFields',
    max_gen_len: 'use inferenceConfig.maxTokens',
    textGenerationConfig: 'use inferenceConfig',
    schemaVersion: 'Converse has no schemaVersion',
};

const INFERENCE_KEYS = new Set(['maxTokens', 'temperature', 'topP', 'stopSequences']);

const INFERENCE_HINTS = {
    topK: 'put top_k in additionalModelRequestFields',
    max_new_tokens: 'use maxTokens',
    max_tokens: 'use maxTokens',
};

const SYSTEM_KINDS = new Set(['text', 'guardContent', 'cachePoint']);

const CONVERSE_MESSAGES = kindBlockMessageRules(FAMILY, CONVERSE_BLOCK_KINDS);

export function checkConverseBody(body: JsonObject, ctx: BodyContext): void {
    if (body['toolConfig'] !== undefined) {
        ctx.report(
            'converse-tool-config',
            'Converse batch jobs reject toolConfig (each record fails with a 400): remove ' +
                'toolConfig, or use the InvokeModel invocation type with the model’s own tools',
            ['toolConfig'],
            { kind: 'remove-property', title: 'Remove toolConfig', path: ['toolConfig'] },
        );
    }
    checkMessages(body, CONVERSE_MESSAGES, ctx);
    checkSystemBlocks(body['system'], SYSTEM_KINDS, FAMILY, ctx);
    checkInferenceConfig(body['inferenceConfig'], FAMILY, INFERENCE_KEYS, INFERENCE_HINTS, ctx);
    const extra = body['additionalModelRequestFields'];
    if (extra !== undefined && !isObject(extra)) {
        ctx.report(
            'parameter-invalid',
            `additionalModelRequestFields must be an object, not ${describeValue(extra)}`,
            ['additionalModelRequestFields'],
        );
    }
    checkKnownKeys(body, KNOWN_KEYS, FAMILY, ctx, [], HINTS);
}

/** inferenceConfig as Converse and Nova use it (maxTokens, temperature, topP ...). */
export function checkInferenceConfig(
    config: unknown,
    family: string,
    known: ReadonlySet<string>,
    hints: Readonly<Record<string, string>>,
    ctx: BodyContext,
): void {
    if (config === undefined) {
        return;
    }
    if (!isObject(config)) {
        ctx.report(
            'parameter-invalid',
            `inferenceConfig must be an object like {"maxTokens": 512}, ` +
                `not ${describeValue(config)}`,
            ['inferenceConfig'],
        );
        return;
    }
    const path = ['inferenceConfig'];
    if (!checkOutputLimit(config, 'maxTokens', ctx, path) && known.has('max_new_tokens')) {
        checkOutputLimit(config, 'max_new_tokens', ctx, path);
    }
    checkNumbers(
        config,
        {
            temperature: { min: 0, max: 1 },
            topP: { min: 0, max: 1 },
            topK: { min: 0, max: 500, integer: true },
        },
        ctx,
        path,
    );
    checkStringArray(config, 'stopSequences', ctx, path);
    checkKnownKeys(config, known, family, ctx, path, hints);
}

/** Amazon Nova understanding models' native body (Nova 1 and 2; InvokeModel invocation type). */
import type { BodyContext, JsonObject } from '../bodyContext';
import { checkKnownKeys, quoteValue } from './common';
import { checkInferenceConfig } from './converse';
import { NOVA_BLOCK_KINDS, checkSystemBlocks, kindBlockMessageRules } from './converseBlocks';
import { checkMessages } from './messages';

const FAMILY = 'Amazon Nova';

/** textGenerationConfig is listed because nova-titan-config reports it with a better message. */
const KNOWN_KEYS = new Set([
    'schemaVersion',
    'system',
    'messages',
    'inferenceConfig',
    'toolConfig',
    'textGenerationConfig',
]);

const HINTS = {
    max_tokens: 'use inferenceConfig.maxTokens',
    temperature: 'use inferenceConfig.temperature',
    top_p: 'use inferenceConfig.topP',
    anthropic_version: 'Nova bodies have schemaVersion "messages-v1" instead',
};

const INFERENCE_KEYS = new Set([
    'maxTokens',
    'max_new_tokens',
    'temperature',
    'topP',
    'topK',
    'stopSequences',
    'reasoningConfig',
]);

const SYSTEM_KINDS = new Set(['text', 'cachePoint']);

const NOVA_MESSAGES = kindBlockMessageRules(FAMILY, NOVA_BLOCK_KINDS);

export function checkNovaBody(body: JsonObject, ctx: BodyContext): void {
    const schemaVersion = body['schemaVersion'];
    if (schemaVersion !== undefined && schemaVersion !== 'messages-v1') {
        ctx.report(
            'nova-schema-version',
            `schemaVersion is ${quoteValue(schemaVersion)}; Nova expects "messages-v1" ` +
                '(or no schemaVersion at all)',
            ['schemaVersion'],
        );
    }
    if (body['textGenerationConfig'] !== undefined) {
        ctx.report(
            'nova-titan-config',
            'textGenerationConfig is the Amazon Titan Text form; Nova takes ' +
                '"inferenceConfig": {"maxTokens": ..., "temperature": ..., "topP": ...}',
            ['textGenerationConfig'],
        );
    }
    checkMessages(body, NOVA_MESSAGES, ctx);
    checkSystemBlocks(body['system'], SYSTEM_KINDS, FAMILY, ctx);
    checkInferenceConfig(body['inferenceConfig'], FAMILY, INFERENCE_KEYS, {}, ctx);
    checkKnownKeys(body, KNOWN_KEYS, FAMILY, ctx, [], HINTS);
}

/** Amazon Titan Text (Express, Lite, Premier) bodies. */
import type { BodyContext, JsonObject } from '../bodyContext';
import {
    checkKnownKeys,
    checkNumbers,
    checkOutputLimit,
    checkStringArray,
    describeValue,
    isNonEmptyString,
    isObject,
} from './common';

const FAMILY = 'Amazon Titan Text';

const KNOWN_KEYS = new Set(['inputText', 'textGenerationConfig']);

const HINTS = {
    max_tokens: 'use textGenerationConfig.maxTokenCount',
    inferenceConfig: 'use textGenerationConfig',
    messages: 'Titan Text takes a single inputText string',
};

const CONFIG_KEYS = new Set(['maxTokenCount', 'temperature', 'topP', 'stopSequences']);

const CONFIG_HINTS = { maxTokens: 'use maxTokenCount', max_tokens: 'use maxTokenCount' };

export function checkTitanInputText(body: JsonObject, family: string, ctx: BodyContext): void {
    const inputText = body['inputText'];
    if (isNonEmptyString(inputText)) {
        ctx.addText(inputText.length);
        return;
    }
    ctx.report(
        'titan-input-text-missing',
        `${family} needs "inputText": a non-empty string, ` +
            (inputText === undefined ? 'and there is none' : `not ${describeValue(inputText)}`),
        inputText === undefined ? [] : ['inputText'],
    );
}

export function checkTitanTextBody(body: JsonObject, ctx: BodyContext): void {
    checkTitanInputText(body, FAMILY, ctx);
    const config = body['textGenerationConfig'];
    if (isObject(config)) {
        const path = ['textGenerationConfig'];
        checkOutputLimit(config, 'maxTokenCount', ctx, path);
        checkNumbers(
            config,
            { temperature: { min: 0, max: 1 }, topP: { min: 0, max: 1 } },
            ctx,
            path,
        );
        checkStringArray(config, 'stopSequences', ctx, path);
        checkKnownKeys(config, CONFIG_KEYS, FAMILY, ctx, path, CONFIG_HINTS);
    } else if (config !== undefined) {
        ctx.report(
            'parameter-invalid',
            `textGenerationConfig must be an object, not ${describeValue(config)}`,
            ['textGenerationConfig'],
        );
    }
    checkKnownKeys(body, KNOWN_KEYS, FAMILY, ctx, [], HINTS);
}

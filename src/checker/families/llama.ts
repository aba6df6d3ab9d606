/** Meta Llama bodies: a prompt string that carries the chat template itself. */
import type { BodyContext, JsonObject } from '../bodyContext';
import {
    checkKnownKeys,
    checkNumbers,
    checkOutputLimit,
    describeValue,
    isNonEmptyString,
} from './common';

const FAMILY = 'Meta Llama';

const KNOWN_KEYS = new Set(['prompt', 'max_gen_len', 'temperature', 'top_p', 'images']);

const HINTS = {
    max_tokens: 'use max_gen_len',
    messages: 'Llama on InvokeModel takes one "prompt" string with the chat template in it',
    inferenceConfig: 'use max_gen_len, temperature and top_p at the top level',
};

const TEMPLATE_MARKERS = ['<|begin_of_text|>', '<|start_header_id|>', '[INST]'];

export function checkLlamaBody(body: JsonObject, ctx: BodyContext): void {
    const prompt = body['prompt'];
    if (isNonEmptyString(prompt)) {
        ctx.addText(prompt.length);
        if (!TEMPLATE_MARKERS.some((marker) => prompt.includes(marker))) {
            ctx.report(
                'llama-prompt-no-template',
                'The prompt has no chat template (<|begin_of_text|><|start_header_id|>user' +
                    '<|end_header_id|> ...); instruct models follow instructions better with it',
                ['prompt'],
            );
        }
    } else {
        ctx.report(
            'llama-prompt-missing',
            `${FAMILY} needs "prompt": a non-empty string, ` +
                (prompt === undefined ? 'and there is none' : `not ${describeValue(prompt)}`),
            prompt === undefined ? [] : ['prompt'],
        );
    }
    checkOutputLimit(body, 'max_gen_len', ctx, []);
    checkNumbers(body, { temperature: { min: 0, max: 1 }, top_p: { min: 0, max: 1 } }, ctx, []);
    const images = body['images'];
    if (Array.isArray(images)) {
        for (let i = 0; i < images.length; i++) {
            ctx.addMedia();
        }
    } else if (images !== undefined) {
        ctx.report('parameter-invalid', 'images must be an array of base64 strings', ['images']);
    }
    checkKnownKeys(body, KNOWN_KEYS, FAMILY, ctx, [], HINTS);
}

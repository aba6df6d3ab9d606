/**
 * Bodies of models the checker has no rules for (unknown ids, application inference profiles):
 * only the token estimate, read from every string, and the usual output-limit fields.
 */
import type { BodyContext, JsonObject } from '../bodyContext';
import { addTextAndMediaOf, isObject, isPositiveInteger } from './common';

const LIMIT_KEYS = ['max_tokens', 'max_completion_tokens', 'max_gen_len', 'max_new_tokens'];

export function checkGenericBody(body: JsonObject, ctx: BodyContext): void {
    addTextAndMediaOf(body, ctx);
    const limit = outputLimitOf(body);
    if (limit !== undefined) {
        ctx.setOutputLimit(limit);
    }
}

function outputLimitOf(body: JsonObject): number | undefined {
    for (const key of LIMIT_KEYS) {
        if (isPositiveInteger(body[key])) {
            return body[key];
        }
    }
    for (const configKey of ['inferenceConfig', 'textGenerationConfig']) {
        const config = body[configKey];
        if (isObject(config)) {
            for (const key of ['maxTokens', 'maxTokenCount', 'max_new_tokens']) {
                if (isPositiveInteger(config[key])) {
                    return config[key];
                }
            }
        }
    }
    return undefined;
}

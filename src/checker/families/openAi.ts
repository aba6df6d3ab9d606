/** OpenAI gpt-oss bodies: chat completions (messages plus max_tokens or max_completion_tokens). */
import type { BodyContext, JsonObject } from '../bodyContext';
import { checkKnownKeys, checkNumbers, checkOutputLimit, isPositiveInteger } from './common';
import { chatCompletionRules } from './chatCompletions';
import { checkMessages } from './messages';

const FAMILY = 'OpenAI gpt-oss';

/** Below this, reasoning text often uses the whole budget and the answer ends with "length". */
const SMALL_OUTPUT_LIMIT = 1000;

const KNOWN_KEYS = new Set([
    'messages',
    'max_tokens',
    'max_completion_tokens',
    'temperature',
    'top_p',
    'stop',
    'seed',
    'reasoning_effort',
    'tools',
    'tool_choice',
    'response_format',
    'frequency_penalty',
    'presence_penalty',
    'include_reasoning',
]);

const HINTS = {
    model: 'the model is chosen by the job, not the record',
    inferenceConfig: 'use max_completion_tokens and temperature at the top level',
    max_gen_len: 'use max_completion_tokens',
};

const CHAT = chatCompletionRules(FAMILY, ['system', 'developer', 'user', 'assistant', 'tool']);

export function checkOpenAiBody(body: JsonObject, ctx: BodyContext): void {
    checkMessages(body, CHAT, ctx);
    if (!checkOutputLimit(body, 'max_completion_tokens', ctx, [])) {
        checkOutputLimit(body, 'max_tokens', ctx, []);
    }
    const limit = body['max_completion_tokens'] ?? body['max_tokens'];
    if (isPositiveInteger(limit) && limit < SMALL_OUTPUT_LIMIT) {
        ctx.report(
            'openai-small-max-tokens',
            `The output limit is ${limit} tokens; gpt-oss spends part of it on reasoning, so ` +
                'answers may stop with "length". Consider 1000 or more',
            [body['max_completion_tokens'] === undefined ? 'max_tokens' : 'max_completion_tokens'],
        );
    }
    checkNumbers(body, { temperature: { min: 0, max: 2 }, top_p: { min: 0, max: 1 } }, ctx, []);
    checkKnownKeys(body, KNOWN_KEYS, FAMILY, ctx, [], HINTS);
}

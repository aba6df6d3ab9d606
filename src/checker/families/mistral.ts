/** Mistral bodies: the text-completion form (prompt) or the chat form (messages). */
import type { BodyContext, JsonObject } from '../bodyContext';
import {
    checkKnownKeys,
    checkNumbers,
    checkOutputLimit,
    checkStringArray,
    describeValue,
    isNonEmptyString,
} from './common';
import { chatCompletionRules } from './chatCompletions';
import { checkMessages } from './messages';

const FAMILY = 'Mistral';

const KNOWN_KEYS = new Set([
    'prompt',
    'messages',
    'max_tokens',
    'temperature',
    'top_p',
    'top_k',
    'stop',
    'tools',
    'tool_choice',
    'response_format',
]);

const HINTS = {
    max_gen_len: 'use max_tokens',
    inferenceConfig: 'use max_tokens, temperature and top_p at the top level',
    stop_sequences: 'use stop',
};

const CHAT = chatCompletionRules(FAMILY, ['system', 'user', 'assistant', 'tool']);

export function checkMistralBody(body: JsonObject, ctx: BodyContext): void {
    const prompt = body['prompt'];
    const hasMessages = body['messages'] !== undefined;
    if (prompt !== undefined && hasMessages) {
        ctx.report(
            'mistral-prompt-or-messages',
            'A Mistral body takes either "prompt" (text completion) or "messages" (chat), ' +
                'not both; remove one',
            ['prompt'],
        );
    } else if (hasMessages) {
        checkMessages(body, CHAT, ctx);
    } else if (isNonEmptyString(prompt)) {
        ctx.addText(prompt.length);
        if (!prompt.includes('[INST]')) {
            ctx.report(
                'mistral-prompt-no-template',
                'The prompt has no [INST] ... [/INST] markers; instruct models expect ' +
                    '"<s>[INST] your question [/INST]"',
                ['prompt'],
            );
        }
    } else {
        ctx.report(
            'mistral-prompt-or-messages',
            'A Mistral body needs "prompt" (a non-empty string) or "messages", ' +
                (prompt === undefined ? 'and it has neither' : `not ${describeValue(prompt)}`),
            prompt === undefined ? [] : ['prompt'],
        );
    }
    checkOutputLimit(body, 'max_tokens', ctx, []);
    checkNumbers(
        body,
        {
            temperature: { min: 0, max: 1 },
            top_p: { min: 0, max: 1 },
            top_k: { min: 1, max: 200, integer: true },
        },
        ctx,
        [],
    );
    checkStringArray(body, 'stop', ctx, []);
    checkKnownKeys(body, KNOWN_KEYS, FAMILY, ctx, [], HINTS);
}

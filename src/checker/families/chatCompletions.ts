/** Messages in the OpenAI chat-completions style, used by gpt-oss and Mistral chat bodies. */
import type { BodyContext, JsonObject } from '../bodyContext';
import type { JsonPath } from '../types';
import { addTextOf, describeValue } from './common';
import type { MessageRules } from './messages';

function checkPart(block: JsonObject, ctx: BodyContext, path: JsonPath): void {
    const type = block['type'];
    if (type === 'text') {
        const text = block['text'];
        if (typeof text === 'string') {
            ctx.addText(text.length);
        } else {
            ctx.report(
                'content-block-invalid',
                `A "text" part needs a "text" string, not ${describeValue(text)}`,
                path,
            );
        }
        return;
    }
    if (type === 'image_url') {
        ctx.addMedia();
        return;
    }
    if (type === undefined) {
        ctx.report(
            'content-block-invalid',
            'Content parts need "type", e.g. {"type": "text", "text": "..."}',
            path,
        );
        return;
    }
    addTextOf(block, ctx);
}

export function chatCompletionRules(family: string, roles: readonly string[]): MessageRules {
    return {
        family,
        roles,
        firstMustBeUser: false,
        alternate: false,
        stringContent: true,
        blockExample: '{"type": "text", "text": "..."}',
        checkBlock: checkPart,
        toolCallsKey: 'tool_calls',
    };
}

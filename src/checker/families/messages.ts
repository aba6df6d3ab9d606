/** The `messages` array that Claude, Nova, Converse, Mistral chat and gpt-oss bodies share. */
import type { BodyContext, JsonObject } from '../bodyContext';
import type { JsonPath } from '../types';
import { describeValue, isObject, quoteValue } from './common';

export interface MessageRules {
    /** For messages: "Anthropic Claude". */
    readonly family: string;
    readonly roles: readonly string[];
    readonly firstMustBeUser: boolean;
    /** Warn when two consecutive messages share a role. */
    readonly alternate: boolean;
    readonly stringContent: boolean;
    /** A short example of a valid content block, for messages. */
    readonly blockExample: string;
    /** Checks one block and adds its text to the estimate. */
    readonly checkBlock: (block: JsonObject, ctx: BodyContext, path: JsonPath) => void;
    /** Content may be null or absent when the message carries tool calls (chat completions). */
    readonly toolCallsKey?: string;
}

export function checkMessages(body: JsonObject, rules: MessageRules, ctx: BodyContext): void {
    const messages = body['messages'];
    if (!Array.isArray(messages) || messages.length === 0) {
        const found = messages === undefined ? 'there is none' : `found ${describeValue(messages)}`;
        ctx.report(
            'messages-missing',
            `${rules.family} needs "messages": a non-empty array of ` +
                `{"role": "user", "content": ...} objects; ${found}`,
            messages === undefined ? [] : ['messages'],
        );
        return;
    }
    let previousRole: unknown;
    for (let i = 0; i < messages.length; i++) {
        const message: unknown = messages[i];
        if (!isObject(message)) {
            ctx.report(
                'message-invalid',
                `messages[${i}] must be an object with "role" and "content", ` +
                    `not ${describeValue(message)}`,
                ['messages', i],
            );
            continue;
        }
        const role = message['role'];
        checkRole(role, i, previousRole, rules, ctx);
        previousRole = role;
        checkContent(message, i, rules, ctx);
    }
}

function checkRole(
    role: unknown,
    index: number,
    previousRole: unknown,
    rules: MessageRules,
    ctx: BodyContext,
): void {
    if (typeof role !== 'string' || !rules.roles.includes(role)) {
        const allowed = rules.roles.map((r) => `"${r}"`).join(', ');
        const found = role === undefined ? 'has no role' : `has role ${quoteValue(role)}`;
        const system =
            role === 'system' && !rules.roles.includes('system')
                ? '; put system instructions in "system"'
                : '';
        ctx.report(
            'message-role-invalid',
            `messages[${index}] ${found}, but ${rules.family} accepts only ${allowed}${system}`,
            role === undefined ? ['messages', index] : ['messages', index, 'role'],
        );
        return;
    }
    if (index === 0 && rules.firstMustBeUser && role !== 'user') {
        const system = role === 'system' ? '; put system instructions in "system"' : '';
        ctx.report(
            'message-first-not-user',
            `The first message must have role "user", not "${role}"${system}`,
            ['messages', 0, 'role'],
        );
    } else if (rules.alternate && role === previousRole) {
        ctx.report(
            'message-roles-not-alternating',
            `messages[${index}] has role "${role}" like the message before it; ` +
                'user and assistant turns should alternate (merge the two messages)',
            ['messages', index, 'role'],
        );
    }
}

function checkContent(
    message: JsonObject,
    index: number,
    rules: MessageRules,
    ctx: BodyContext,
): void {
    const content = message['content'];
    const path: JsonPath = ['messages', index, 'content'];
    if (typeof content === 'string') {
        if (!rules.stringContent) {
            ctx.report(
                'message-content-invalid',
                `${rules.family} needs content as an array of blocks, e.g. ` +
                    `[${rules.blockExample}], not a plain string`,
                path,
            );
        } else if (content.length === 0 && rules.toolCallsKey === undefined) {
            ctx.report(
                'message-content-invalid',
                `messages[${index}].content is an empty string; give it text`,
                path,
            );
        }
        ctx.addText(content.length);
        return;
    }
    if (Array.isArray(content)) {
        if (content.length === 0) {
            ctx.report(
                'message-content-invalid',
                `messages[${index}].content is an empty array; add at least one block`,
                path,
            );
        }
        for (let j = 0; j < content.length; j++) {
            const block: unknown = content[j];
            if (isObject(block)) {
                rules.checkBlock(block, ctx, [...path, j]);
            } else {
                ctx.report(
                    'content-block-invalid',
                    `messages[${index}].content[${j}] must be an object like ` +
                        `${rules.blockExample}, not ${describeValue(block)}`,
                    [...path, j],
                );
            }
        }
        return;
    }
    const toolCalls = rules.toolCallsKey === undefined ? undefined : message[rules.toolCallsKey];
    if ((content === null || content === undefined) && Array.isArray(toolCalls)) {
        return;
    }
    const shapes = rules.stringContent ? 'a string or an array of blocks' : 'an array of blocks';
    ctx.report(
        'message-content-invalid',
        `messages[${index}].content must be ${shapes}, ` +
            (content === undefined ? 'and it is missing' : `not ${describeValue(content)}`),
        content === undefined ? ['messages', index] : path,
    );
}

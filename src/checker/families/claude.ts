/** Anthropic Claude Messages bodies (InvokeModel invocation type). */
import { quoteVisible } from '../../shared/visibleText';
import type { BodyContext, JsonObject } from '../bodyContext';
import type { JsonPath } from '../types';
import {
    addTextAndMediaOf,
    addTextOf,
    checkKnownKeys,
    checkNumbers,
    checkOutputLimit,
    checkStringArray,
    describeValue,
    isObject,
    quoteValue,
} from './common';
import { CONVERSE_BLOCK_KINDS } from './converseBlocks';
import { checkMessages } from './messages';

export const ANTHROPIC_VERSION = 'bedrock-2023-05-31';

const FAMILY = 'Anthropic Claude';

const KNOWN_KEYS = new Set([
    'anthropic_version',
    'anthropic_beta',
    'max_tokens',
    'messages',
    'system',
    'temperature',
    'top_p',
    'top_k',
    'stop_sequences',
    'tools',
    'tool_choice',
    'thinking',
    'metadata',
    'output_config',
    'output_format',
    'context_management',
]);

const HINTS = {
    inferenceConfig:
        'Claude takes max_tokens, temperature and top_p at the top level of modelInput; ' +
        'inferenceConfig is for the Converse invocation type',
    max_gen_len: 'use max_tokens',
    textGenerationConfig: 'use max_tokens, temperature and top_p at the top level',
    stopSequences: 'use stop_sequences',
    maxTokens: 'use max_tokens',
};

const RANGES = {
    temperature: { min: 0, max: 1 },
    top_p: { min: 0, max: 1 },
    top_k: { min: 0, max: 500, integer: true },
};

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];

const CLAUDE_MESSAGES = {
    family: FAMILY,
    roles: ['user', 'assistant'],
    firstMustBeUser: true,
    alternate: true,
    stringContent: true,
    blockExample: '{"type": "text", "text": "..."}',
    checkBlock: checkClaudeBlock,
} as const;

export function checkClaudeBody(body: JsonObject, ctx: BodyContext): void {
    checkAnthropicVersion(body, ctx);
    if (!checkOutputLimit(body, 'max_tokens', ctx, [])) {
        ctx.report(
            'claude-missing-max-tokens',
            'modelInput has no "max_tokens": Claude requires it. Add "max_tokens" with the ' +
                'longest answer you accept, e.g. "max_tokens": 1024',
            [],
        );
    }
    checkMessages(body, CLAUDE_MESSAGES, ctx);
    checkSystem(body['system'], ctx);
    checkNumbers(body, RANGES, ctx, []);
    checkStringArray(body, 'stop_sequences', ctx, []);
    if (body['tools'] !== undefined) {
        addTextOf(body['tools'], ctx);
    }
    checkKnownKeys(body, KNOWN_KEYS, FAMILY, ctx, [], HINTS);
}

function checkAnthropicVersion(body: JsonObject, ctx: BodyContext): void {
    const version = body['anthropic_version'];
    if (version === undefined) {
        ctx.report(
            'claude-missing-anthropic-version',
            'modelInput has no "anthropic_version": every record of the job fails with ' +
                '"anthropic_version: Field required". Add ' +
                `"anthropic_version": "${ANTHROPIC_VERSION}"${shapeHint(body)}`,
            [],
            {
                kind: 'insert-property',
                title: `Add "anthropic_version": "${ANTHROPIC_VERSION}"`,
                objectPath: [],
                key: 'anthropic_version',
                value: ANTHROPIC_VERSION,
            },
        );
    } else if (typeof version !== 'string') {
        ctx.report(
            'parameter-invalid',
            `anthropic_version must be the string "${ANTHROPIC_VERSION}", ` +
                `not ${describeValue(version)}`,
            ['anthropic_version'],
        );
    } else if (version !== ANTHROPIC_VERSION) {
        ctx.report(
            'claude-anthropic-version-value',
            `anthropic_version is ${quoteVisible(version)}; Claude on Bedrock expects ` +
                `"${ANTHROPIC_VERSION}"`,
            ['anthropic_version'],
        );
    }
}

/** Explains bodies written for another API, such as Converse-style messages with no limits. */
function shapeHint(body: JsonObject): string {
    if (body['max_tokens'] !== undefined) {
        return '';
    }
    if (looksLikeConverse(body)) {
        return '. With no max_tokens either, this looks like a Converse body: submit the job ' +
            'with invocation type Converse, or add both fields';
    }
    return '. With no max_tokens either, this body is neither a Claude Messages request nor a ' +
        'Converse one';
}

function looksLikeConverse(body: JsonObject): boolean {
    if (body['inferenceConfig'] !== undefined) {
        return true;
    }
    const messages = body['messages'];
    if (!Array.isArray(messages) || messages.length === 0) {
        return false;
    }
    return messages.every((message: unknown) => {
        const content = isObject(message) ? message['content'] : undefined;
        return (
            Array.isArray(content) &&
            content.every((block: unknown) => {
                if (!isObject(block)) {
                    return false;
                }
                const keys = Object.keys(block);
                return keys.length === 1 && CONVERSE_BLOCK_KINDS.has(keys[0] ?? '');
            })
        );
    });
}

function checkClaudeBlock(block: JsonObject, ctx: BodyContext, path: JsonPath): void {
    const type = block['type'];
    if (type === undefined) {
        reportMissingType(block, ctx, path);
        return;
    }
    switch (type) {
        case 'text':
            checkTextBlock(block, ctx, path);
            return;
        case 'image':
            checkImageBlock(block, ctx, path);
            return;
        case 'document':
            if (!isObject(block['source'])) {
                ctx.report(
                    'content-block-invalid',
                    'A "document" block needs a "source" object',
                    path,
                );
            }
            ctx.addMedia();
            return;
        case 'tool_use':
        case 'tool_result':
        case 'thinking':
        case 'redacted_thinking':
        case 'search_result': {
            addTextAndMediaOf(block, ctx);
            return;
        }
        default:
            ctx.report(
                'content-block-unknown-type',
                `Content block type ${quoteValue(type)} is not one the checker knows ` +
                    '(text, image, document, tool_use, tool_result, thinking); check the spelling',
                [...path, 'type'],
            );
    }
}

function reportMissingType(block: JsonObject, ctx: BodyContext, path: JsonPath): void {
    const keys = Object.keys(block);
    const text = block['text'];
    if (typeof text === 'string') {
        ctx.addText(text.length);
    }
    const onlyText = typeof text === 'string' && keys.every((k) => k === 'text');
    const shown = keys.slice(0, 5).map((key) => quoteVisible(key, 30));
    const found = keys.length === 0 ? 'an empty object' : `keys ${shown.join(', ')}`;
    ctx.report(
        'content-block-missing-type',
        `Claude content blocks need "type" (found ${found}): write ` +
            (onlyText
                ? '{"type": "text", "text": "..."}; {"text": ...} alone is the Converse/Nova form'
                : '{"type": "text", "text": ...} or {"type": "image", "source": {...}}'),
        path,
        onlyText
            ? {
                  kind: 'insert-property',
                  title: 'Add "type": "text"',
                  objectPath: path,
                  key: 'type',
                  value: 'text',
              }
            : undefined,
    );
}

function checkTextBlock(block: JsonObject, ctx: BodyContext, path: JsonPath): void {
    const text = block['text'];
    if (typeof text !== 'string' || text.length === 0) {
        ctx.report(
            'content-block-invalid',
            `A "text" block needs a non-empty "text" string, not ${describeValue(text)}`,
            text === undefined ? path : [...path, 'text'],
        );
        return;
    }
    ctx.addText(text.length);
}

function checkImageBlock(block: JsonObject, ctx: BodyContext, path: JsonPath): void {
    ctx.addMedia();
    const source = block['source'];
    if (!isObject(source)) {
        ctx.report(
            'content-block-invalid',
            'An "image" block needs "source": {"type": "base64", "media_type": "image/jpeg", ' +
                '"data": "..."}',
            path,
        );
        return;
    }
    if (source['type'] !== 'base64') {
        return;
    }
    const mediaType = source['media_type'];
    if (typeof mediaType !== 'string' || !IMAGE_TYPES.includes(mediaType)) {
        ctx.report(
            'content-block-invalid',
            `image source.media_type must be one of ${IMAGE_TYPES.join(', ')}, ` +
                `not ${describeValue(mediaType)}`,
            [...path, 'source', mediaType === undefined ? 'type' : 'media_type'],
        );
    }
    const data = source['data'];
    if (typeof data !== 'string' || data.length === 0) {
        ctx.report(
            'content-block-invalid',
            'image source.data must be the base64 text of the image (without a data: prefix)',
            [...path, 'source'],
        );
    } else if (data.startsWith('data:')) {
        ctx.report(
            'content-block-invalid',
            'image source.data starts with "data:"; give only the base64 text after the comma',
            [...path, 'source', 'data'],
        );
    }
}

function checkSystem(system: unknown, ctx: BodyContext): void {
    if (system === undefined) {
        return;
    }
    if (typeof system === 'string') {
        ctx.addText(system.length);
        return;
    }
    if (Array.isArray(system)) {
        for (let i = 0; i < system.length; i++) {
            const block: unknown = system[i];
            if (isObject(block) && block['type'] === 'text' && typeof block['text'] === 'string') {
                ctx.addText(block['text'].length);
            } else {
                ctx.report(
                    'system-invalid',
                    `system[${i}] must be {"type": "text", "text": "..."}`,
                    ['system', i],
                );
            }
        }
        return;
    }
    ctx.report(
        'system-invalid',
        `system must be a string or an array of {"type": "text", "text": ...} blocks, ` +
            `not ${describeValue(system)}`,
        ['system'],
    );
}

/**
 * Content blocks in the Converse style ({"text": ...}, {"image": {...}}), which Amazon Nova's
 * native body shares: each block is an object with exactly one member naming its kind.
 */
import { quoteVisible } from '../../shared/visibleText';
import type { BodyContext, JsonObject } from '../bodyContext';
import type { JsonPath } from '../types';
import { addTextOf, describeValue, isObject } from './common';
import type { MessageRules } from './messages';

export const CONVERSE_BLOCK_KINDS: ReadonlySet<string> = new Set([
    'text',
    'image',
    'document',
    'video',
    'audio',
    'toolUse',
    'toolResult',
    'guardContent',
    'reasoningContent',
    'cachePoint',
    'citationsContent',
    'searchResult',
]);

export const NOVA_BLOCK_KINDS: ReadonlySet<string> = new Set([
    'text',
    'image',
    'video',
    'document',
    'toolUse',
    'toolResult',
    'reasoningContent',
    'cachePoint',
]);

const MEDIA_KINDS = new Set(['image', 'document', 'video', 'audio']);

export function checkKindBlock(
    block: JsonObject,
    kinds: ReadonlySet<string>,
    family: string,
    ctx: BodyContext,
    path: JsonPath,
): void {
    const keys = Object.keys(block);
    const members = keys.filter((key) => kinds.has(key));
    const extras = keys.filter((key) => !kinds.has(key));
    const allowed = [...kinds].join(', ');
    for (const extra of extras) {
        const claudeStyle = extra === 'type' && members.length === 1;
        ctx.report(
            'content-block-invalid',
            `Each ${family} content block has exactly one member, such as {"text": ...} or ` +
                `{"image": {...}}; ${quoteVisible(extra)} is not a block kind` +
                (claudeStyle
                    ? ` ({"type": ..., "text": ...} is the Claude form): remove "type"`
                    : ''),
            [...path, extra],
            claudeStyle
                ? { kind: 'remove-property', title: 'Remove "type"', path: [...path, 'type'] }
                : undefined,
        );
    }
    if (members.length !== 1) {
        ctx.report(
            'content-block-invalid',
            members.length === 0
                ? `Each ${family} content block needs one of ${allowed}, e.g. {"text": "..."}`
                : `Each ${family} content block holds exactly one kind of content; ` +
                      `this one has ${members.join(' and ')}: split it into separate blocks`,
            path,
        );
    }
    for (const kind of members) {
        tallyBlock(kind, block[kind], ctx, [...path, kind]);
    }
}

function tallyBlock(kind: string, value: unknown, ctx: BodyContext, path: JsonPath): void {
    if (kind === 'text') {
        if (typeof value === 'string' && value.length > 0) {
            ctx.addText(value.length);
        } else {
            ctx.report(
                'content-block-invalid',
                `"text" must be a non-empty string, not ${describeValue(value)}`,
                path,
            );
        }
        return;
    }
    if (MEDIA_KINDS.has(kind)) {
        ctx.addMedia();
        if (!isObject(value) || !isObject(value['source'])) {
            ctx.report(
                'content-block-invalid',
                `"${kind}" must be an object with "format" and "source" ` +
                    '({"bytes": "<base64>"} or {"s3Location": {"uri": "s3://..."}})',
                path,
            );
        }
        return;
    }
    addTextOf(value, ctx);
}

/** `messages` of the bodies made of these blocks (Converse, Nova): user first, turns alternate. */
export function kindBlockMessageRules(family: string, kinds: ReadonlySet<string>): MessageRules {
    return {
        family,
        roles: ['user', 'assistant'],
        firstMustBeUser: true,
        alternate: true,
        stringContent: false,
        blockExample: '{"text": "..."}',
        checkBlock: (block, ctx, path) => {
            checkKindBlock(block, kinds, family, ctx, path);
        },
    };
}

/** system as an array of {"text": ...} blocks (Converse and Nova). */
export function checkSystemBlocks(
    system: unknown,
    kinds: ReadonlySet<string>,
    family: string,
    ctx: BodyContext,
): void {
    if (system === undefined) {
        return;
    }
    if (!Array.isArray(system)) {
        ctx.report(
            'system-invalid',
            `${family} takes system as an array of blocks, e.g. [{"text": "..."}], ` +
                `not ${describeValue(system)}`,
            ['system'],
        );
        if (typeof system === 'string') {
            ctx.addText(system.length);
        }
        return;
    }
    for (let i = 0; i < system.length; i++) {
        const block: unknown = system[i];
        const keys = isObject(block) ? Object.keys(block) : [];
        const key = keys[0] ?? '';
        if (!isObject(block) || keys.length !== 1 || !kinds.has(key)) {
            ctx.report(
                'system-invalid',
                `system[${i}] must be a block like {"text": "..."}` +
                    (isObject(block) && block['type'] !== undefined ? '; remove "type"' : ''),
                ['system', i],
            );
        }
        if (isObject(block) && typeof block['text'] === 'string') {
            ctx.addText(block['text'].length);
        }
    }
}

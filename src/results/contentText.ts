/**
 * Text of message content in the shapes the model families use: a plain string, Anthropic
 * blocks (`{type: 'text', text}`), Converse/Nova blocks (`{text}`, `{image: ...}`) and
 * chat-completions parts. Media shows as a short placeholder.
 */
import { isObject } from './outputLine';

const MEDIA_KEYS = ['image', 'document', 'video', 'audio'] as const;

export function contentText(
    content: unknown,
    options: { readonly skipReasoning?: boolean } = {},
): string {
    if (typeof content === 'string') {
        return content;
    }
    if (!Array.isArray(content)) {
        return isObject(content) ? (blockText(content, options.skipReasoning ?? false) ?? '') : '';
    }
    return content
        .map((block) =>
            isObject(block) ? blockText(block, options.skipReasoning ?? false) : undefined,
        )
        .filter((text): text is string => text !== undefined && text !== '')
        .join('\n');
}

function blockText(block: Record<string, unknown>, skipReasoning: boolean): string | undefined {
    const type = typeof block['type'] === 'string' ? block['type'] : undefined;
    if (
        typeof block['text'] === 'string' &&
        (type === undefined || type === 'text' || type === 'input_text' || type === 'output_text')
    ) {
        return block['text'];
    }
    if (type === 'thinking' || type === 'redacted_thinking' || 'reasoningContent' in block) {
        return skipReasoning ? undefined : reasoningText(block);
    }
    if (type === 'tool_use' || isObject(block['toolUse'])) {
        const use = isObject(block['toolUse']) ? block['toolUse'] : block;
        return `[tool use: ${typeof use['name'] === 'string' ? use['name'] : 'unnamed'}]`;
    }
    if (type === 'tool_result' || isObject(block['toolResult'])) {
        const result = isObject(block['toolResult']) ? block['toolResult'] : block;
        return `[tool result] ${contentText(result['content'])}`.trimEnd();
    }
    if (type === 'image_url' || type === 'image') {
        return '[image]';
    }
    for (const key of MEDIA_KEYS) {
        if (type === key || key in block) {
            return `[${key}]`;
        }
    }
    return typeof block['text'] === 'string' ? block['text'] : undefined;
}

function reasoningText(block: Record<string, unknown>): string | undefined {
    if (typeof block['thinking'] === 'string') {
        return `[thinking] ${block['thinking']}`;
    }
    const reasoning = block['reasoningContent'];
    if (isObject(reasoning) && isObject(reasoning['reasoningText'])) {
        const text = reasoning['reasoningText']['text'];
        return typeof text === 'string' ? `[reasoning] ${text}` : undefined;
    }
    return undefined;
}

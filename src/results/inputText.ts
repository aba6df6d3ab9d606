/**
 * The prompt of a request body, whatever the family: Claude and Converse/Nova messages (with
 * their system prompt), chat-completions messages (Mistral Large, gpt-oss), Titan `inputText`,
 * Llama and Mistral `prompt`.
 */
import { contentText } from './contentText';
import { isObject } from './outputLine';

export function inputText(body: unknown): string {
    if (!isObject(body)) {
        return typeof body === 'string' ? body : '';
    }
    if (Array.isArray(body['messages'])) {
        return messagesText(body['system'], body['messages']);
    }
    if (typeof body['inputText'] === 'string') {
        return body['inputImage'] === undefined
            ? body['inputText']
            : `${body['inputText']}\n[image]`;
    }
    if (body['inputImage'] !== undefined) {
        return '[image]';
    }
    for (const key of ['prompt', 'text', 'input'] as const) {
        const value = body[key];
        if (typeof value === 'string') {
            return value;
        }
        if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
            return value.join('\n');
        }
    }
    if (Array.isArray(body['texts'])) {
        return body['texts'].filter((t): t is string => typeof t === 'string').join('\n');
    }
    return '';
}

/**
 * A lone user message reads as its text; a conversation (or a system prompt) is labelled by
 * role so the side-by-side view shows who said what.
 */
function messagesText(system: unknown, messages: readonly unknown[]): string {
    const turns: { role: string; text: string }[] = [];
    const systemText = contentText(system);
    if (systemText !== '') {
        turns.push({ role: 'system', text: systemText });
    }
    for (const message of messages) {
        if (!isObject(message)) {
            continue;
        }
        const role = typeof message['role'] === 'string' ? message['role'] : 'message';
        turns.push({ role, text: contentText(message['content']) });
    }
    const only = turns[0];
    if (turns.length === 1 && only?.role === 'user') {
        return only.text;
    }
    return turns.map((turn) => `${capitalize(turn.role)}: ${turn.text}`).join('\n\n');
}

function capitalize(word: string): string {
    return word.charAt(0).toUpperCase() + word.slice(1);
}

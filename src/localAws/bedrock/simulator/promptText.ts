/**
 * The text a model would answer: the last user turn of a request body, whatever the family
 * spells it as. Chat bodies (Claude, Nova, Converse, Mistral chat, gpt-oss) carry `messages`;
 * Llama and Mistral prompt bodies carry a `prompt` wrapped in a chat template; Titan carries
 * `inputText`. Images, documents and other non-text blocks are skipped.
 */

type Body = Record<string, unknown>;

const LLAMA3_USER = /<\|start_header_id\|>user<\|end_header_id\|>([\s\S]*?)(?=<\|eot_id\|>|$)/g;
const INSTRUCTION = /\[INST\]([\s\S]*?)(?=\[\/INST\]|$)/g;
const SYSTEM_BLOCK = /<<SYS>>[\s\S]*?<<\/SYS>>/g;
const TEMPLATE_TOKENS = /<\|[a-z_]+\|>|<\/?s>|\[\/?INST\]/g;

/** The user's words, trimmed; empty when the body holds no text. */
export function promptText(body: Body): string {
    const messages = body['messages'];
    if (Array.isArray(messages)) {
        return lastUserText(messages);
    }
    const prompt = body['prompt'];
    if (typeof prompt === 'string') {
        return templateUserText(prompt);
    }
    const inputText = body['inputText'];
    return typeof inputText === 'string' ? inputText.trim() : '';
}

function lastUserText(messages: readonly unknown[]): string {
    const turns = messages.filter(
        (message): message is Body => message !== null && typeof message === 'object',
    );
    const users = turns.filter((turn) => turn['role'] === 'user');
    const turn = users[users.length - 1] ?? turns[turns.length - 1];
    return turn === undefined ? '' : contentText(turn['content']);
}

function contentText(content: unknown): string {
    if (typeof content === 'string') {
        return content.trim();
    }
    if (!Array.isArray(content)) {
        return '';
    }
    const texts: string[] = [];
    for (const block of content) {
        const text = (block as Body | null)?.['text'];
        if (typeof text === 'string' && text.trim().length > 0) {
            texts.push(text.trim());
        }
    }
    return texts.join('\n\n');
}

/** The last user turn of a Llama 3 or `[INST]` (Llama 2, Mistral) template, or the bare text. */
function templateUserText(prompt: string): string {
    const llama3 = [...prompt.matchAll(LLAMA3_USER)].pop()?.[1];
    const inst = [...prompt.matchAll(INSTRUCTION)].pop()?.[1];
    const text = llama3 ?? inst ?? prompt;
    return text.replace(SYSTEM_BLOCK, '').replace(TEMPLATE_TOKENS, '').trim();
}

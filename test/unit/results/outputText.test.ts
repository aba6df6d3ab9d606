import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { inputText } from '../../../src/results/inputText';
import { parseOutputLine } from '../../../src/results/outputLine';
import { outputText } from '../../../src/results/outputText';
import { familiesOutput } from './fixturePaths';

/** The families fixture: one output line per model family, keyed by recordId. */
function familyRecords(): Map<string, { modelInput: unknown; modelOutput: unknown }> {
    const records = new Map<string, { modelInput: unknown; modelOutput: unknown }>();
    for (const line of readFileSync(familiesOutput, 'utf8')
        .split('\n')
        .filter((l) => l !== '')) {
        const parsed = parseOutputLine(line);
        assert.ok(parsed.ok);
        records.set(parsed.record.recordId ?? '', parsed.record);
    }
    return records;
}

describe('results/outputText', () => {
    const records = familyRecords();
    const extract = (id: string): ReturnType<typeof outputText> =>
        outputText(records.get(id)?.modelOutput);
    const prompt = (id: string): string => inputText(records.get(id)?.modelInput);

    it('reads Claude content blocks, stop reason and usage', () => {
        const out = extract('claude');
        assert.equal(out.shape, 'claude');
        assert.equal(out.text, 'Rivers carry dissolved minerals\ninto it.');
        assert.equal(out.stopReason, 'end_turn');
        assert.deepEqual([out.inputTokens, out.outputTokens], [20, 9]);
        assert.equal(prompt('claude'), 'System: Answer briefly.\n\nUser: Why is the sea salty?');
    });

    it('reads Nova output.message.content and camelCase usage', () => {
        const out = extract('nova');
        assert.deepEqual(
            [out.shape, out.text, out.stopReason, out.inputTokens, out.outputTokens],
            ['converse', 'Lima.', 'end_turn', 11, 2],
        );
        assert.equal(prompt('nova'), 'System: Be concise.\n\nUser: Capital of Peru?');
    });

    it('reads a Converse answer without its reasoning, and marks an image in the prompt', () => {
        const out = extract('converse');
        assert.equal(out.text, 'A small red square.');
        assert.equal(out.outputTokens, 6);
        assert.equal(prompt('converse'), 'Describe this picture.\n[image]');
    });

    it('reads Titan Text results', () => {
        const out = extract('titan-text');
        assert.deepEqual(
            [out.shape, out.text, out.stopReason, out.inputTokens, out.outputTokens],
            ['titanText', ' blue.', 'FINISH', 6, 3],
        );
        assert.equal(prompt('titan-text'), 'Roses are red, violets are');
    });

    it('shows a Titan embedding as its dimension and first values', () => {
        const out = extract('titan-embed');
        assert.equal(out.shape, 'embedding');
        assert.deepEqual(out.embedding, {
            dimension: 10,
            first: [0.125, -0.25, 0.5, 0.0625, -0.03125, 0.75, -0.5, 0.25],
        });
        assert.equal(
            out.text,
            'Embedding, 10 dimensions: ' +
                '[0.125, -0.25, 0.5, 0.0625, -0.03125, 0.75, -0.5, 0.25, …]',
        );
        assert.deepEqual([out.inputTokens, out.outputTokens], [3, undefined]);
    });

    it('reads a Llama generation and its token counts', () => {
        const out = extract('llama');
        assert.deepEqual(
            [out.shape, out.text, out.stopReason, out.inputTokens, out.outputTokens],
            ['llama', 'Hi there!', 'stop', 14, 4],
        );
        assert.match(prompt('llama'), /Say hi/);
    });

    it('reads Mistral outputs[].text and chat choices', () => {
        assert.deepEqual(
            [extract('mistral-prompt').text, extract('mistral-prompt').stopReason],
            ['One, two, three.', 'stop'],
        );
        const chat = extract('mistral-chat');
        assert.deepEqual(
            [chat.shape, chat.text, chat.stopReason],
            ['chatCompletions', 'A pear.', 'length'],
        );
        assert.equal(prompt('mistral-chat'), 'Name a fruit.');
    });

    it('reads gpt-oss choices[].message.content with chat-completions usage', () => {
        const out = extract('gpt-oss');
        assert.deepEqual(
            [out.text, out.stopReason, out.inputTokens, out.outputTokens],
            ['4', 'stop', 17, 1],
        );
        assert.equal(prompt('gpt-oss'), 'System: You are terse.\n\nUser: 2+2?');
    });

    it('returns empty text for a shape it does not know', () => {
        const out = outputText({ somethingElse: [1, 2] });
        assert.deepEqual([out.shape, out.text], ['unknown', '']);
    });
});

describe('results/inputText', () => {
    it('reads a plain string message content and a flat prompt body', () => {
        assert.equal(inputText({ messages: [{ role: 'user', content: 'hello' }] }), 'hello');
        assert.equal(
            inputText({ prompt: '<s>[INST] hi [/INST]', max_tokens: 5 }),
            '<s>[INST] hi [/INST]',
        );
    });

    it('labels each turn of a conversation with prefill', () => {
        const body = {
            messages: [
                { role: 'user', content: [{ type: 'text', text: 'Translate: dog' }] },
                { role: 'assistant', content: [{ type: 'text', text: '<translation>' }] },
            ],
        };
        assert.equal(inputText(body), 'User: Translate: dog\n\nAssistant: <translation>');
    });

    it('marks media blocks and tool results', () => {
        const body = {
            messages: [
                {
                    role: 'user',
                    content: [
                        {
                            type: 'image',
                            source: { type: 'base64', media_type: 'image/jpeg', data: 'AAAA' },
                        },
                        {
                            type: 'tool_result',
                            tool_use_id: 't1',
                            content: [{ type: 'text', text: '42' }],
                        },
                        { type: 'text', text: 'What is shown?' },
                    ],
                },
            ],
        };
        assert.equal(inputText(body), '[image]\n[tool result] 42\nWhat is shown?');
    });

    it('gives an empty text for a body it cannot read', () => {
        assert.equal(inputText(undefined), '');
        assert.equal(inputText({ unexpected: true }), '');
    });
});

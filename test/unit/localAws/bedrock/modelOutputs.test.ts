import * as assert from 'node:assert/strict';
import { catalogueModel } from '../../../../src/localAws/bedrock/catalogue/catalogue';
import type { CatalogueModel } from '../../../../src/localAws/bedrock/catalogue/types';
import {
    planRecord,
    simulateRecord,
} from '../../../../src/localAws/bedrock/simulator/modelOutputs';
import type { InvocationType } from '../../../../src/localAws/bedrock/patterns';

function model(id: string): CatalogueModel {
    const found = catalogueModel(id);
    assert.ok(found, id);
    return found;
}

function run(
    id: string,
    body: unknown,
    invocationType: InvocationType = 'InvokeModel',
): Record<string, unknown> {
    const context = { model: model(id), invocationType, createdSeconds: 1_736_935_200 };
    const result = simulateRecord(context, body);
    const plan = planRecord(context, body);
    assert.equal(plan.inputTokens, result.inputTokens, 'planning and output agree on tokens');
    assert.equal(plan.outputTokens, result.outputTokens);
    assert.equal(plan.error !== undefined, result.error !== undefined);
    return { ...result };
}

const messages = [{ role: 'user', content: [{ text: 'Why is the sky blue?' }] }];
const HAIKU_ID = 'anthropic.claude-3-haiku-20240307-v1:0';

describe('simulated model outputs per family', () => {
    it('answers Claude with a Messages response whose usage matches the token heuristic', () => {
        const body = {
            anthropic_version: 'bedrock-2023-05-31',
            max_tokens: 64,
            messages: [{ role: 'user', content: 'Hello there, model!' }],
        };
        const result = run('anthropic.claude-3-5-haiku-20241022-v1:0', body);
        const output = result['modelOutput'] as Record<string, unknown>;
        assert.deepEqual(Object.keys(output), [
            'id',
            'type',
            'role',
            'model',
            'content',
            'stop_reason',
            'stop_sequence',
            'usage',
        ]);
        assert.equal(output['model'], 'claude-3-5-haiku-20241022');
        assert.deepEqual(output['usage'], {
            input_tokens: 5,
            output_tokens: result['outputTokens'],
        });
        assert.equal(result['inputTokens'], Math.ceil('Hello there, model!'.length / 4));
        const text = (output['content'] as Array<{ text: string }>)[0]?.text ?? '';
        assert.equal(text, '[sandbox] Response to “Hello there, model!” — simulated, not a model.');
        assert.equal(Math.ceil(text.length / 4), result['outputTokens']);
        assert.ok((result['outputTokens'] as number) <= 64);
        assert.deepEqual(
            run('anthropic.claude-3-5-haiku-20241022-v1:0', body),
            result,
            'deterministic',
        );
    });

    it('refuses Claude bodies the way the Anthropic endpoint does', () => {
        const cases: Array<[unknown, string]> = [
            [{ max_tokens: 10, messages: [] }, 'anthropic_version: Field required'],
            [
                { anthropic_version: 'bedrock-2023-05-31', messages: [] },
                'max_tokens: Field required',
            ],
            [
                {
                    anthropic_version: 'bedrock-2023-05-31',
                    max_tokens: 1,
                    messages: [],
                    modelId: 'x',
                },
                'modelId: Extra inputs are not permitted',
            ],
            [
                {
                    anthropic_version: 'bedrock-2023-05-31',
                    max_tokens: 1,
                    messages: [{ role: 'user', content: [{ text: 'x' }] }],
                },
                'messages.0.content.0.type: Field required',
            ],
        ];
        for (const [body, message] of cases) {
            assert.deepEqual(run('anthropic.claude-3-haiku-20240307-v1:0', body)['error'], {
                errorCode: 400,
                errorMessage: message,
            });
        }
    });

    it('answers Nova, Titan text, Llama, Mistral and gpt-oss in their own shapes', () => {
        const nova = run('amazon.nova-micro-v1:0', {
            messages,
            inferenceConfig: { maxTokens: 20 },
        })['modelOutput'] as Record<string, unknown>;
        assert.deepEqual(Object.keys(nova), ['output', 'stopReason', 'usage']);
        const titan = run('amazon.titan-text-express-v1', { inputText: 'Roses are red' })[
            'modelOutput'
        ] as Record<string, unknown>;
        assert.deepEqual(Object.keys(titan), ['inputTextTokenCount', 'results']);
        const llama = run('meta.llama3-1-405b-instruct-v1:0', { prompt: 'Hi', max_gen_len: 10 })[
            'modelOutput'
        ] as Record<string, unknown>;
        assert.deepEqual(Object.keys(llama), [
            'generation',
            'prompt_token_count',
            'generation_token_count',
            'stop_reason',
        ]);
        const mistral = run('mistral.mistral-small-2402-v1:0', { prompt: '<s>[INST] Hi [/INST]' })[
            'modelOutput'
        ] as Record<string, unknown>;
        assert.ok(Array.isArray(mistral['outputs']));
        const large = run('mistral.mistral-large-2407-v1:0', {
            messages: [{ role: 'user', content: 'Hi' }],
        })['modelOutput'] as Record<string, unknown>;
        assert.ok(Array.isArray(large['choices']));
        const oss = run('openai.gpt-oss-20b-1:0', {
            messages: [{ role: 'user', content: 'Hi' }],
            max_tokens: 30,
        })['modelOutput'] as Record<string, unknown>;
        assert.equal(oss['object'], 'chat.completion');
        assert.equal(oss['created'], 1_736_935_200);
        assert.equal(
            run('amazon.nova-lite-v1:0', { messages, textGenerationConfig: {} })['error'] !==
                undefined,
            true,
        );
        assert.match(
            String(
                (
                    run('meta.llama3-1-405b-instruct-v1:0', { messages })['error'] as {
                        errorMessage: string;
                    }
                ).errorMessage,
            ),
            /required key \[prompt\] not found/,
        );
    });

    it('gives Titan embeddings the requested length, and refuses a length the model lacks', () => {
        const result = run('amazon.titan-embed-text-v2:0', {
            inputText: 'embed me',
            dimensions: 256,
            embeddingTypes: ['float', 'binary'],
        });
        const output = result['modelOutput'] as {
            embedding: number[];
            embeddingsByType: Record<string, number[]>;
            inputTextTokenCount: number;
        };
        assert.equal(output.embedding.length, 256);
        assert.equal(output.embeddingsByType['binary']?.length, 256);
        assert.equal(result['outputTokens'], 0);
        const norm = Math.sqrt(output.embedding.reduce((s, x) => s + x * x, 0));
        assert.ok(Math.abs(norm - 1) < 1e-4);
        assert.equal(
            (
                run('amazon.titan-embed-text-v2:0', { inputText: 'x' })['modelOutput'] as {
                    embedding: number[];
                }
            ).embedding.length,
            1024,
        );
        assert.match(
            String(
                (
                    run('amazon.titan-embed-text-v2:0', { inputText: 'x', dimensions: 100 })[
                        'error'
                    ] as { errorMessage: string }
                ).errorMessage,
            ),
            /#\/dimensions: 100 is not a valid enum value/,
        );
        const image = run('amazon.titan-embed-image-v1', {
            inputText: 'x',
            embeddingConfig: { outputEmbeddingLength: 384 },
        });
        assert.equal((image['modelOutput'] as { embedding: number[] }).embedding.length, 384);
    });

    it('answers Converse records with a Converse response and refuses toolConfig', () => {
        const result = run(
            'anthropic.claude-3-haiku-20240307-v1:0',
            { messages, inferenceConfig: { maxTokens: 50 } },
            'Converse',
        );
        const output = result['modelOutput'] as Record<string, unknown>;
        assert.deepEqual(Object.keys(output), ['output', 'stopReason', 'usage', 'metrics']);
        const refused = run(
            'anthropic.claude-3-haiku-20240307-v1:0',
            { messages, toolConfig: { tools: [] } },
            'Converse',
        );
        assert.match(
            (refused['error'] as { errorMessage: string }).errorMessage,
            /toolConfig is not supported/,
        );
        assert.deepEqual(refused['inputTokens'], 0);
    });
    it('answers from the prompt in every text family, marked as simulated', () => {
        const passage =
            '"It is a truth universally acknowledged, that a single man in possession of a good ' +
            'fortune, must be in want of a wife. However little known the feelings may be."';
        const task = `Summarize this passage in one sentence.\n\n${passage}`;
        const expected =
            '[sandbox] Summary of this passage in one sentence: “It is a truth universally ' +
            'acknowledged, that a single man in possession of a good fortune, must be in want…” ' +
            '— simulated, not a model.';
        const claude = run(HAIKU_ID, {
            anthropic_version: 'bedrock-2023-05-31',
            max_tokens: 300,
            system: 'You are terse.',
            messages: [
                { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
                { role: 'assistant', content: 'Hello.' },
                { role: 'user', content: [{ type: 'text', text: task }] },
            ],
        });
        const claudeOutput = claude['modelOutput'] as {
            content: Array<{ text: string }>;
            stop_reason: string;
        };
        assert.equal(claudeOutput.content[0]?.text, expected);
        assert.equal(claudeOutput.stop_reason, 'end_turn');
        assert.equal(claude['outputTokens'], Math.ceil(expected.length / 4));
        const nova = run('amazon.nova-micro-v1:0', {
            messages: [{ role: 'user', content: [{ text: task }] }],
            inferenceConfig: { maxTokens: 300 },
        });
        assert.equal(
            (nova['modelOutput'] as { output: { message: { content: Array<{ text: string }> } } })
                .output.message.content[0]?.text,
            expected,
        );
        const converse = run(
            HAIKU_ID,
            { messages: [{ role: 'user', content: [{ text: task }] }] },
            'Converse',
        );
        assert.equal(
            (
                converse['modelOutput'] as {
                    output: { message: { content: Array<{ text: string }> } };
                }
            ).output.message.content[0]?.text,
            expected,
        );
        const llama = run('meta.llama3-1-405b-instruct-v1:0', {
            prompt:
                '<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nBe brief.' +
                '<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nTranslate into French: ' +
                'The cat sat on the mat.<|eot_id|>' +
                '<|start_header_id|>assistant<|end_header_id|>\n\n',
        })['modelOutput'] as { generation: string };
        assert.equal(
            llama.generation,
            '[sandbox] Translation into French: “The cat sat on the mat.” ' +
                '— simulated, not a model.',
        );
        const mistral = run('mistral.mistral-small-2402-v1:0', {
            prompt: '<s>[INST] Why is the sky blue? [/INST]',
        })['modelOutput'] as { outputs: Array<{ text: string }> };
        assert.equal(
            mistral.outputs[0]?.text,
            '[sandbox] Answer to “Why is the sky blue?” — simulated, not a model.',
        );
        const titan = run('amazon.titan-text-express-v1', {
            inputText: 'Roses are red, violets are',
        })['modelOutput'] as { results: Array<{ outputText: string; tokenCount: number }> };
        assert.equal(
            titan.results[0]?.outputText,
            '[sandbox] Response to “Roses are red, violets are” — simulated, not a model.',
        );
        const oss = run('openai.gpt-oss-20b-1:0', {
            messages: [
                { role: 'system', content: 'Be kind.' },
                {
                    role: 'user',
                    content: [{ type: 'text', text: 'Please write a haiku about rain.' }],
                },
            ],
        })['modelOutput'] as { choices: Array<{ message: { content: string } }> };
        assert.equal(
            oss.choices[0]?.message.content,
            '[sandbox] Draft of a haiku about rain — simulated, not a model.',
        );
        const large = run('mistral.mistral-large-2407-v1:0', {
            messages: [
                { role: 'user', content: 'Explain: Tides follow the moon. They rise twice.' },
            ],
        })['modelOutput'] as { choices: Array<{ message: { content: string } }> };
        assert.equal(
            large.choices[0]?.message.content,
            '[sandbox] Explanation: “Tides follow the moon.” — simulated, not a model.',
        );
    });

    it('answers different prompts differently, and the same prompt the same way', () => {
        const ask = (text: string): unknown =>
            run(HAIKU_ID, {
                anthropic_version: 'bedrock-2023-05-31',
                max_tokens: 100,
                messages: [{ role: 'user', content: text }],
            })['modelOutput'];
        const first = ask('Summarize item 1.');
        assert.deepEqual(ask('Summarize item 1.'), first);
        assert.notDeepEqual(ask('Summarize item 2.'), first);
        const text = (first as { content: Array<{ text: string }> }).content[0]?.text;
        assert.equal(text, '[sandbox] Summary of item 1 — simulated, not a model.');
    });

    it('shortens the answer to fit the max-token setting, and cuts it when it must', () => {
        const body = (maxTokens: number): unknown => ({
            messages: [
                {
                    role: 'user',
                    content: [
                        { text: 'Classify the review as positive or negative.' },
                        { text: 'The soup was cold and the waiter was rude to everyone.' },
                    ],
                },
            ],
            inferenceConfig: { maxTokens },
        });
        const textOf = (result: Record<string, unknown>): string =>
            (
                result['modelOutput'] as {
                    output: { message: { content: Array<{ text: string }> } };
                }
            ).output.message.content[0]?.text ?? '';
        const stopOf = (result: Record<string, unknown>): unknown =>
            (result['modelOutput'] as { stopReason: string }).stopReason;
        const roomy = run('amazon.nova-lite-v1:0', body(100));
        assert.equal(
            textOf(roomy),
            '[sandbox] Classification of the review as positive or negative: “The soup was cold ' +
                'and the waiter was rude to everyone.” — simulated, not a model.',
        );
        const tight = run('amazon.nova-lite-v1:0', body(20));
        assert.equal(
            textOf(tight),
            '[sandbox] Classification of the review as positive or negative',
        );
        assert.equal(stopOf(tight), 'end_turn');
        assert.equal(tight['outputTokens'], Math.ceil(textOf(tight).length / 4));
        const cut = run('amazon.nova-lite-v1:0', body(4));
        assert.equal(textOf(cut), '[sandbox] Classi');
        assert.equal(stopOf(cut), 'max_tokens');
        assert.equal(cut['outputTokens'], 4);
        assert.deepEqual((cut['modelOutput'] as { usage: unknown }).usage, {
            inputTokens: cut['inputTokens'],
            outputTokens: 4,
            totalTokens: (cut['inputTokens'] as number) + 4,
        });
    });

    it('answers a request without text, and keeps error records as errors', () => {
        const image = run(HAIKU_ID, {
            anthropic_version: 'bedrock-2023-05-31',
            max_tokens: 50,
            messages: [
                {
                    role: 'user',
                    content: [
                        {
                            type: 'image',
                            source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0' },
                        },
                    ],
                },
            ],
        });
        assert.equal(
            (image['modelOutput'] as { content: Array<{ text: string }> }).content[0]?.text,
            '[sandbox] Response to a request without text — simulated, not a model.',
        );
        const broken = run(HAIKU_ID, { max_tokens: 50, messages: [] });
        assert.equal(broken['modelOutput'], undefined);
        assert.deepEqual(broken['error'], {
            errorCode: 400,
            errorMessage: 'anthropic_version: Field required',
        });
    });

    it('normalises Titan V2 embeddings unless the record says normalize: false', () => {
        const vector = (body: Record<string, unknown>): number[] =>
            (run('amazon.titan-embed-text-v2:0', body)['modelOutput'] as { embedding: number[] })
                .embedding;
        const norm = (v: number[]): number => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
        const asked = vector({ inputText: 'embed me', dimensions: 512, normalize: true });
        const raw = vector({ inputText: 'embed me', dimensions: 512, normalize: false });
        assert.equal(asked.length, 512);
        assert.equal(raw.length, 512);
        assert.ok(Math.abs(norm(asked) - 1) < 1e-4);
        assert.ok(norm(raw) > 2, `norm ${norm(raw)}`);
        assert.deepEqual(vector({ inputText: 'embed me', dimensions: 512, normalize: false }), raw);
    });
});

/**
 * Deterministic model responses in each family's InvokeModel (or Converse) response shape. The
 * text is a labelled, simulated answer built from the record's prompt (simulatedAnswer.ts); the
 * usage numbers follow the heuristic in tokens.ts, and embeddings are pseudo-random vectors seeded
 * by the record's body.
 */
import type { CatalogueModel } from '../catalogue/types';
import type { InvocationType } from '../patterns';
import { SeededRandom, alnum, canonicalJson, digest } from './determinism';
import { recordError } from './recordChecks';
import { promptText } from './promptText';
import { boundedAnswer } from './simulatedAnswer';
import type { BoundedAnswer } from './simulatedAnswer';
import { inputTokenCount, maxTokensOf } from './tokens';

export interface RecordResult {
    readonly modelOutput?: unknown;
    readonly error?: { readonly errorCode: number; readonly errorMessage: string };
    readonly inputTokens: number;
    readonly outputTokens: number;
}

export interface OutputContext {
    readonly model: CatalogueModel;
    readonly invocationType: InvocationType;
    /** Epoch seconds used where a family reports a creation time. */
    readonly createdSeconds: number;
}

/** The record's outcome and token counts without building its output (cheap, for planning). */
export function planRecord(context: OutputContext, modelInput: unknown): RecordResult {
    const { model, invocationType } = context;
    if (recordError(model.family, invocationType, model.modelId, modelInput) !== undefined) {
        return { error: { errorCode: 400, errorMessage: '' }, inputTokens: 0, outputTokens: 0 };
    }
    const body = modelInput as Record<string, unknown>;
    const inputTokens = inputTokenCount(body);
    if (model.outputModalities.includes('EMBEDDING')) {
        return { inputTokens, outputTokens: 0 };
    }
    return { inputTokens, outputTokens: answerTo(body).tokens };
}

function answerTo(body: Record<string, unknown>): BoundedAnswer {
    return boundedAnswer(promptText(body), maxTokensOf(body));
}

export function simulateRecord(context: OutputContext, modelInput: unknown): RecordResult {
    const { model, invocationType } = context;
    const problem = recordError(model.family, invocationType, model.modelId, modelInput);
    if (problem !== undefined) {
        return {
            error: { errorCode: 400, errorMessage: problem },
            inputTokens: 0,
            outputTokens: 0,
        };
    }
    const body = modelInput as Record<string, unknown>;
    const seed = digest(model.modelId, invocationType, canonicalJson(body));
    const inputTokens = inputTokenCount(body);
    if (model.outputModalities.includes('EMBEDDING')) {
        return {
            modelOutput: embeddingOutput(model, body, inputTokens, new SeededRandom(seed)),
            inputTokens,
            outputTokens: 0,
        };
    }
    const answer = answerTo(body);
    const generated: Generated = {
        inputTokens,
        outputTokens: answer.tokens,
        text: answer.text,
        truncated: answer.truncated,
        seed,
    };
    const modelOutput =
        invocationType === 'Converse'
            ? converseOutput(generated)
            : invokeOutput(context, generated);
    return { modelOutput, inputTokens, outputTokens: answer.tokens };
}

interface Generated {
    readonly inputTokens: number;
    readonly outputTokens: number;
    readonly text: string;
    readonly truncated: boolean;
    readonly seed: Buffer;
}

function invokeOutput(context: OutputContext, g: Generated): unknown {
    const { model } = context;
    switch (model.family) {
        case 'anthropic':
            return {
                id: `msg_bdrk_01${alnum(g.seed, 22)}`,
                type: 'message',
                role: 'assistant',
                model: model.anthropicName ?? model.modelId,
                content: [{ type: 'text', text: g.text }],
                stop_reason: g.truncated ? 'max_tokens' : 'end_turn',
                stop_sequence: null,
                usage: { input_tokens: g.inputTokens, output_tokens: g.outputTokens },
            };
        case 'nova':
            return {
                output: { message: { content: [{ text: g.text }], role: 'assistant' } },
                stopReason: g.truncated ? 'max_tokens' : 'end_turn',
                usage: {
                    inputTokens: g.inputTokens,
                    outputTokens: g.outputTokens,
                    totalTokens: g.inputTokens + g.outputTokens,
                },
            };
        case 'titanText':
            return {
                inputTextTokenCount: g.inputTokens,
                results: [
                    {
                        tokenCount: g.outputTokens,
                        outputText: g.text,
                        completionReason: g.truncated ? 'LENGTH' : 'FINISH',
                    },
                ],
            };
        case 'llama':
            return {
                generation: g.text,
                prompt_token_count: g.inputTokens,
                generation_token_count: g.outputTokens,
                stop_reason: g.truncated ? 'length' : 'stop',
            };
        case 'mistralPrompt':
            return { outputs: [{ text: g.text, stop_reason: g.truncated ? 'length' : 'stop' }] };
        case 'mistralChat':
            return {
                choices: [
                    {
                        index: 0,
                        message: { role: 'assistant', content: g.text },
                        stop_reason: g.truncated ? 'length' : 'stop',
                    },
                ],
            };
        case 'openaiChat':
            return {
                id: `chatcmpl-${alnum(g.seed, 24, 'lower')}`,
                object: 'chat.completion',
                created: context.createdSeconds,
                model: model.modelId,
                choices: [
                    {
                        index: 0,
                        message: { role: 'assistant', content: g.text },
                        finish_reason: g.truncated ? 'length' : 'stop',
                    },
                ],
                usage: {
                    prompt_tokens: g.inputTokens,
                    completion_tokens: g.outputTokens,
                    total_tokens: g.inputTokens + g.outputTokens,
                },
            };
        default:
            return { outputText: g.text };
    }
}

function converseOutput(g: Generated): unknown {
    return {
        output: { message: { role: 'assistant', content: [{ text: g.text }] } },
        stopReason: g.truncated ? 'max_tokens' : 'end_turn',
        usage: {
            inputTokens: g.inputTokens,
            outputTokens: g.outputTokens,
            totalTokens: g.inputTokens + g.outputTokens,
        },
        metrics: { latencyMs: 200 + (g.seed.readUInt16BE(4) % 1800) },
    };
}

function embeddingOutput(
    model: CatalogueModel,
    body: Record<string, unknown>,
    inputTokens: number,
    random: SeededRandom,
): unknown {
    const config = body['embeddingConfig'] as Record<string, unknown> | undefined;
    const requested =
        model.family === 'titanEmbedImage' ? config?.['outputEmbeddingLength'] : body['dimensions'];
    const length = typeof requested === 'number' ? requested : (model.embeddingLength ?? 1024);
    const raw = Array.from({ length }, () => random.next() * 2 - 1);
    // Titan V2 normalises unless the record says `normalize: false`; the others always do here.
    const norm =
        body['normalize'] === false ? 1 : Math.sqrt(raw.reduce((sum, x) => sum + x * x, 0)) || 1;
    const vector = raw.map((x) => Math.round((x / norm) * 1e7) / 1e7);
    if (model.family === 'titanEmbedImage') {
        return { embedding: vector, inputTextTokenCount: inputTokens };
    }
    if (!model.modelId.startsWith('amazon.titan-embed-text-v2')) {
        return { embedding: vector, inputTextTokenCount: inputTokens };
    }
    const types = Array.isArray(body['embeddingTypes'])
        ? (body['embeddingTypes'] as unknown[])
        : ['float'];
    const byType: Record<string, number[]> = {};
    if (types.includes('float')) {
        byType['float'] = vector;
    }
    if (types.includes('binary')) {
        byType['binary'] = vector.map((x) => (x > 0 ? 1 : 0));
    }
    return { embedding: vector, embeddingsByType: byType, inputTextTokenCount: inputTokens };
}

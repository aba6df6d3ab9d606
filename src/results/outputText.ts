/**
 * Text, stop reason and token usage of a `modelOutput`, recognised by its shape (the `.out`
 * line does not say which model wrote it): Claude Messages, Converse/Nova, Titan Text, Titan
 * embeddings, Llama, Mistral (prompt and chat), chat-completions (gpt-oss) and a few legacy forms.
 */
import { contentText } from './contentText';
import { isObject } from './outputLine';

export type OutputShape =
    | 'claude'
    | 'converse'
    | 'titanText'
    | 'embedding'
    | 'llama'
    | 'mistral'
    | 'chatCompletions'
    | 'completion'
    | 'unknown';

export interface ExtractedOutput {
    readonly shape: OutputShape;
    readonly text: string;
    readonly stopReason: string | undefined;
    readonly inputTokens: number | undefined;
    readonly outputTokens: number | undefined;
    /** Embedding outputs: the vector's length and its first values. */
    readonly embedding:
        { readonly dimension: number; readonly first: readonly number[] } | undefined;
}

/** How many leading values of an embedding are shown. */
export const EMBEDDING_PREVIEW_VALUES = 8;

type Fields = Omit<ExtractedOutput, 'shape' | 'text' | 'embedding'>;
type Body = Record<string, unknown>;

export function outputText(modelOutput: unknown): ExtractedOutput {
    if (!isObject(modelOutput)) {
        return typeof modelOutput === 'string'
            ? result('unknown', modelOutput, {})
            : result('unknown', '', {});
    }
    const o = modelOutput;
    if (
        Array.isArray(o['content']) &&
        (o['type'] === 'message' || 'stop_reason' in o || 'role' in o)
    ) {
        return claude(o);
    }
    if (isObject(o['output']) && isObject(o['output']['message'])) {
        return converse(o, o['output']['message']);
    }
    if (Array.isArray(o['results'])) {
        return titanText(o, o['results']);
    }
    const embedding = embeddingOf(o);
    if (embedding !== undefined) {
        const preview = embeddingPreview(embedding);
        const label = `Embedding, ${embedding.dimension} dimensions: ${preview}`;
        return {
            shape: 'embedding',
            text: label,
            stopReason: undefined,
            inputTokens: numberOf(o['inputTextTokenCount']) ?? usageOf(o, 'prompt_tokens'),
            outputTokens: undefined,
            embedding,
        };
    }
    if (typeof o['generation'] === 'string') {
        return result('llama', o['generation'], {
            stopReason: stringOf(o['stop_reason']),
            inputTokens: numberOf(o['prompt_token_count']),
            outputTokens: numberOf(o['generation_token_count']),
        });
    }
    if (Array.isArray(o['outputs'])) {
        return mistral(o['outputs']);
    }
    if (Array.isArray(o['choices'])) {
        return chatCompletions(o, o['choices']);
    }
    if (typeof o['completion'] === 'string') {
        return result('completion', o['completion'], { stopReason: stringOf(o['stop_reason']) });
    }
    for (const key of ['outputText', 'text', 'generated_text'] as const) {
        const value = o[key];
        if (typeof value === 'string') {
            return result('unknown', value, {
                stopReason: stringOf(o['stop_reason']) ?? stringOf(o['finish_reason']),
            });
        }
    }
    if (Array.isArray(o['generations'])) {
        return result(
            'unknown',
            joinTexts(o['generations'], (g) => g['text']),
            {
                stopReason: firstString(o['generations'], (g) => g['finish_reason']),
            },
        );
    }
    return result('unknown', '', {});
}

function claude(o: Body): ExtractedOutput {
    return result('claude', contentText(o['content'], { skipReasoning: true }), {
        stopReason: stringOf(o['stop_reason']),
        inputTokens: usageOf(o, 'input_tokens'),
        outputTokens: usageOf(o, 'output_tokens'),
    });
}

function converse(o: Body, message: Body): ExtractedOutput {
    return result('converse', contentText(message['content'], { skipReasoning: true }), {
        stopReason: stringOf(o['stopReason']),
        inputTokens: usageOf(o, 'inputTokens'),
        outputTokens: usageOf(o, 'outputTokens'),
    });
}

function titanText(o: Body, results: readonly unknown[]): ExtractedOutput {
    const counts = results.map((r) => (isObject(r) ? numberOf(r['tokenCount']) : undefined));
    const outputTokens = counts.every((c) => c === undefined)
        ? undefined
        : counts.reduce<number>((sum, c) => sum + (c ?? 0), 0);
    return result(
        'titanText',
        joinTexts(results, (r) => r['outputText']),
        {
            stopReason: firstString(results, (r) => r['completionReason']),
            inputTokens: numberOf(o['inputTextTokenCount']),
            outputTokens,
        },
    );
}

function mistral(outputs: readonly unknown[]): ExtractedOutput {
    return result(
        'mistral',
        joinTexts(outputs, (x) => x['text']),
        {
            stopReason: firstString(outputs, (x) => x['stop_reason']),
        },
    );
}

/** Mistral Large chat and OpenAI-style models (gpt-oss): `choices[].message.content`. */
function chatCompletions(o: Body, choices: readonly unknown[]): ExtractedOutput {
    const text = joinTexts(choices, (choice) => {
        const message = choice['message'];
        if (isObject(message)) {
            return contentText(message['content']);
        }
        return choice['text'];
    });
    return result('chatCompletions', text, {
        stopReason: firstString(choices, (c) => c['finish_reason'] ?? c['stop_reason']),
        inputTokens: usageOf(o, 'prompt_tokens'),
        outputTokens: usageOf(o, 'completion_tokens'),
    });
}

function embeddingOf(o: Body): ExtractedOutput['embedding'] {
    const candidates: unknown[] = [o['embedding']];
    if (isObject(o['embeddingsByType'])) {
        candidates.push(...Object.values(o['embeddingsByType']));
    }
    if (Array.isArray(o['embeddings'])) {
        candidates.push(o['embeddings'][0]);
    }
    for (const candidate of candidates) {
        if (
            Array.isArray(candidate) &&
            candidate.length > 0 &&
            candidate.every((v) => typeof v === 'number')
        ) {
            return {
                dimension: candidate.length,
                first: candidate.slice(0, EMBEDDING_PREVIEW_VALUES),
            };
        }
    }
    return undefined;
}

function embeddingPreview(embedding: NonNullable<ExtractedOutput['embedding']>): string {
    const more = embedding.dimension > embedding.first.length ? ', …' : '';
    return `[${embedding.first.map((v) => String(v)).join(', ')}${more}]`;
}

function result(shape: OutputShape, text: string, fields: Partial<Fields>): ExtractedOutput {
    return {
        shape,
        text,
        stopReason: fields.stopReason,
        inputTokens: fields.inputTokens,
        outputTokens: fields.outputTokens,
        embedding: undefined,
    };
}

function usageOf(o: Body, key: string): number | undefined {
    const usage = o['usage'];
    return isObject(usage) ? numberOf(usage[key]) : undefined;
}

function joinTexts(items: readonly unknown[], pick: (item: Body) => unknown): string {
    return items
        .map((item) => (isObject(item) ? pick(item) : undefined))
        .filter((text): text is string => typeof text === 'string')
        .join('\n');
}

function firstString(items: readonly unknown[], pick: (item: Body) => unknown): string | undefined {
    for (const item of items) {
        const value = isObject(item) ? stringOf(pick(item)) : undefined;
        if (value !== undefined) {
            return value;
        }
    }
    return undefined;
}

function stringOf(value: unknown): string | undefined {
    return typeof value === 'string' && value !== '' ? value : undefined;
}

function numberOf(value: unknown): number | undefined {
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

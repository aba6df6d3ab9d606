/**
 * The simulator's token heuristic. Real counts come from each model's tokenizer; here:
 * - input tokens = ceil(characters of the record's text / 4) + 1,000 per inline image or video,
 *   where "text" is every string in `modelInput` except protocol fields (`anthropic_version`,
 *   `schemaVersion`, `role`, `type`, `media_type`, `format`) and base64 payloads;
 * - output tokens = ceil(characters of the generated text / 4), by the same rule; the text
 *   (simulatedAnswer.ts) is cut to at most max-token setting * 4 characters (512 tokens when the
 *   record sets none), so the count never exceeds the setting;
 * - embedding models produce no output tokens; records that fail count no tokens.
 */
const PROTOCOL_KEYS = new Set([
    'anthropic_version',
    'schemaVersion',
    'role',
    'type',
    'media_type',
    'format',
]);
const MEDIA_KEYS = new Set(['data', 'bytes', 'inputImage']);
export const TOKENS_PER_MEDIA_ITEM = 1000;
export const DEFAULT_MAX_TOKENS = 512;
export const CHARS_PER_TOKEN = 4;

export function inputTokenCount(modelInput: unknown): number {
    const tally = { chars: 0, media: 0 };
    walk(modelInput, undefined, tally);
    return (
        Math.max(1, Math.ceil(tally.chars / CHARS_PER_TOKEN)) + tally.media * TOKENS_PER_MEDIA_ITEM
    );
}

function walk(
    value: unknown,
    key: string | undefined,
    tally: { chars: number; media: number },
): void {
    if (typeof value === 'string') {
        if (key !== undefined && MEDIA_KEYS.has(key)) {
            tally.media += 1;
        } else if (key === undefined || !PROTOCOL_KEYS.has(key)) {
            tally.chars += value.length;
        }
        return;
    }
    if (Array.isArray(value)) {
        for (const item of value) {
            walk(item, undefined, tally);
        }
        return;
    }
    if (value !== null && typeof value === 'object') {
        for (const [childKey, child] of Object.entries(value as Record<string, unknown>)) {
            walk(child, childKey, tally);
        }
    }
}

/** The max-token setting of a body in any of the families' spellings. */
export function maxTokensOf(body: Record<string, unknown>): number {
    const config = (name: string): Record<string, unknown> => {
        const member = body[name];
        return member !== null && typeof member === 'object'
            ? (member as Record<string, unknown>)
            : {};
    };
    const candidates = [
        body['max_tokens'],
        body['max_completion_tokens'],
        body['max_gen_len'],
        config('inferenceConfig')['maxTokens'],
        config('inferenceConfig')['max_new_tokens'],
        config('textGenerationConfig')['maxTokenCount'],
    ];
    for (const candidate of candidates) {
        if (typeof candidate === 'number' && Number.isFinite(candidate) && candidate > 0) {
            return Math.floor(candidate);
        }
    }
    return DEFAULT_MAX_TOKENS;
}

/** Tokens of a generated text, by the same characters-per-token rule as the input. */
export function textTokenCount(text: string): number {
    return Math.ceil(text.length / CHARS_PER_TOKEN);
}

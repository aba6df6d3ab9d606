/**
 * The input-token heuristic, kept deliberately simple and the same for every model:
 *  - text: characters (UTF-16 code units) of the text the model reads, divided by 4 and rounded
 *    up per record. English prose averages about 4 characters per token for current tokenizers;
 *    code, JSON and non-Latin scripts use more tokens per character, so treat it as a floor.
 *  - media: every image, document or video block counts a flat 1,600 tokens (Claude's cost of a
 *    ~1.15 megapixel image); its base64 text is not counted as text.
 *  - structure (roles, JSON punctuation, chat templates' hidden tokens) is not counted.
 * The runtime's CountTokens API or the job's manifest gives exact numbers.
 */
import type { JsonObject } from './bodyContext';

export const CHARS_PER_TOKEN = 4;
export const TOKENS_PER_MEDIA_BLOCK = 1600;

export function estimateTokens(textChars: number, mediaBlocks: number): number {
    return Math.ceil(textChars / CHARS_PER_TOKEN) + mediaBlocks * TOKENS_PER_MEDIA_BLOCK;
}

/** Keys whose string values are binary payloads, not text. */
const BINARY_KEYS = new Set(['data', 'bytes', 'inputImage', 'image', 'images']);

export interface TextTally {
    chars: number;
    media: number;
}

/**
 * Counts text characters in any JSON value (tool inputs, unknown models' bodies); strings under
 * binary keys count as one media block each instead.
 */
export function tallyStrings(value: unknown, tally: TextTally, key = ''): void {
    if (typeof value === 'string') {
        if (BINARY_KEYS.has(key)) {
            tally.media++;
        } else {
            tally.chars += value.length;
        }
    } else if (Array.isArray(value)) {
        for (const item of value) {
            tallyStrings(item, tally, key);
        }
    } else if (typeof value === 'object' && value !== null) {
        const object = value as JsonObject;
        for (const child in object) {
            tallyStrings(object[child], tally, child);
        }
    }
}

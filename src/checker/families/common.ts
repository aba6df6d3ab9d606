/** Small checks every model family's rules share. */
import { quoteVisible } from '../../shared/visibleText';
import type { BodyContext, JsonObject } from '../bodyContext';
import { tallyStrings, type TextTally } from '../tokenEstimate';
import type { JsonPath } from '../types';

export function isObject(value: unknown): value is JsonObject {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isPositiveInteger(value: unknown): value is number {
    return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

export function isNonEmptyString(value: unknown): value is string {
    return typeof value === 'string' && value.length > 0;
}

/** Strings up to this long are shown in messages; longer ones are "a string". */
const MAX_SHOWN = 40;

/** A value as a message shows it; strings are quoted with their invisible characters shown. */
export function describeValue(value: unknown): string {
    if (value === null) {
        return 'null';
    }
    if (Array.isArray(value)) {
        return value.length === 0 ? 'an empty array' : 'an array';
    }
    if (typeof value === 'string') {
        return value.length > MAX_SHOWN ? 'a string' : `the string ${quoteVisible(value)}`;
    }
    if (typeof value === 'object') {
        return 'an object';
    }
    if (typeof value === 'number' || typeof value === 'boolean') {
        return String(value);
    }
    return typeof value;
}

/** Like describeValue, but short strings are shown as JSON ("messages-v2"). */
export function quoteValue(value: unknown): string {
    return typeof value === 'string' && value.length <= MAX_SHOWN
        ? quoteVisible(value)
        : describeValue(value);
}

function tallyOf(value: unknown): TextTally {
    const tally = { chars: 0, media: 0 };
    tallyStrings(value, tally);
    return tally;
}

/** Adds the text in any JSON value (tools, unknown blocks) to the estimate; binary is left out. */
export function addTextOf(value: unknown, ctx: BodyContext): void {
    ctx.addText(tallyOf(value).chars);
}

/** Like addTextOf, and counts each binary string (base64 image ...) as one media block. */
export function addTextAndMediaOf(value: unknown, ctx: BodyContext): void {
    const tally = tallyOf(value);
    ctx.addText(tally.chars);
    for (let i = 0; i < tally.media; i++) {
        ctx.addMedia();
    }
}

/**
 * Checks an output limit (max_tokens and the like): it must be a positive integer. Records it
 * for the output bound when valid; returns whether it was present.
 */
export function checkOutputLimit(
    holder: JsonObject,
    key: string,
    ctx: BodyContext,
    path: JsonPath,
): boolean {
    const value = holder[key];
    if (value === undefined) {
        return false;
    }
    if (isPositiveInteger(value)) {
        ctx.setOutputLimit(value);
    } else {
        ctx.report(
            'parameter-invalid',
            `${key} must be a positive integer, not ${describeValue(value)}`,
            [...path, key],
        );
    }
    return true;
}

export interface NumberRange {
    readonly min: number;
    readonly max: number;
    readonly integer?: boolean;
}

/** Checks optional numeric parameters (temperature, top_p ...) against their ranges. */
export function checkNumbers(
    holder: JsonObject,
    ranges: Readonly<Record<string, NumberRange>>,
    ctx: BodyContext,
    path: JsonPath,
): void {
    for (const key in ranges) {
        const value = holder[key];
        const range = ranges[key];
        if (value === undefined || range === undefined) {
            continue;
        }
        const ok =
            typeof value === 'number' &&
            value >= range.min &&
            value <= range.max &&
            (range.integer !== true || Number.isInteger(value));
        if (!ok) {
            const kind = range.integer === true ? 'an integer' : 'a number';
            ctx.report(
                'parameter-invalid',
                `${key} must be ${kind} from ${range.min} to ${range.max}, ` +
                    `not ${describeValue(value)}`,
                [...path, key],
            );
        }
    }
}

export function checkStringArray(
    holder: JsonObject,
    key: string,
    ctx: BodyContext,
    path: JsonPath,
): void {
    const value = holder[key];
    if (value === undefined) {
        return;
    }
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
        ctx.report('parameter-invalid', `${key} must be an array of strings`, [...path, key]);
    }
}

/** Which request bodies a key belongs to, to explain a key used with the wrong model. */
const KEY_OWNERS: Readonly<Record<string, string>> = {
    anthropic_version: 'Anthropic Claude Messages',
    anthropic_beta: 'Anthropic Claude Messages',
    max_tokens: 'Claude, Mistral and OpenAI bodies',
    stop_sequences: 'Anthropic Claude Messages',
    top_k: 'Claude and Mistral bodies',
    inferenceConfig: 'Amazon Nova and Converse',
    schemaVersion: 'Amazon Nova',
    textGenerationConfig: 'Amazon Titan Text',
    inputText: 'Amazon Titan',
    max_gen_len: 'Meta Llama',
    prompt: 'Llama and Mistral text-completion bodies',
    messages: 'chat bodies (Claude, Nova, Converse, Mistral chat, gpt-oss)',
    toolConfig: 'Converse',
    additionalModelRequestFields: 'Converse',
    max_completion_tokens: 'OpenAI chat completions',
};

/**
 * Reports keys the family does not accept: an error when the key is known to belong to another
 * family (the request will fail), a warning otherwise (the checker's list may be incomplete).
 * `hints` adds a family-specific replacement ("use inferenceConfig.maxTokens").
 */
export function checkKnownKeys(
    holder: JsonObject,
    known: ReadonlySet<string>,
    family: string,
    ctx: BodyContext,
    path: JsonPath,
    hints: Readonly<Record<string, string>> = {},
): void {
    for (const key in holder) {
        // modelId has its own record-level rule (model-input-model-id).
        if (known.has(key) || (key === 'modelId' && path.length === 0)) {
            continue;
        }
        const hint = Object.hasOwn(hints, key) ? hints[key] : undefined;
        const owner = Object.hasOwn(KEY_OWNERS, key) ? KEY_OWNERS[key] : undefined;
        const where = path.length === 0 ? 'modelInput' : String(path[path.length - 1]);
        if (owner !== undefined) {
            ctx.report(
                'body-foreign-key',
                `${quoteVisible(key)} belongs to ${owner}, not to ${family}; remove it` +
                    (hint === undefined ? '' : ` (${hint})`),
                [...path, key],
            );
        } else {
            ctx.report(
                'body-unknown-key',
                `${quoteVisible(key)} is not a field ${family} is known to accept in ${where}` +
                    (hint === undefined ? '; check its spelling' : ` (${hint})`),
                [...path, key],
            );
        }
    }
}

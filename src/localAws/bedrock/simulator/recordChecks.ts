/**
 * Per-record request checks, applied while a job runs (the service's validation phase does not
 * look inside `modelInput`). A record whose body is wrong for the model family gets an `error`
 * object in the output instead of `modelOutput`. Messages follow the style each family's
 * endpoint uses: pydantic-like for Anthropic, JSON-schema-like for Amazon and Meta models,
 * Coral-like for Converse.
 */
import type { InvocationType } from '../patterns';
import type { ModelFamily } from '../catalogue/types';

type Body = Record<string, unknown>;

const ANTHROPIC_KEYS = new Set([
    'anthropic_version',
    'anthropic_beta',
    'max_tokens',
    'messages',
    'system',
    'temperature',
    'top_p',
    'top_k',
    'stop_sequences',
    'tools',
    'tool_choice',
    'metadata',
    'thinking',
    'output_format',
]);
const NOVA_KEYS = new Set(['schemaVersion', 'system', 'messages', 'inferenceConfig', 'toolConfig']);
const TITAN_TEXT_KEYS = new Set(['inputText', 'textGenerationConfig']);
const TITAN_EMBED_V2_KEYS = new Set(['inputText', 'dimensions', 'normalize', 'embeddingTypes']);
const TITAN_EMBED_IMAGE_KEYS = new Set(['inputText', 'inputImage', 'embeddingConfig']);
const LLAMA_KEYS = new Set(['prompt', 'temperature', 'top_p', 'max_gen_len', 'images']);
const MISTRAL_PROMPT_KEYS = new Set([
    'prompt',
    'max_tokens',
    'stop',
    'temperature',
    'top_p',
    'top_k',
]);
const CONVERSE_KEYS = new Set([
    'messages',
    'system',
    'inferenceConfig',
    'additionalModelRequestFields',
    'additionalModelResponseFieldPaths',
    'promptVariables',
    'requestMetadata',
    'performanceConfig',
    'toolConfig',
    'guardrailConfig',
]);

export const TITAN_V2_DIMENSIONS = [256, 512, 1024];
export const TITAN_IMAGE_DIMENSIONS = [256, 384, 1024];

/** The record's error message, or undefined when the body is acceptable. */
export function recordError(
    family: ModelFamily,
    invocationType: InvocationType,
    modelId: string,
    modelInput: unknown,
): string | undefined {
    if (modelInput === null || typeof modelInput !== 'object' || Array.isArray(modelInput)) {
        return malformed(`#: expected type: JSONObject, found: ${jsonType(modelInput)}`);
    }
    const body = modelInput as Body;
    if (invocationType === 'Converse') {
        return converseError(body);
    }
    switch (family) {
        case 'anthropic':
            return anthropicError(body);
        case 'nova':
            return schemaError(body, NOVA_KEYS, ['messages']);
        case 'titanText':
            return schemaError(body, TITAN_TEXT_KEYS, ['inputText']);
        case 'titanEmbedText':
            return titanEmbedTextError(body, modelId);
        case 'titanEmbedImage':
            return titanEmbedImageError(body);
        case 'llama':
            return schemaError(body, LLAMA_KEYS, ['prompt']);
        case 'mistralPrompt':
            return schemaError(body, MISTRAL_PROMPT_KEYS, ['prompt']);
        case 'mistralChat':
            return body['messages'] === undefined && body['prompt'] === undefined
                ? malformed('#: required key [messages] not found')
                : undefined;
        case 'openaiChat':
            return openAiError(body);
        case 'other':
            return undefined;
    }
}

function converseError(body: Body): string | undefined {
    if (body['toolConfig'] !== undefined) {
        return 'toolConfig is not supported for batch inference jobs of the Converse type.';
    }
    if (body['modelId'] !== undefined) {
        return 'modelId: Extra inputs are not permitted';
    }
    const messages = body['messages'];
    if (messages === undefined || messages === null) {
        return (
            "1 validation error detected: Value null at 'messages' failed to satisfy constraint: " +
            'Member must not be null'
        );
    }
    if (!Array.isArray(messages)) {
        return 'messages: Input should be a valid list';
    }
    for (const key of Object.keys(body)) {
        if (!CONVERSE_KEYS.has(key)) {
            return `${key}: Extra inputs are not permitted`;
        }
    }
    for (const [i, message] of messages.entries()) {
        const content = (message as Body | null)?.['content'];
        if (!Array.isArray(content)) {
            return `messages.${i}.content: Input should be a valid list`;
        }
    }
    return undefined;
}

function anthropicError(body: Body): string | undefined {
    for (const required of ['anthropic_version', 'max_tokens', 'messages']) {
        if (body[required] === undefined) {
            return `${required}: Field required`;
        }
    }
    for (const key of Object.keys(body)) {
        if (!ANTHROPIC_KEYS.has(key)) {
            return `${key}: Extra inputs are not permitted`;
        }
    }
    const messages = body['messages'];
    if (!Array.isArray(messages)) {
        return 'messages: Input should be a valid list';
    }
    for (const [i, message] of messages.entries()) {
        const content = (message as Body | null)?.['content'];
        if (Array.isArray(content)) {
            for (const [j, block] of content.entries()) {
                if ((block as Body | null)?.['type'] === undefined) {
                    return `messages.${i}.content.${j}.type: Field required`;
                }
            }
        } else if (typeof content !== 'string') {
            return `messages.${i}.content: Field required`;
        }
    }
    return undefined;
}

function titanEmbedTextError(body: Body, modelId: string): string | undefined {
    const v2 = modelId.startsWith('amazon.titan-embed-text-v2');
    const keyError = schemaError(body, v2 ? TITAN_EMBED_V2_KEYS : new Set(['inputText']), [
        'inputText',
    ]);
    if (keyError !== undefined) {
        return keyError;
    }
    const dimensions = body['dimensions'];
    if (dimensions !== undefined && !TITAN_V2_DIMENSIONS.includes(dimensions as number)) {
        return malformed(`#/dimensions: ${JSON.stringify(dimensions)} is not a valid enum value`);
    }
    return undefined;
}

function titanEmbedImageError(body: Body): string | undefined {
    const keyError = schemaError(body, TITAN_EMBED_IMAGE_KEYS, []);
    if (keyError !== undefined) {
        return keyError;
    }
    if (body['inputText'] === undefined && body['inputImage'] === undefined) {
        return malformed('#: required key [inputText] not found');
    }
    const config = body['embeddingConfig'] as Body | undefined;
    const length = config?.['outputEmbeddingLength'];
    if (length !== undefined && !TITAN_IMAGE_DIMENSIONS.includes(length as number)) {
        return malformed(
            `#/embeddingConfig/outputEmbeddingLength: ${JSON.stringify(length)} ` +
                'is not a valid enum value',
        );
    }
    return undefined;
}

function openAiError(body: Body): string | undefined {
    if (!Array.isArray(body['messages'])) {
        return body['messages'] === undefined
            ? 'messages: Field required'
            : 'messages: Input should be a valid list';
    }
    if (body['modelId'] !== undefined) {
        return 'modelId: Extra inputs are not permitted';
    }
    return undefined;
}

/** JSON-schema style checks used by the Amazon, Meta and Mistral endpoints. */
function schemaError(
    body: Body,
    allowed: ReadonlySet<string>,
    required: readonly string[],
): string | undefined {
    for (const key of required) {
        if (body[key] === undefined) {
            return malformed(`#: required key [${key}] not found`);
        }
    }
    const extra = Object.keys(body).filter((key) => !allowed.has(key));
    if (extra.length > 0) {
        const list = extra.map((key) => `[${key}]`).join(', ');
        return malformed(`#: extraneous key ${list} is not permitted`);
    }
    return undefined;
}

/** The wording of the Amazon, Meta and Mistral endpoints' request-schema errors. */
function malformed(detail: string): string {
    return `Malformed input request: ${detail}, please reformat your input and try again.`;
}

function jsonType(value: unknown): string {
    if (value === null) {
        return 'Null';
    }
    if (Array.isArray(value)) {
        return 'JSONArray';
    }
    switch (typeof value) {
        case 'string':
            return 'String';
        case 'number':
            return Number.isInteger(value) ? 'Integer' : 'BigDecimal';
        case 'boolean':
            return 'Boolean';
        default:
            return 'JSONObject';
    }
}

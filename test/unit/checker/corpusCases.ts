/** The fixture corpus: which model each file is checked for, and what it must report. */
import type { RuleCode } from '../../../src/checker/rules';
import type { CheckOptions, InvocationType } from '../../../src/checker/types';
import { CLAUDE, columnOf, lineOf } from './fixtures';

export function optionsFor(model: string, invocationType?: InvocationType): CheckOptions {
    return {
        modelId: model,
        invocationType: invocationType ?? 'InvokeModel',
        quotas: { minRecordsPerJob: 1 },
    };
}

export interface GoodCase {
    readonly file: string;
    readonly model: string;
    readonly invocationType?: InvocationType;
    readonly records: number;
}

export const GOOD: readonly GoodCase[] = [
    { file: 'good/claude.jsonl', model: 'anthropic.claude-3-5-sonnet-20241022-v2:0', records: 4 },
    { file: 'good/nova.jsonl', model: 'us.amazon.nova-lite-v1:0', records: 3 },
    { file: 'good/titanText.jsonl', model: 'amazon.titan-text-express-v1', records: 2 },
    { file: 'good/titanEmbedV2.jsonl', model: 'amazon.titan-embed-text-v2:0', records: 3 },
    { file: 'good/llama.jsonl', model: 'meta.llama3-1-70b-instruct-v1:0', records: 2 },
    { file: 'good/mistral.jsonl', model: 'mistral.mistral-large-2407-v1:0', records: 2 },
    { file: 'good/gptOss.jsonl', model: 'openai.gpt-oss-120b-1:0', records: 2 },
    {
        file: 'good/converse.jsonl',
        model: 'eu.amazon.nova-pro-v1:0',
        invocationType: 'Converse',
        records: 2,
    },
    {
        file: 'good/claudeCrlf.jsonl',
        model: 'global.anthropic.claude-sonnet-4-5-20250929-v1:0',
        records: 3,
    },
    { file: 'good/claudeNoTrailingNewline.jsonl', model: CLAUDE, records: 3 },
    { file: 'good/claudeNonAscii.jsonl', model: CLAUDE, records: 4 },
];

export type Expected = readonly [code: RuleCode, line: number, column?: number];

export interface BadCase {
    readonly file: string;
    readonly model?: string;
    readonly invocationType?: InvocationType;
    readonly expected: readonly Expected[];
    /** Substrings the listed diagnostics' messages must contain, by code. */
    readonly says?: Partial<Record<RuleCode, string>>;
}

const col = columnOf;
const NO_VERSION = 'bad/claudeNoAnthropicVersion.jsonl';
const DUPLICATE_KEYS = 'bad/duplicateKeys.jsonl';

export const BAD: readonly BadCase[] = [
    {
        file: 'bad/jsonSyntax.jsonl',
        model: CLAUDE,
        expected: [
            ['json-syntax', 2, col('bad/jsonSyntax.jsonl', 2, ',}', 1, 1)],
            ['json-syntax', 3, 2],
            ['json-syntax', 4, lineOf('bad/jsonSyntax.jsonl', 4).length + 1],
            ['json-syntax', 5, col('bad/jsonSyntax.jsonl', 5, 'True')],
            ['json-syntax', 6, 2],
            ['json-syntax', 7, col('bad/jsonSyntax.jsonl', 7, 'trailing')],
        ],
        says: { 'json-syntax': 'Invalid JSON' },
    },
    {
        file: 'bad/notObject.jsonl',
        model: CLAUDE,
        expected: [
            ['record-not-object', 2, 1],
            ['record-not-object', 3, 1],
            ['record-not-object', 4, 1],
        ],
        says: { 'record-not-object': 'one JSON object' },
    },
    {
        file: 'bad/duplicateIds.jsonl',
        model: CLAUDE,
        expected: [
            ['record-id-duplicate', 3, col('bad/duplicateIds.jsonl', 3, '"dup-1"')],
            ['record-id-duplicate', 5, col('bad/duplicateIds.jsonl', 5, '"dup-2"')],
        ],
        says: { 'record-id-duplicate': 'already used on line' },
    },
    {
        file: 'bad/recordIdForms.jsonl',
        model: CLAUDE,
        expected: [
            ['record-id-not-string', 1, col('bad/recordIdForms.jsonl', 1, '17')],
            ['record-id-empty', 2, col('bad/recordIdForms.jsonl', 2, '""')],
            ['record-id-characters', 3, col('bad/recordIdForms.jsonl', 3, '"order 42"')],
            ['record-id-length', 4, col('bad/recordIdForms.jsonl', 4, '"rrr')],
            ['record-id-missing', 5, 1],
        ],
        says: { 'record-id-missing': '2 of 7 records have no recordId' },
    },
    {
        file: 'bad/strayModelId.jsonl',
        model: CLAUDE,
        expected: [
            ['model-input-model-id', 1, col('bad/strayModelId.jsonl', 1, '"modelId"')],
            ['model-input-model-id', 2, col('bad/strayModelId.jsonl', 2, '"modelId"')],
        ],
        says: { 'model-input-model-id': 'Extra inputs are not permitted' },
    },
    {
        file: 'bad/missingWrapper.jsonl',
        model: 'mistral.mistral-7b-instruct-v0:2',
        expected: [
            ['model-input-wrapper-missing', 1, 1],
            ['model-input-wrapper-missing', 2, 1],
            ['record-id-missing', 2, 1],
        ],
        says: { 'model-input-wrapper-missing': 'top level of the record' },
    },
    {
        file: 'bad/missingModelInput.jsonl',
        model: CLAUDE,
        expected: [
            ['model-input-missing', 1, col('bad/missingModelInput.jsonl', 1, '"model_input"')],
            ['model-input-missing', 2, 1],
        ],
    },
    {
        file: 'bad/modelInputNotObject.jsonl',
        model: CLAUDE,
        expected: [
            ['model-input-not-object', 1, col('bad/modelInputNotObject.jsonl', 1, '"modelInput"')],
            ['model-input-empty', 2, col('bad/modelInputNotObject.jsonl', 2, '"modelInput"')],
            ['model-input-not-object', 3, col('bad/modelInputNotObject.jsonl', 3, '"modelInput"')],
        ],
        says: { 'model-input-not-object': 'encoded as a string' },
    },
    {
        file: 'bad/unknownTopLevelKey.jsonl',
        model: CLAUDE,
        expected: [
            ['record-id-missing', 1, 1],
            ['record-unknown-key', 1, 2],
            ['record-unknown-key', 2, col('bad/unknownTopLevelKey.jsonl', 2, '"metadata"')],
        ],
        says: { 'record-unknown-key': 'did you mean "recordId"?' },
    },
    {
        file: NO_VERSION,
        model: CLAUDE,
        expected: [
            ['claude-missing-anthropic-version', 1, col(NO_VERSION, 1, '"modelInput"')],
            ['claude-missing-anthropic-version', 2, col(NO_VERSION, 2, '"modelInput"')],
        ],
        says: { 'claude-missing-anthropic-version': 'anthropic_version: Field required' },
    },
    {
        file: 'bad/claudeShape.jsonl',
        model: CLAUDE,
        expected: [
            ['claude-missing-max-tokens', 1],
            ['parameter-invalid', 2, col('bad/claudeShape.jsonl', 2, '"1024"')],
            ['messages-missing', 3, col('bad/claudeShape.jsonl', 3, '"messages"')],
            ['message-first-not-user', 4, col('bad/claudeShape.jsonl', 4, '"assistant"')],
            ['message-roles-not-alternating', 5, col('bad/claudeShape.jsonl', 5, '"user"', 2)],
            ['content-block-missing-type', 6, col('bad/claudeShape.jsonl', 6, '{"text"')],
            ['content-block-unknown-type', 7, col('bad/claudeShape.jsonl', 7, '"video"')],
            ['system-invalid', 8, col('bad/claudeShape.jsonl', 8, '"system"')],
            ['parameter-invalid', 9, col('bad/claudeShape.jsonl', 9, '1.5')],
            ['body-foreign-key', 10, col('bad/claudeShape.jsonl', 10, '"inferenceConfig"')],
            [
                'claude-anthropic-version-value',
                11,
                col('bad/claudeShape.jsonl', 11, '"2023-06-01"'),
            ],
            ['message-role-invalid', 11, col('bad/claudeShape.jsonl', 11, '"system"')],
            ['content-block-invalid', 12, col('bad/claudeShape.jsonl', 12, '"media_type"')],
            ['body-unknown-key', 12, col('bad/claudeShape.jsonl', 12, '"top_kk"')],
            ['message-invalid', 13, col('bad/claudeShape.jsonl', 13, '"Hi"')],
        ],
        says: { 'message-role-invalid': 'put system instructions in "system"' },
    },
    {
        file: 'bad/neitherMessagesNorConverse.jsonl',
        model: CLAUDE,
        expected: [
            ['claude-missing-anthropic-version', 1],
            ['claude-missing-max-tokens', 1],
            ['claude-missing-anthropic-version', 2],
            ['claude-missing-max-tokens', 2],
        ],
        says: {
            'claude-missing-anthropic-version': 'neither a Claude Messages request nor a Converse',
        },
    },
    {
        file: 'bad/neitherMessagesNorConverse.jsonl',
        model: `us.${CLAUDE}`,
        invocationType: 'Converse',
        expected: [
            ['content-block-invalid', 1, col('bad/neitherMessagesNorConverse.jsonl', 1, '"type"')],
            ['content-block-invalid', 2, col('bad/neitherMessagesNorConverse.jsonl', 2, '"type"')],
        ],
        says: { 'content-block-invalid': 'remove "type"' },
    },
    {
        file: 'bad/converseToolConfig.jsonl',
        model: CLAUDE,
        invocationType: 'Converse',
        expected: [
            ['converse-tool-config', 1, col('bad/converseToolConfig.jsonl', 1, '"toolConfig"')],
        ],
    },
    {
        file: 'bad/converseShape.jsonl',
        model: 'amazon.nova-lite-v1:0',
        invocationType: 'Converse',
        expected: [
            ['message-content-invalid', 1, col('bad/converseShape.jsonl', 1, '"content"')],
            ['body-foreign-key', 2, col('bad/converseShape.jsonl', 2, '"anthropic_version"')],
            ['body-foreign-key', 2, col('bad/converseShape.jsonl', 2, '"max_tokens"')],
            ['system-invalid', 3, col('bad/converseShape.jsonl', 3, '"system"')],
            ['content-block-invalid', 3, col('bad/converseShape.jsonl', 3, '{"text"')],
            ['body-unknown-key', 3, col('bad/converseShape.jsonl', 3, '"topK"')],
        ],
    },
    {
        file: 'bad/novaShape.jsonl',
        model: 'amazon.nova-micro-v1:0',
        expected: [
            ['nova-titan-config', 1, col('bad/novaShape.jsonl', 1, '"textGenerationConfig"')],
            ['nova-schema-version', 2, col('bad/novaShape.jsonl', 2, '"messages-v2"')],
            ['message-content-invalid', 2, col('bad/novaShape.jsonl', 2, '"content"')],
            ['body-foreign-key', 2, col('bad/novaShape.jsonl', 2, '"max_tokens"')],
            ['content-block-invalid', 3, col('bad/novaShape.jsonl', 3, '"type"')],
            ['parameter-invalid', 3, col('bad/novaShape.jsonl', 3, '"maxTokens": 0', 1, 13)],
        ],
    },
    {
        file: 'bad/titanEmbeddings.jsonl',
        model: 'amazon.titan-embed-text-v2:0',
        expected: [
            ['titan-embed-dimensions', 1, col('bad/titanEmbeddings.jsonl', 1, '768')],
            ['parameter-invalid', 2, col('bad/titanEmbeddings.jsonl', 2, '"yes"')],
            ['parameter-invalid', 2, col('bad/titanEmbeddings.jsonl', 2, '["int8"]')],
            ['titan-input-text-missing', 3, col('bad/titanEmbeddings.jsonl', 3, '"modelInput"')],
            ['body-unknown-key', 3, col('bad/titanEmbeddings.jsonl', 3, '"texts"')],
        ],
    },
    {
        file: 'bad/titanText.jsonl',
        model: 'amazon.titan-text-premier-v1:0',
        expected: [
            ['titan-input-text-missing', 1],
            ['body-foreign-key', 1, col('bad/titanText.jsonl', 1, '"prompt"')],
            ['parameter-invalid', 1, col('bad/titanText.jsonl', 1, '"maxTokenCount": 0', 1, 17)],
            ['body-unknown-key', 2, col('bad/titanText.jsonl', 2, '"maxTokens"')],
        ],
    },
    {
        file: 'bad/llama.jsonl',
        model: 'meta.llama3-3-70b-instruct-v1:0',
        expected: [
            ['llama-prompt-missing', 1],
            ['body-foreign-key', 1, col('bad/llama.jsonl', 1, '"messages"')],
            ['llama-prompt-no-template', 2, col('bad/llama.jsonl', 2, '"prompt"')],
            ['body-foreign-key', 2, col('bad/llama.jsonl', 2, '"max_tokens"')],
        ],
    },
    {
        file: 'bad/mistral.jsonl',
        model: 'mistral.mistral-7b-instruct-v0:2',
        expected: [
            ['mistral-prompt-or-messages', 1, col('bad/mistral.jsonl', 1, '"prompt"')],
            ['mistral-prompt-or-messages', 2],
            ['mistral-prompt-no-template', 3, col('bad/mistral.jsonl', 3, '"prompt"')],
        ],
    },
    {
        file: 'bad/gptOss.jsonl',
        model: 'openai.gpt-oss-20b-1:0',
        expected: [
            ['openai-small-max-tokens', 1, col('bad/gptOss.jsonl', 1, '"max_tokens"')],
            ['message-role-invalid', 2, col('bad/gptOss.jsonl', 2, '"human"')],
            ['body-unknown-key', 2, col('bad/gptOss.jsonl', 2, '"model"')],
        ],
    },
    {
        file: 'bad/blankLines.jsonl',
        model: CLAUDE,
        expected: [
            ['blank-line', 2, 1],
            ['blank-line', 4, 1],
        ],
    },
    {
        file: 'bad/byteOrderMark.jsonl',
        model: CLAUDE,
        expected: [['encoding-bom', 1, 1]],
    },
    {
        file: 'bad/invalidUtf8.jsonl',
        model: CLAUDE,
        expected: [['encoding-invalid-utf8', 2, col('bad/invalidUtf8.jsonl', 2, '\uFFFD')]],
    },
    {
        // Each repeat is reported at its first copy; the value that counts is the last one.
        file: DUPLICATE_KEYS,
        model: CLAUDE,
        expected: [
            ['json-duplicate-key', 1, col(DUPLICATE_KEYS, 1, '"max_tokens"')],
            ['parameter-invalid', 1, col(DUPLICATE_KEYS, 1, '"lots"')],
            ['json-duplicate-key', 2, col(DUPLICATE_KEYS, 2, '"recordId"')],
            ['json-duplicate-key', 2, col(DUPLICATE_KEYS, 2, '"temperature"')],
            ['json-duplicate-key', 3, col(DUPLICATE_KEYS, 3, '"text": "a"')],
            // The repeat inside the overridden first modelInput is not reported.
            ['json-duplicate-key', 4, col(DUPLICATE_KEYS, 4, '"modelInput"')],
            ['json-duplicate-key', 5, col(DUPLICATE_KEYS, 5, '"top_k"')],
        ],
        says: { 'json-duplicate-key': 'keep only the last value' },
    },
    {
        file: 'bad/crOnly.jsonl',
        model: CLAUDE,
        expected: [['line-ending-cr', 1, col('bad/crOnly.jsonl', 1, '\r{', 1, 1)]],
        says: { 'line-ending-cr': 'holds 3 records' },
    },
    {
        // Decoded and checked: the one encoding error, then the text's own problems.
        file: 'bad/utf16le.jsonl',
        model: CLAUDE,
        expected: [
            ['encoding-utf16', 1, 1],
            ['json-syntax', 3, 34],
        ],
        says: { 'encoding-utf16': 'UTF-16 LE (byte order mark FF FE)' },
    },
    {
        file: 'bad/utf16beNoBom.jsonl',
        model: CLAUDE,
        expected: [['encoding-utf16', 1, 1]],
        says: { 'encoding-utf16': 'UTF-16 BE (a NUL byte before each ASCII character)' },
    },
];


/**
 * The rule catalogue: every diagnostic code the checker can emit, its fixed severity and one line
 * saying what it catches. Docs and tests list rules from here.
 *
 * Estimates (not rules, but documented alongside them): input tokens are the characters of text
 * content divided by 4, rounded up per record, plus a flat 1,600 tokens per image, document or
 * video block; the output bound is the sum of each record's max_tokens-like field.
 */
import type { Severity } from './types';

export interface RuleInfo {
    readonly severity: Severity;
    readonly description: string;
}

export const RULES = {
    'json-syntax': {
        severity: 'error',
        description: 'A non-blank line is not valid JSON (reported at the first bad character).',
    },
    'json-duplicate-key': {
        severity: 'warning',
        description: 'An object has the same key twice; most JSON readers keep only the last.',
    },
    'record-not-object': {
        severity: 'error',
        description: 'A line is valid JSON but not an object.',
    },
    'encoding-invalid-utf8': {
        severity: 'error',
        description: 'A line contains bytes that are not valid UTF-8.',
    },
    'encoding-utf16': {
        severity: 'error',
        description: 'The file is UTF-16 (BOM or NUL bytes between ASCII); Bedrock needs UTF-8.',
    },
    'line-ending-cr': {
        severity: 'error',
        description: 'Records separated by CR only (classic Mac); Bedrock splits records on LF.',
    },
    'encoding-bom': {
        severity: 'warning',
        description: 'The file starts with a UTF-8 byte order mark.',
    },
    'blank-line': {
        severity: 'info',
        description: 'A blank line; Bedrock does not document how it treats one.',
    },
    'line-too-long': {
        severity: 'warning',
        description: 'A line is longer than the checker parses (option maxLineBytes); unchecked.',
    },
    'record-id-not-string': {
        severity: 'error',
        description: 'recordId is present but not a string.',
    },
    'record-id-empty': {
        severity: 'error',
        description: 'recordId is an empty string.',
    },
    'record-id-duplicate': {
        severity: 'error',
        description: 'recordId repeats one used earlier in the file or job.',
    },
    'record-id-characters': {
        severity: 'warning',
        description: 'recordId has characters other than letters, digits and - _ . :',
    },
    'record-id-length': {
        severity: 'warning',
        description: 'recordId is longer than 64 characters.',
    },
    'record-id-missing': {
        severity: 'info',
        description: 'Records without recordId; Bedrock invents one, so results are hard to match.',
    },
    'record-id-check-limited': {
        severity: 'info',
        description: 'Past the tracking limit, new recordIds are no longer remembered.',
    },
    'record-unknown-key': {
        severity: 'warning',
        description: 'A top-level key other than recordId and modelInput.',
    },
    'model-input-missing': {
        severity: 'error',
        description: 'The record has no modelInput.',
    },
    'model-input-wrapper-missing': {
        severity: 'error',
        description: 'The request body sits at the top level instead of inside modelInput.',
    },
    'model-input-not-object': {
        severity: 'error',
        description: 'modelInput is not a JSON object.',
    },
    'model-input-empty': {
        severity: 'error',
        description: 'modelInput is an empty object.',
    },
    'model-input-model-id': {
        severity: 'error',
        description: 'modelInput contains modelId ("Extra inputs are not permitted").',
    },
    'model-invocation-unsupported': {
        severity: 'error',
        description: 'The chosen model cannot be used with the chosen invocation type.',
    },
    'body-foreign-key': {
        severity: 'error',
        description: "A field that belongs to another model family's request body.",
    },
    'body-unknown-key': {
        severity: 'warning',
        description: 'A field the model family is not known to accept.',
    },
    'parameter-invalid': {
        severity: 'error',
        description: 'A parameter has the wrong type or is out of range.',
    },
    'messages-missing': {
        severity: 'error',
        description: 'messages is missing, not an array, or empty.',
    },
    'message-invalid': {
        severity: 'error',
        description: 'A message is not an object with role and content.',
    },
    'message-role-invalid': {
        severity: 'error',
        description: 'A message role the model family does not accept.',
    },
    'message-first-not-user': {
        severity: 'error',
        description: 'The first message is not from the user.',
    },
    'message-roles-not-alternating': {
        severity: 'warning',
        description: 'Two consecutive messages have the same role.',
    },
    'message-content-invalid': {
        severity: 'error',
        description: 'Message content has the wrong type or is empty.',
    },
    'content-block-invalid': {
        severity: 'error',
        description: 'A content block is malformed for the model family.',
    },
    'content-block-missing-type': {
        severity: 'error',
        description: 'A Claude content block has no "type".',
    },
    'content-block-unknown-type': {
        severity: 'warning',
        description: 'A content block type the checker does not know.',
    },
    'system-invalid': {
        severity: 'error',
        description: 'system has the wrong shape for the model family.',
    },
    'claude-missing-anthropic-version': {
        severity: 'error',
        description: 'Claude body without anthropic_version: every record fails.',
    },
    'claude-anthropic-version-value': {
        severity: 'warning',
        description: 'anthropic_version is not "bedrock-2023-05-31".',
    },
    'claude-missing-max-tokens': {
        severity: 'error',
        description: 'Claude body without max_tokens.',
    },
    'nova-titan-config': {
        severity: 'error',
        description: "Nova body uses Titan's textGenerationConfig instead of inferenceConfig.",
    },
    'nova-schema-version': {
        severity: 'warning',
        description: 'Nova schemaVersion is not "messages-v1".',
    },
    'titan-input-text-missing': {
        severity: 'error',
        description: 'Titan body without a non-empty inputText string.',
    },
    'titan-embed-dimensions': {
        severity: 'error',
        description: 'Titan embeddings dimensions not one the model offers.',
    },
    'llama-prompt-missing': {
        severity: 'error',
        description: 'Llama body without a non-empty prompt string.',
    },
    'llama-prompt-no-template': {
        severity: 'info',
        description: 'Llama prompt without the chat template markers.',
    },
    'mistral-prompt-or-messages': {
        severity: 'error',
        description: 'Mistral body needs exactly one of prompt and messages.',
    },
    'mistral-prompt-no-template': {
        severity: 'info',
        description: 'Mistral prompt without [INST] markers.',
    },
    'openai-small-max-tokens': {
        severity: 'info',
        description: 'gpt-oss output limit so small that reasoning may use it all.',
    },
    'converse-tool-config': {
        severity: 'error',
        description: 'Converse batch jobs reject toolConfig.',
    },
    'file-no-records': {
        severity: 'warning',
        description: 'A file of the job has no records.',
    },
    'file-too-many-records': {
        severity: 'error',
        description: 'A file has more records than the per-file quota.',
    },
    'file-too-large': {
        severity: 'error',
        description: 'A file is larger than the per-file size quota.',
    },
    'job-too-few-records': {
        severity: 'error',
        description: 'The job has fewer records than the minimum per job.',
    },
    'job-too-many-records': {
        severity: 'error',
        description: 'The job has more records than the maximum per job.',
    },
    'job-too-large': {
        severity: 'error',
        description: 'The files of the job together exceed the job size quota.',
    },
} as const satisfies Record<string, RuleInfo>;

export type RuleCode = keyof typeof RULES;

export function ruleSeverity(code: RuleCode): Severity {
    return RULES[code].severity;
}

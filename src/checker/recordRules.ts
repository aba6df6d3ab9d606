/** Rules for the record around the body: recordId's form, the modelInput wrapper, stray keys. */
import { quoteVisible } from '../shared/visibleText';
import type { JsonObject } from './bodyContext';
import { describeValue, isObject } from './families/common';
import type { RuleCode } from './rules';
import type { Fix, JsonPath } from './types';

export interface RecordReporter {
    readonly lineNumber: number;
    emit(code: RuleCode, message: string, path: JsonPath, fix?: Fix): void;
}

/** Letters, digits and - _ . : cover UUIDs, "CALL0000001", "rec-0001" and "meta_x_0". */
const PLAIN_ID = /^[A-Za-z0-9_.:-]+$/;
export const MAX_PLAIN_ID_LENGTH = 64;

/** Fields that show a request body was written at the top level, without modelInput. */
const BODY_KEYS = new Set([
    'messages',
    'prompt',
    'inputText',
    'anthropic_version',
    'max_tokens',
    'max_gen_len',
    'system',
    'inferenceConfig',
    'textGenerationConfig',
    'schemaVersion',
    'temperature',
    'top_p',
]);

const MODEL_INPUT_SPELLINGS = new Set(['model_input', 'ModelInput', 'modelinput', 'modelINput']);
const RECORD_ID_SPELLINGS = new Set(['record_id', 'RecordId', 'recordID', 'recordid', 'id']);

function isEmptyObject(object: JsonObject): boolean {
    for (const key in object) {
        if (Object.hasOwn(object, key)) {
            return false;
        }
    }
    return true;
}

/** recordId's type and form; returns the id when it should be checked for repeats. */
export function checkRecordId(record: JsonObject, reporter: RecordReporter): string | undefined {
    const id = record['recordId'];
    if (id === undefined) {
        return undefined;
    }
    if (typeof id !== 'string') {
        const asString = typeof id === 'number' ? `"${id}"` : '"..."';
        reporter.emit(
            'record-id-not-string',
            `recordId must be a string, not ${describeValue(id)}: write "recordId": ${asString}`,
            ['recordId'],
        );
        return undefined;
    }
    if (id.length === 0) {
        reporter.emit(
            'record-id-empty',
            'recordId is empty: give the record a unique ID or remove the field',
            ['recordId'],
        );
        return undefined;
    }
    if (!PLAIN_ID.test(id)) {
        const odd = [...id].find((char) => !PLAIN_ID.test(char)) ?? '';
        const shown = /\s/.test(odd) ? 'whitespace' : quoteVisible(odd);
        reporter.emit(
            'record-id-characters',
            `recordId contains ${shown}; Bedrock accepts it, but IDs made of letters, digits ` +
                'and - _ . : are safest to match in output files and tools',
            ['recordId'],
        );
    }
    if (id.length > MAX_PLAIN_ID_LENGTH) {
        reporter.emit(
            'record-id-length',
            `recordId is ${id.length} characters long; keep it to ${MAX_PLAIN_ID_LENGTH} or ` +
                'fewer (a UUID is 36)',
            ['recordId'],
        );
    }
    return id;
}

/** The modelInput wrapper and the record's other keys; returns the body when it is checkable. */
export function checkWrapper(record: JsonObject, reporter: RecordReporter): JsonObject | undefined {
    const body = record['modelInput'];
    if (body === undefined) {
        reportMissingModelInput(record, reporter);
        return undefined;
    }
    for (const key in record) {
        if (key !== 'recordId' && key !== 'modelInput') {
            const hint = RECORD_ID_SPELLINGS.has(key)
                ? ' (did you mean "recordId"?)'
                : key === 'modelOutput'
                  ? ' (this looks like a Bedrock output record: check the input file instead)'
                  : '';
            reporter.emit(
                'record-unknown-key',
                `${quoteVisible(key)} is not a record field; a record has only "recordId" and ` +
                    `"modelInput"${hint}. Move request fields into modelInput or remove it`,
                [key],
            );
        }
    }
    if (!isObject(body)) {
        const encoded =
            typeof body === 'string' && body.trimStart().startsWith('{')
                ? ': it holds JSON encoded as a string, so remove the quotes and escaping'
                : '';
        reporter.emit(
            'model-input-not-object',
            `modelInput must be a JSON object (the model's request body), not ` +
                `${describeValue(body)}${encoded}`,
            ['modelInput'],
        );
        return undefined;
    }
    if (isEmptyObject(body)) {
        reporter.emit(
            'model-input-empty',
            'modelInput is empty: put the request body for the model in it',
            ['modelInput'],
        );
        return undefined;
    }
    if (body['modelId'] !== undefined) {
        reporter.emit(
            'model-input-model-id',
            'modelInput contains "modelId": the job chooses the model, and Bedrock rejects the ' +
                'record with "Extra inputs are not permitted". Remove it',
            ['modelInput', 'modelId'],
            {
                kind: 'remove-property',
                title: 'Remove "modelId" from modelInput',
                line: reporter.lineNumber,
                path: ['modelInput', 'modelId'],
            },
        );
    }
    return body;
}

function reportMissingModelInput(record: JsonObject, reporter: RecordReporter): void {
    const keys = Object.keys(record);
    const misspelt = keys.find((key) => MODEL_INPUT_SPELLINGS.has(key));
    if (misspelt !== undefined) {
        reporter.emit(
            'model-input-missing',
            `The record has ${quoteVisible(misspelt)} but Bedrock reads only "modelInput" ` +
                '(exact spelling)',
            [misspelt],
        );
        return;
    }
    const bodyKeys = keys.filter((key) => BODY_KEYS.has(key));
    if (bodyKeys.length > 0) {
        const shown = bodyKeys.slice(0, 3).join(', ');
        reporter.emit(
            'model-input-wrapper-missing',
            `The request body (${shown}) is at the top level of the record; Bedrock reads it ` +
                'only from "modelInput". Write {"recordId": ..., "modelInput": {...body...}}',
            [],
            {
                kind: 'wrap-model-input',
                title: 'Move the request body into "modelInput"',
                line: reporter.lineNumber,
            },
        );
        return;
    }
    reporter.emit(
        'model-input-missing',
        'The record has no "modelInput": write {"recordId": ..., "modelInput": {...}} with the ' +
            "model's request body inside",
        [],
    );
}

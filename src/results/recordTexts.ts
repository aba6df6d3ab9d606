/** The prompt and answer texts of one indexed record, from its line in an output or input file. */
import { inputText } from './inputText';
import { isObject, parseOutputLine } from './outputLine';
import { outputText } from './outputText';
import type { ResultSource } from './resultIndex';

export interface RecordTexts {
    readonly input: string;
    /** Empty for failed and missing records. */
    readonly output: string;
}

export function recordTexts(role: ResultSource['role'], text: string): RecordTexts {
    if (role === 'output') {
        const parsed = parseOutputLine(text);
        if (!parsed.ok) {
            return { input: '', output: '' };
        }
        const { record } = parsed;
        return {
            input: inputText(record.modelInput),
            output: record.error === undefined ? outputText(record.modelOutput).text : '',
        };
    }
    let value: unknown;
    try {
        value = JSON.parse(text);
    } catch {
        return { input: '', output: '' };
    }
    return { input: inputText(inputBodyOf(value)), output: '' };
}

/**
 * The request body of an input line. Some hand-made files (LocalStack samples) put the body's
 * fields next to `recordId` instead of under `modelInput`.
 */
export function inputBodyOf(line: unknown): unknown {
    if (!isObject(line)) {
        return undefined;
    }
    if ('modelInput' in line) {
        return line['modelInput'];
    }
    const body = { ...line };
    delete body['recordId'];
    return body;
}

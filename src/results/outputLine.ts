/**
 * One line of a Bedrock `.out` file: `{recordId, modelInput, modelOutput}` for a record that
 * succeeded, `{recordId, modelInput, error}` for one that failed.
 */

export interface RecordError {
    /** Usually an HTTP-like status such as 400. */
    readonly code: string | undefined;
    readonly message: string;
}

export interface OutputRecord {
    readonly recordId: string | undefined;
    readonly modelInput: unknown;
    /** Present when the record succeeded. */
    readonly modelOutput: unknown;
    /** Present when the record failed. */
    readonly error: RecordError | undefined;
}

export type ParsedOutputLine =
    | { readonly ok: true; readonly record: OutputRecord }
    | { readonly ok: false; readonly problem: string };

export const NO_OUTPUT_MESSAGE = 'The line has neither modelOutput nor error.';

export function parseOutputLine(text: string): ParsedOutputLine {
    let value: unknown;
    try {
        value = JSON.parse(text);
    } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return { ok: false, problem: `not valid JSON (${reason})` };
    }
    if (!isObject(value)) {
        return { ok: false, problem: 'not a JSON object' };
    }
    const recordId = recordIdOf(value['recordId']);
    const modelOutput = value['modelOutput'];
    const error =
        value['error'] === undefined || value['error'] === null
            ? undefined
            : recordError(value['error']);
    const missingBoth = error === undefined && (modelOutput === undefined || modelOutput === null);
    return {
        ok: true,
        record: {
            recordId,
            modelInput: value['modelInput'],
            modelOutput: error === undefined ? modelOutput : undefined,
            error: missingBoth ? { code: undefined, message: NO_OUTPUT_MESSAGE } : error,
        },
    };
}

/** Record ids are strings; a number written by a hand-made file is read as its text. */
export function recordIdOf(value: unknown): string | undefined {
    if (typeof value === 'string') {
        return value;
    }
    return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

function recordError(value: unknown): RecordError {
    if (typeof value === 'string') {
        return { code: undefined, message: value };
    }
    if (!isObject(value)) {
        return { code: undefined, message: JSON.stringify(value) };
    }
    const message = value['errorMessage'] ?? value['message'];
    const code = value['errorCode'] ?? value['code'];
    return {
        code: typeof code === 'string' || typeof code === 'number' ? String(code) : undefined,
        message: typeof message === 'string' ? message : JSON.stringify(value),
    };
}

export function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * CloudWatch's wire: awsJson1_0 in "query-compatible" mode. Errors carry the shape name in
 * `__type` and the classic query error code in `x-amzn-query-error`, which the SDK uses to name
 * the exception.
 */
import { LocalAwsError } from '../types';
import type { LocalResponse } from '../types';

const NAMESPACE = 'com.amazonaws.cloudwatch';

/** Shape name -> [query error code, HTTP status]. */
const ERROR_SHAPES: Readonly<Record<string, readonly [string, number]>> = {
    InvalidParameterValueException: ['InvalidParameterValue', 400],
    MissingRequiredParameterException: ['MissingParameter', 400],
    InvalidParameterCombinationException: ['InvalidParameterCombination', 400],
    InvalidNextToken: ['InvalidNextToken', 400],
    InvalidFormatFault: ['InvalidFormat', 400],
    LimitExceededFault: ['LimitExceeded', 400],
    LimitExceededException: ['LimitExceededException', 400],
    ResourceNotFound: ['ResourceNotFound', 404],
    ResourceNotFoundException: ['ResourceNotFoundException', 404],
    DashboardNotFoundError: ['ResourceNotFound', 404],
    DashboardInvalidInputError: ['InvalidParameterInput', 400],
    InternalServiceFault: ['InternalServiceError', 500],
    Throttling: ['Throttling', 400],
};

/** Names other parts of the endpoint may use (fault injection) mapped to CloudWatch's own. */
const ALIASES: Readonly<Record<string, string>> = {
    ThrottlingException: 'Throttling',
    InternalServerException: 'InternalServiceFault',
    InternalFailure: 'InternalServiceFault',
    InternalServiceError: 'InternalServiceFault',
    ValidationException: 'InvalidParameterValueException',
    InvalidParameterValue: 'InvalidParameterValueException',
    MissingParameter: 'MissingRequiredParameterException',
};

export function cloudWatchError(shape: string, message: string): LocalAwsError {
    const [, status] = ERROR_SHAPES[shape] ?? ['', 400];
    return new LocalAwsError(shape, status, message);
}

export const invalidValue = (message: string): LocalAwsError =>
    cloudWatchError('InvalidParameterValueException', message);
export const missing = (parameter: string): LocalAwsError =>
    cloudWatchError('MissingRequiredParameterException', `The parameter ${parameter} is required.`);
export const combination = (message: string): LocalAwsError =>
    cloudWatchError('InvalidParameterCombinationException', message);
export const badToken = (): LocalAwsError =>
    cloudWatchError('InvalidNextToken', 'The service cannot process the NextToken.');

export function jsonResponse(body: unknown): LocalResponse {
    return {
        status: 200,
        headers: { 'content-type': 'application/x-amz-json-1.0' },
        body: JSON.stringify(body),
    };
}

export function errorResponse(error: LocalAwsError, requestId: string): LocalResponse {
    const shape =
        ERROR_SHAPES[error.code] !== undefined ? error.code : (ALIASES[error.code] ?? error.code);
    const known = ERROR_SHAPES[shape];
    const queryCode = known?.[0] ?? shape;
    const status = known?.[1] ?? error.status;
    return {
        status,
        headers: {
            'content-type': 'application/x-amz-json-1.0',
            'x-amzn-requestid': requestId,
            'x-amzn-query-error': `${queryCode};${status >= 500 ? 'Receiver' : 'Sender'}`,
        },
        body: JSON.stringify({
            __type: `${NAMESPACE}#${shape}`,
            message: error.message,
            ...detailMembers(error),
        }),
    };
}

/** Structured error members (e.g. dashboardValidationMessages) travel JSON-encoded in `details`. */
function detailMembers(error: LocalAwsError): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, text] of Object.entries(error.details)) {
        try {
            out[key] = JSON.parse(text);
        } catch {
            out[key] = text;
        }
    }
    return out;
}

/** Epoch seconds (the SDK's form) or an ISO 8601 string, as milliseconds. */
export function timestampMs(value: unknown, parameter: string): number {
    if (typeof value === 'number' && Number.isFinite(value)) {
        return value * 1000;
    }
    if (typeof value === 'string') {
        const parsed = /^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : Date.parse(value);
        if (!Number.isNaN(parsed)) {
            return parsed;
        }
    }
    throw invalidValue(
        `The value ${JSON.stringify(value)} for parameter ${parameter} is not a valid timestamp.`,
    );
}

export function epochSeconds(ms: number): number {
    return ms / 1000;
}

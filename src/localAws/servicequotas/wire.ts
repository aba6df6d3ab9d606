/**
 * Service Quotas' wire: awsJson1_1, `x-amz-target: ServiceQuotasV20190624.<Op>`. Errors carry the
 * shape name in `__type` and the text in `Message` (capitalised, as the service's error shapes
 * declare it).
 */
import { LocalAwsError } from '../types';
import type { LocalRequest, LocalResponse } from '../types';

export const TARGET_PREFIX = 'ServiceQuotasV20190624.';
const CONTENT_TYPE = 'application/x-amz-json-1.1';

/** Names the core and fault injection use, mapped to Service Quotas' own shapes. */
const ALIASES: Readonly<Record<string, readonly [shape: string, status: number]>> = {
    Throttling: ['TooManyRequestsException', 400],
    ThrottlingException: ['TooManyRequestsException', 400],
    InternalServiceError: ['ServiceException', 500],
    InternalServerException: ['ServiceException', 500],
    InternalFailure: ['ServiceException', 500],
    ServiceUnavailable: ['ServiceException', 503],
    ServiceUnavailableException: ['ServiceException', 503],
    ValidationException: ['IllegalArgumentException', 400],
};

export function illegalArgument(message: string): LocalAwsError {
    return new LocalAwsError('IllegalArgumentException', 400, message);
}

export function jsonResponse(body: unknown): LocalResponse {
    return { status: 200, headers: { 'content-type': CONTENT_TYPE }, body: JSON.stringify(body) };
}

export function errorResponse(error: LocalAwsError, requestId: string): LocalResponse {
    const [shape, status] = ALIASES[error.code] ?? [error.code, error.status];
    return {
        status,
        headers: { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': requestId },
        body: JSON.stringify({ __type: shape, Message: error.message }),
    };
}

/** The operation named by `x-amz-target`, if it is one of `known`. */
export function targetOperation(req: LocalRequest, known: readonly string[]): string | undefined {
    const header = req.headers['x-amz-target'];
    const target = Array.isArray(header) ? header[0] : header;
    if (req.method !== 'POST' || target === undefined || !target.startsWith(TARGET_PREFIX)) {
        return undefined;
    }
    const operation = target.slice(TARGET_PREFIX.length);
    return known.includes(operation) ? operation : undefined;
}

/** The JSON object body; an empty body is `{}`. */
export function parseParams(body: Buffer): Readonly<Record<string, unknown>> {
    if (body.length === 0) {
        return {};
    }
    let value: unknown;
    try {
        value = JSON.parse(body.toString('utf8'));
    } catch {
        throw new LocalAwsError('SerializationException', 400, 'Could not parse the request body');
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new LocalAwsError('SerializationException', 400, 'The request body is not an object');
    }
    return value as Record<string, unknown>;
}

function constraintError(member: string, value: unknown, constraint: string): LocalAwsError {
    const shown =
        value === undefined || value === null
            ? 'null'
            : `'${typeof value === 'string' ? value : JSON.stringify(value)}'`;
    return illegalArgument(
        `1 validation error detected: Value ${shown} at '${member}' failed to satisfy ` +
            `constraint: ${constraint}`,
    );
}

export function requiredString(
    params: Readonly<Record<string, unknown>>,
    key: string,
    member: string,
): string {
    const value = params[key];
    if (typeof value !== 'string' || value === '') {
        throw constraintError(member, value, 'Member must not be null');
    }
    return value;
}

export function optionalString(
    params: Readonly<Record<string, unknown>>,
    key: string,
): string | undefined {
    const value = params[key];
    return typeof value === 'string' ? value : undefined;
}

/** MaxResults: 1 to 100 (the default). */
export function pageSize(params: Readonly<Record<string, unknown>>): number {
    const value = params['MaxResults'];
    if (value === undefined) {
        return 100;
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
        throw constraintError(
            'maxResults',
            value,
            'Member must have value greater than or equal to 1',
        );
    }
    if (value > 100) {
        throw constraintError(
            'maxResults',
            value,
            'Member must have value less than or equal to 100',
        );
    }
    return value;
}

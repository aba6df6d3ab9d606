/** Opaque nextToken values: base64url JSON bound to the query they continue. */
import { validationError } from './errors';

export const INVALID_TOKEN_MESSAGE = 'The provided pagination token is not valid.';

export function encodeToken(
    position: Record<string, string | number>,
    queryFingerprint: string,
): string {
    return Buffer.from(JSON.stringify({ ...position, q: queryFingerprint }), 'utf8').toString(
        'base64url',
    );
}

/** The position a token names; a token from another query or not made here is refused. */
export function decodeToken(token: string, queryFingerprint: string): Record<string, unknown> {
    let value: unknown;
    try {
        value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    } catch {
        throw validationError(INVALID_TOKEN_MESSAGE);
    }
    if (
        value === null ||
        typeof value !== 'object' ||
        (value as Record<string, unknown>)['q'] !== queryFingerprint
    ) {
        throw validationError(INVALID_TOKEN_MESSAGE);
    }
    return value as Record<string, unknown>;
}

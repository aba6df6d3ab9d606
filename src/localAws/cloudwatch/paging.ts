/** Opaque NextToken values bound to the request they continue. */
import { badToken } from './wire';

export function encodeToken(offset: number, fingerprint: string): string {
    return Buffer.from(JSON.stringify({ o: offset, q: fingerprint }), 'utf8').toString('base64url');
}

export function decodeToken(token: string | undefined, fingerprint: string): number {
    if (token === undefined) {
        return 0;
    }
    try {
        const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
            o?: unknown;
            q?: unknown;
        };
        if (
            typeof value.o === 'number' &&
            Number.isInteger(value.o) &&
            value.o >= 0 &&
            value.q === fingerprint
        ) {
            return value.o;
        }
    } catch {
        // falls through to the error below
    }
    throw badToken();
}

/** REST-JSON wire helpers for the Bedrock control plane. */
import type { LocalResponse } from '../types';

export function jsonResponse(body: unknown, status = 200): LocalResponse {
    return {
        status,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
    };
}

/** Timestamps travel as RFC 3339 strings with millisecond precision, as the service sends them. */
export function rfc3339(ms: number): string {
    return new Date(ms).toISOString();
}

/** Drops undefined members so the JSON carries only what the service would send. */
export function compact<T extends object>(value: T): Partial<T> {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
        if (member !== undefined) {
            out[key] = member;
        }
    }
    return out as Partial<T>;
}

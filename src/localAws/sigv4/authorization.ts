/** Reads SigV4 authentication from the Authorization header or from presigned query parameters. */
import type { IncomingHttpHeaders } from 'node:http';

export interface SigV4Auth {
    readonly via: 'header' | 'query';
    readonly accessKeyId: string;
    readonly shortDate: string;
    readonly region: string;
    readonly service: string;
    /** `date/region/service/aws4_request` */
    readonly scope: string;
    readonly signedHeaders: readonly string[];
    readonly signature: string;
    /** ISO basic format, e.g. 20240101T120000Z; from x-amz-date, X-Amz-Date or Date. */
    readonly amzDate: string;
    readonly dateMs: number;
    /** Presigned URLs only. */
    readonly expiresSeconds?: number;
    readonly securityToken?: string;
}

export type AuthParse =
    | { readonly kind: 'none' }
    | { readonly kind: 'malformed'; readonly message: string; readonly service?: string }
    | { readonly kind: 'ok'; readonly auth: SigV4Auth };

const ALGORITHM = 'AWS4-HMAC-SHA256';

export function parseAmzDate(value: string): number | undefined {
    const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
    if (!m) {
        return undefined;
    }
    const [, y, mo, d, h, mi, s] = m.map(Number);
    if (y === undefined || mo === undefined || d === undefined) {
        return undefined;
    }
    return Date.UTC(y, mo - 1, d, h ?? 0, mi ?? 0, s ?? 0);
}

/** `YYYYMMDDTHHMMSSZ`, the form of x-amz-date. */
export function toAmzDate(ms: number): string {
    return new Date(ms)
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}Z$/, 'Z');
}

/** A header's first value when it was sent more than once. */
export function firstHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
}

interface Scope {
    accessKeyId: string;
    shortDate: string;
    region: string;
    service: string;
    scope: string;
}

function parseCredential(credential: string): Scope | string {
    const parts = credential.split('/');
    if (parts.length !== 5 || parts[4] !== 'aws4_request') {
        return `Credential should be scoped to a valid region and service: "${credential}".`;
    }
    const [accessKeyId = '', shortDate = '', region = '', service = ''] = parts;
    if (!/^\d{8}$/.test(shortDate) || region === '' || service === '' || accessKeyId === '') {
        return `Credential should be scoped to a valid region and service: "${credential}".`;
    }
    return {
        accessKeyId,
        shortDate,
        region,
        service,
        scope: `${shortDate}/${region}/${service}/aws4_request`,
    };
}

function requestDate(
    amzDate: string | undefined,
    httpDate: string | undefined,
): { amzDate: string; ms: number } | undefined {
    if (amzDate !== undefined) {
        const ms = parseAmzDate(amzDate);
        return ms === undefined ? undefined : { amzDate, ms };
    }
    if (httpDate !== undefined) {
        const ms = Date.parse(httpDate);
        return Number.isNaN(ms) ? undefined : { amzDate: toAmzDate(ms), ms };
    }
    return undefined;
}

function fromHeader(value: string, headers: IncomingHttpHeaders): AuthParse {
    if (!value.startsWith(`${ALGORITHM} `)) {
        return {
            kind: 'malformed',
            message: `Unsupported authorization type: ${value.split(' ')[0] ?? ''}`,
        };
    }
    const fields = new Map<string, string>();
    for (const part of value.slice(ALGORITHM.length + 1).split(',')) {
        const eq = part.indexOf('=');
        if (eq > 0) {
            fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
        }
    }
    const credential = fields.get('Credential');
    const signedHeaders = fields.get('SignedHeaders');
    const signature = fields.get('Signature');
    if (credential === undefined || signedHeaders === undefined || signature === undefined) {
        return {
            kind: 'malformed',
            message:
                "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' " +
                "parameters.",
        };
    }
    const scope = parseCredential(credential);
    if (typeof scope === 'string') {
        return { kind: 'malformed', message: scope };
    }
    const date = requestDate(firstHeader(headers, 'x-amz-date'), firstHeader(headers, 'date'));
    if (date === undefined) {
        return {
            kind: 'malformed',
            service: scope.service,
            message:
                "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' " +
                "header.",
        };
    }
    const token = firstHeader(headers, 'x-amz-security-token');
    return {
        kind: 'ok',
        auth: {
            via: 'header',
            ...scope,
            signedHeaders: signedHeaders.split(';').map((h) => h.toLowerCase()),
            signature,
            amzDate: date.amzDate,
            dateMs: date.ms,
            ...(token === undefined ? {} : { securityToken: token }),
        },
    };
}

function fromQuery(query: URLSearchParams): AuthParse {
    const credential = query.get('X-Amz-Credential');
    const amzDate = query.get('X-Amz-Date');
    const signedHeaders = query.get('X-Amz-SignedHeaders');
    const signature = query.get('X-Amz-Signature');
    const expires = query.get('X-Amz-Expires');
    if (
        query.get('X-Amz-Algorithm') !== ALGORITHM ||
        credential === null ||
        amzDate === null ||
        signedHeaders === null ||
        signature === null
    ) {
        return {
            kind: 'malformed',
            message:
                'Query-string authentication version 4 requires the X-Amz-Algorithm, ' +
                'X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, ' +
                'and X-Amz-Expires parameters.',
        };
    }
    const scope = parseCredential(credential);
    if (typeof scope === 'string') {
        return { kind: 'malformed', message: scope };
    }
    const dateMs = parseAmzDate(amzDate);
    const expiresSeconds = expires === null ? Number.NaN : Number(expires);
    if (dateMs === undefined || !Number.isInteger(expiresSeconds) || expiresSeconds < 1) {
        return {
            kind: 'malformed',
            service: scope.service,
            message: 'X-Amz-Date or X-Amz-Expires is invalid.',
        };
    }
    if (expiresSeconds > 604800) {
        return {
            kind: 'malformed',
            service: scope.service,
            message: 'X-Amz-Expires must be less than a week (in seconds) that is 604800',
        };
    }
    const token = query.get('X-Amz-Security-Token');
    return {
        kind: 'ok',
        auth: {
            via: 'query',
            ...scope,
            signedHeaders: signedHeaders.split(';').map((h) => h.toLowerCase()),
            signature,
            amzDate,
            dateMs,
            expiresSeconds,
            ...(token === null ? {} : { securityToken: token }),
        },
    };
}

export function parseAuthorization(
    headers: IncomingHttpHeaders,
    query: URLSearchParams,
): AuthParse {
    const value = firstHeader(headers, 'authorization');
    if (value !== undefined) {
        return fromHeader(value, headers);
    }
    if (query.has('X-Amz-Algorithm') || query.has('X-Amz-Signature')) {
        return fromQuery(query);
    }
    return { kind: 'none' };
}

/** Builds SigV4 canonical requests the way AWS does, from the request as it came off the wire. */
import { createHash } from 'node:crypto';

/** RFC 3986 encoding as SigV4 wants it: everything but A-Z a-z 0-9 - _ . ~ is escaped. */
export function escapeUri(value: string): string {
    return encodeURIComponent(value).replace(
        /[!'()*]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
    );
}

function safeDecode(value: string): string {
    try {
        return decodeURIComponent(value);
    } catch {
        return value;
    }
}

/**
 * S3 signs the path exactly as sent. Every other service normalises dot segments and encodes the
 * already-encoded path a second time.
 */
export function canonicalPath(rawPath: string, doubleEncode: boolean): string {
    if (!doubleEncode) {
        return rawPath === '' ? '/' : rawPath;
    }
    const segments: string[] = [];
    for (const segment of rawPath.split('/')) {
        if (segment === '' || segment === '.') {
            continue;
        }
        if (segment === '..') {
            segments.pop();
        } else {
            segments.push(segment);
        }
    }
    const trailing = segments.length > 0 && rawPath.endsWith('/') ? '/' : '';
    const normalized = `/${segments.join('/')}${trailing}`;
    return escapeUri(normalized).replace(/%2F/g, '/');
}

/** Query pairs decoded once and re-encoded strictly, sorted by key then value. */
export function canonicalQuery(rawQuery: string, omitKey?: string): string {
    const pairs: Array<[string, string]> = [];
    for (const part of rawQuery.split('&')) {
        if (part === '') {
            continue;
        }
        const eq = part.indexOf('=');
        const key = safeDecode(eq < 0 ? part : part.slice(0, eq));
        const value = eq < 0 ? '' : safeDecode(part.slice(eq + 1));
        if (omitKey !== undefined && key === omitKey) {
            continue;
        }
        pairs.push([escapeUri(key), escapeUri(value)]);
    }
    pairs.sort(([ka, va], [kb, vb]) => {
        if (ka !== kb) {
            return ka < kb ? -1 : 1;
        }
        return va < vb ? -1 : va > vb ? 1 : 0;
    });
    return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

/** Header values for the signed names, from Node's rawHeaders so repeated headers stay separate. */
export function canonicalHeaders(
    rawHeaders: readonly string[],
    signedNames: readonly string[],
): string {
    const values = new Map<string, string[]>();
    for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
        const name = (rawHeaders[i] ?? '').toLowerCase();
        const value = (rawHeaders[i + 1] ?? '')
            .replace(/[\r\n]/g, ' ')
            .replace(/[ \t]+/g, ' ')
            .trim();
        const list = values.get(name);
        if (list) {
            list.push(value);
        } else {
            values.set(name, [value]);
        }
    }
    return signedNames.map((name) => `${name}:${(values.get(name) ?? []).join(',')}\n`).join('');
}

export interface CanonicalRequestParts {
    readonly method: string;
    readonly path: string;
    readonly query: string;
    readonly headers: string;
    readonly signedHeaders: readonly string[];
    readonly payloadHash: string;
}

export function canonicalRequest(parts: CanonicalRequestParts): string {
    return [
        parts.method,
        parts.path,
        parts.query,
        parts.headers,
        parts.signedHeaders.join(';'),
        parts.payloadHash,
    ].join('\n');
}

export function sha256Hex(data: string | Buffer): string {
    return createHash('sha256').update(data).digest('hex');
}

export const EMPTY_SHA256 = sha256Hex('');

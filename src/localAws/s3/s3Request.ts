/**
 * Reading S3 requests: the bucket and key of a path-style URL, headers, the object attributes they
 * carry, the checksum algorithm asked for and byte ranges.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { LocalRequest } from '../types';
import { LocalAwsError } from '../types';
import { isChecksumAlgorithm } from '../core/checksums';
import type { ChecksumAlgorithm } from '../core/checksums';
import { s3Errors } from './s3Errors';
import type { ObjectAttributes } from './storedRecords';

export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
    const value = headers[name];
    return Array.isArray(value) ? value.join(',') : value;
}

/** `/bucket` or `/bucket/key...` (path-style); the key is percent-decoded once. */
export function parseS3Path(rawPath: string): { bucket?: string; key?: string } {
    const trimmed = rawPath.startsWith('/') ? rawPath.slice(1) : rawPath;
    if (trimmed === '') {
        return {};
    }
    const slash = trimmed.indexOf('/');
    const decode = (text: string): string => {
        try {
            return decodeURIComponent(text);
        } catch {
            throw new LocalAwsError('InvalidURI', 400, "Couldn't parse the specified URI.");
        }
    };
    if (slash < 0 || slash === trimmed.length - 1) {
        return { bucket: decode(slash < 0 ? trimmed : trimmed.slice(0, slash)) };
    }
    return { bucket: decode(trimmed.slice(0, slash)), key: decode(trimmed.slice(slash + 1)) };
}

export function requireBucket(req: LocalRequest): string {
    const { bucket } = parseS3Path(req.rawPath);
    if (bucket === undefined) {
        throw s3Errors.methodNotAllowed();
    }
    return bucket;
}

export function requireKey(req: LocalRequest): { bucket: string; key: string } {
    const { bucket, key } = parseS3Path(req.rawPath);
    if (bucket === undefined || key === undefined) {
        throw s3Errors.methodNotAllowed();
    }
    if (Buffer.byteLength(key, 'utf8') > 1024) {
        throw new LocalAwsError('KeyTooLongError', 400, 'Your key is too long');
    }
    return { bucket, key };
}

/** Content-* headers and x-amz-meta-* stored with an object. */
export function attributesFrom(headers: IncomingHttpHeaders): ObjectAttributes {
    const userMetadata: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
        if (name.startsWith('x-amz-meta-') && value !== undefined) {
            userMetadata[name.slice('x-amz-meta-'.length)] = Array.isArray(value)
                ? value.join(',')
                : value;
        }
    }
    const encoding = (header(headers, 'content-encoding') ?? '')
        .split(',')
        .map((e) => e.trim())
        .filter((e) => e !== '' && e.toLowerCase() !== 'aws-chunked')
        .join(',');
    const pick = (name: string): string | undefined => header(headers, name);
    return {
        contentType: pick('content-type') ?? 'binary/octet-stream',
        ...(encoding === '' ? {} : { contentEncoding: encoding }),
        ...optional('contentDisposition', pick('content-disposition')),
        ...optional('contentLanguage', pick('content-language')),
        ...optional('cacheControl', pick('cache-control')),
        ...optional('expires', pick('expires')),
        userMetadata,
    };
}

/** Just the attributes of an object (a copy's starting point), without its key, size, etc. */
export function attributesOf(source: ObjectAttributes): ObjectAttributes {
    return {
        ...optional('contentType', source.contentType),
        ...optional('contentEncoding', source.contentEncoding),
        ...optional('contentDisposition', source.contentDisposition),
        ...optional('contentLanguage', source.contentLanguage),
        ...optional('cacheControl', source.cacheControl),
        ...optional('expires', source.expires),
        userMetadata: source.userMetadata,
    };
}

function optional<K extends string>(
    name: K,
    value: string | undefined,
): Partial<Record<K, string>> {
    return value === undefined ? {} : ({ [name]: value } as Record<K, string>);
}

/** The checksum algorithm named by x-amz-checksum-algorithm / x-amz-sdk-checksum-algorithm. */
export function requestedAlgorithm(headers: IncomingHttpHeaders): ChecksumAlgorithm | undefined {
    const value = (
        header(headers, 'x-amz-checksum-algorithm') ??
        header(headers, 'x-amz-sdk-checksum-algorithm')
    )?.toLowerCase();
    if (value === undefined) {
        return undefined;
    }
    if (!isChecksumAlgorithm(value)) {
        throw s3Errors.invalidRequest(
            `Checksum algorithm provided is unsupported. Please try again with any of the ` +
            `valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]`,
        );
    }
    return value;
}

/** One byte range, inclusive, or undefined when the header is absent or not a single range. */
export function parseRange(
    value: string | undefined,
    size: number,
): { start: number; end: number } | undefined {
    if (value === undefined) {
        return undefined;
    }
    const m = /^bytes=(\d*)-(\d*)$/.exec(value.trim());
    if (m === null || (m[1] === '' && m[2] === '')) {
        return undefined;
    }
    const [, from = '', to = ''] = m;
    if (from === '') {
        const suffix = Number(to);
        if (suffix === 0 || size === 0) {
            throw s3Errors.invalidRange(size, value);
        }
        return { start: Math.max(0, size - suffix), end: size - 1 };
    }
    const start = Number(from);
    const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
    if (to !== '' && Number(to) < start) {
        return undefined;
    }
    if (start >= size) {
        throw s3Errors.invalidRange(size, value);
    }
    return { start, end };
}

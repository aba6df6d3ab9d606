/** ListObjectsV2 / ListObjects over the sorted key index: prefixes, delimiters, paging. */
import type { LocalRequest, LocalResponse } from '../types';
import type { XmlObject } from '../core/xml';
import { isChecksumAlgorithm } from '../core/checksums';
import { s3Errors } from './s3Errors';
import { compareKeys } from './s3Names';
import { requireBucket } from './s3Request';
import { CHECKSUM_ELEMENT, OWNER, isoDate, xmlResponse } from './s3Response';
import type { S3Storage } from './storage';
import type { StoredObject } from './storedRecords';

interface Listing {
    readonly contents: StoredObject[];
    readonly commonPrefixes: string[];
    readonly truncated: boolean;
    /** The last entry returned: a key, or a common prefix. */
    readonly last?: { readonly key: string; readonly isPrefix: boolean };
}

interface ListInput {
    readonly prefix: string;
    readonly delimiter: string;
    readonly maxKeys: number;
    /** Exclusive lower bound. */
    readonly after?: string;
    /** Keys under this (an already returned common prefix) are skipped. */
    readonly skipPrefix?: string;
}

/** Index of the first key that sorts after `bound` (or at it, when `inclusive`). */
function lowerBound(keys: readonly string[], bound: string, inclusive: boolean): number {
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const c = compareKeys(keys[mid] ?? '', bound);
        if (c < 0 || (c === 0 && !inclusive)) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

export function listEntries(storage: S3Storage, bucket: string, input: ListInput): Listing {
    const keys = storage.sortedKeys(bucket);
    const fromPrefix = lowerBound(keys, input.prefix, true);
    const fromAfter = input.after === undefined ? 0 : lowerBound(keys, input.after, false);
    const contents: StoredObject[] = [];
    const commonPrefixes: string[] = [];
    let last: Listing['last'];
    let truncated = false;
    for (let i = Math.max(fromPrefix, fromAfter); i < keys.length; i++) {
        const key = keys[i] ?? '';
        if (!key.startsWith(input.prefix)) {
            break;
        }
        if (input.skipPrefix !== undefined && key.startsWith(input.skipPrefix)) {
            continue;
        }
        let prefix: string | undefined;
        if (input.delimiter !== '') {
            const at = key.indexOf(input.delimiter, input.prefix.length);
            if (at >= 0) {
                prefix = key.slice(0, at + input.delimiter.length);
                if (last?.isPrefix === true && last.key === prefix) {
                    continue;
                }
            }
        }
        if (contents.length + commonPrefixes.length >= input.maxKeys) {
            truncated = true;
            break;
        }
        if (prefix !== undefined) {
            commonPrefixes.push(prefix);
            last = { key: prefix, isPrefix: true };
        } else {
            const object = storage.find(bucket, key);
            if (object !== undefined) {
                contents.push(object);
                last = { key, isPrefix: false };
            }
        }
    }
    return { contents, commonPrefixes, truncated, ...(last === undefined ? {} : { last }) };
}

/** S3's `encoding-type=url`: form-style percent-encoding that keeps `/`. */
function urlEncode(value: string): string {
    return encodeURIComponent(value).replace(/%2F/g, '/').replace(/%20/g, '+');
}

/** What both list versions read first: the bucket (which must exist), prefix, delimiter, size. */
function listQueryOf(
    storage: S3Storage,
    req: LocalRequest,
): { bucket: string; prefix: string; delimiter: string; maxKeys: number } {
    const bucket = requireBucket(req);
    storage.bucketInfo(bucket);
    return {
        bucket,
        prefix: req.query.get('prefix') ?? '',
        delimiter: req.query.get('delimiter') ?? '',
        maxKeys: maxKeysOf(req),
    };
}

function maxKeysOf(req: LocalRequest): number {
    const text = req.query.get('max-keys');
    if (text === null) {
        return 1000;
    }
    const value = Number(text);
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(value)) {
        throw s3Errors.invalidArgument(
            'Provided max-keys not an integer or within integer range',
            'max-keys',
            text,
        );
    }
    return Math.min(value, 1000);
}

function contentsXml(
    objects: readonly StoredObject[],
    encode: (v: string) => string,
    owner: boolean,
): XmlObject[] {
    return objects.map((o) => {
        const algorithms = Object.keys(o.checksums).filter(isChecksumAlgorithm);
        return {
            Key: encode(o.key),
            LastModified: isoDate(o.lastModifiedMs),
            ETag: o.etag,
            ...(algorithms.length > 0
                ? {
                      ChecksumAlgorithm: algorithms.map((a) =>
                          CHECKSUM_ELEMENT[a].replace('Checksum', ''),
                      ),
                      ChecksumType: o.checksumType ?? 'FULL_OBJECT',
                  }
                : {}),
            Size: o.size,
            ...(owner ? { Owner: OWNER } : {}),
            StorageClass: 'STANDARD',
        };
    });
}

interface ContinuationToken {
    readonly k: string;
    readonly p: boolean;
}

function decodeToken(token: string): ContinuationToken {
    try {
        const parsed = JSON.parse(
            Buffer.from(token, 'base64').toString('utf8'),
        ) as Partial<ContinuationToken>;
        if (typeof parsed.k === 'string' && typeof parsed.p === 'boolean') {
            return { k: parsed.k, p: parsed.p };
        }
    } catch {
        // fall through
    }
    throw s3Errors.invalidArgument(
        'The continuation token provided is incorrect',
        'continuation-token',
        token,
    );
}

export function listObjectsV2(storage: S3Storage, req: LocalRequest): LocalResponse {
    const { bucket, prefix, delimiter, maxKeys } = listQueryOf(storage, req);
    const token = req.query.get('continuation-token');
    const startAfter = req.query.get('start-after');
    const encodingType = req.query.get('encoding-type');
    if (encodingType !== null && encodingType !== 'url') {
        throw s3Errors.invalidArgument(
            'Invalid Encoding Method specified in Request',
            'encoding-type',
            encodingType,
        );
    }
    const encode = encodingType === 'url' ? urlEncode : (v: string): string => v;
    const resume = token === null ? undefined : decodeToken(token);
    const after = resume?.k ?? startAfter ?? undefined;
    const listing = listEntries(storage, bucket, {
        prefix,
        delimiter,
        maxKeys,
        ...(after === undefined ? {} : { after }),
        ...(resume?.p === true ? { skipPrefix: resume.k } : {}),
    });
    const next =
        listing.truncated && listing.last !== undefined
            ? Buffer.from(
                  JSON.stringify({ k: listing.last.key, p: listing.last.isPrefix }),
                  'utf8',
              ).toString('base64')
            : undefined;
    return xmlResponse('ListBucketResult', {
        Name: bucket,
        Prefix: encode(prefix),
        ...(token === null ? {} : { ContinuationToken: token }),
        ...(next === undefined ? {} : { NextContinuationToken: next }),
        KeyCount: listing.contents.length + listing.commonPrefixes.length,
        MaxKeys: maxKeys,
        ...(delimiter === '' ? {} : { Delimiter: encode(delimiter) }),
        IsTruncated: listing.truncated,
        ...(startAfter === null ? {} : { StartAfter: encode(startAfter) }),
        Contents: contentsXml(listing.contents, encode, req.query.get('fetch-owner') === 'true'),
        CommonPrefixes: listing.commonPrefixes.map((p) => ({ Prefix: encode(p) })),
        ...(encodingType === null ? {} : { EncodingType: encodingType }),
    });
}

export function listObjectsV1(storage: S3Storage, req: LocalRequest): LocalResponse {
    const { bucket, prefix, delimiter, maxKeys } = listQueryOf(storage, req);
    const marker = req.query.get('marker') ?? '';
    const encodingType = req.query.get('encoding-type');
    const encode = encodingType === 'url' ? urlEncode : (v: string): string => v;
    const markerIsPrefix =
        delimiter !== '' && marker.startsWith(prefix) && marker.endsWith(delimiter);
    const listing = listEntries(storage, bucket, {
        prefix,
        delimiter,
        maxKeys,
        ...(marker === '' ? {} : { after: marker }),
        ...(markerIsPrefix ? { skipPrefix: marker } : {}),
    });
    return xmlResponse('ListBucketResult', {
        Name: bucket,
        Prefix: encode(prefix),
        Marker: encode(marker),
        ...(listing.truncated && delimiter !== '' && listing.last !== undefined
            ? { NextMarker: encode(listing.last.key) }
            : {}),
        MaxKeys: maxKeys,
        ...(delimiter === '' ? {} : { Delimiter: encode(delimiter) }),
        IsTruncated: listing.truncated,
        Contents: contentsXml(listing.contents, encode, true),
        CommonPrefixes: listing.commonPrefixes.map((p) => ({ Prefix: encode(p) })),
        ...(encodingType === null ? {} : { EncodingType: encodingType }),
    });
}

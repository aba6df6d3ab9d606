/** Writing S3 responses: XML documents, object headers, checksums as headers and elements. */
import type { LocalResponse } from '../types';
import { isChecksumAlgorithm } from '../core/checksums';
import type { ChecksumAlgorithm } from '../core/checksums';
import { xmlDocument } from '../core/xml';
import type { XmlObject } from '../core/xml';
import type { StoredObject } from './storedRecords';

export const S3_XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';
export const OWNER = {
    ID: '75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a',
    DisplayName: 'local-user',
};

/** A 200 answer with an S3 XML document (namespaced) as its body. */
export function xmlResponse(
    root: string,
    body: XmlObject,
    headers: Record<string, string> = {},
): LocalResponse {
    return {
        status: 200,
        headers: { 'content-type': 'application/xml', ...headers },
        body: xmlDocument(root, body, S3_XMLNS),
    };
}

export function httpDate(ms: number): string {
    return new Date(ms).toUTCString();
}

export function isoDate(ms: number): string {
    return new Date(ms).toISOString();
}

/** Attributes answered as the same-named headers, exactly as they were stored. */
const HEADER_ATTRIBUTES = [
    ['contentEncoding', 'content-encoding'],
    ['contentDisposition', 'content-disposition'],
    ['contentLanguage', 'content-language'],
    ['cacheControl', 'cache-control'],
    ['expires', 'expires'],
] as const;

/**
 * Headers GetObject and HeadObject answer with. Checksums only for whole-object reads in checksum
 * mode.
 */
export function objectHeaders(
    object: StoredObject,
    withChecksums: boolean,
): Record<string, string> {
    const headers: Record<string, string> = {
        'last-modified': httpDate(object.lastModifiedMs),
        etag: object.etag,
        'accept-ranges': 'bytes',
        'content-type': object.contentType ?? 'binary/octet-stream',
        'x-amz-server-side-encryption': 'AES256',
    };
    for (const [attribute, name] of HEADER_ATTRIBUTES) {
        const value = object[attribute];
        if (value !== undefined) {
            headers[name] = value;
        }
    }
    if (object.partsCount !== undefined) {
        headers['x-amz-mp-parts-count'] = String(object.partsCount);
    }
    for (const [name, value] of Object.entries(object.userMetadata)) {
        headers[`x-amz-meta-${name}`] = value;
    }
    if (withChecksums) {
        Object.assign(headers, checksumHeaders(object.checksums, object.checksumType));
    }
    return headers;
}

export function checksumHeaders(
    checksums: Readonly<Record<string, string>>,
    type?: string,
): Record<string, string> {
    const headers: Record<string, string> = {};
    for (const [algorithm, value] of Object.entries(checksums)) {
        if (isChecksumAlgorithm(algorithm)) {
            headers[`x-amz-checksum-${algorithm}`] = value;
        }
    }
    if (Object.keys(headers).length > 0) {
        headers['x-amz-checksum-type'] = type ?? 'FULL_OBJECT';
    }
    return headers;
}

/** XML element names S3 uses for each checksum algorithm. */
export const CHECKSUM_ELEMENT: Record<ChecksumAlgorithm, string> = {
    crc32: 'ChecksumCRC32',
    crc32c: 'ChecksumCRC32C',
    crc64nvme: 'ChecksumCRC64NVME',
    sha1: 'ChecksumSHA1',
    sha256: 'ChecksumSHA256',
};

export function checksumElements(
    checksums: Readonly<Record<string, string>>,
): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [algorithm, value] of Object.entries(checksums)) {
        if (isChecksumAlgorithm(algorithm)) {
            out[CHECKSUM_ELEMENT[algorithm]] = value;
        }
    }
    return out;
}

/** Single-object operations: Put, Get, Head, Delete, DeleteObjects, Copy. */
import type { LocalRequest, LocalResponse } from '../types';
import { LocalAwsError } from '../types';
import { childText, childrenNamed, parseXml } from '../core/xml';
import type { XmlObject } from '../core/xml';
import {
    checkReadConditions,
    failedWriteCondition,
    refuseIfKeyExists,
    writeConditionsFrom,
} from './conditionalRequests';
import { readSmallBody, receiveBody } from './incomingBody';
import { s3Errors } from './s3Errors';
import {
    attributesFrom,
    attributesOf,
    header,
    parseRange,
    requestedAlgorithm,
    requireBucket,
    requireKey,
} from './s3Request';
import {
    checksumElements,
    checksumHeaders,
    isoDate,
    objectHeaders,
    xmlResponse,
} from './s3Response';
import type { S3Storage } from './storage';

export async function putObject(storage: S3Storage, req: LocalRequest): Promise<LocalResponse> {
    const { bucket, key } = requireKey(req);
    storage.bucketInfo(bucket);
    const conditions = writeConditionsFrom(req.headers);
    refuseIfKeyExists(conditions, storage.find(bucket, key));
    const algorithm = requestedAlgorithm(req.headers);
    const { temp, checksums } = await receiveBody(storage, req, algorithm);
    const stored = await storage.commit(
        bucket,
        temp,
        {
            key,
            etag: `"${temp.md5Hex}"`,
            ...attributesFrom(req.headers),
            checksums,
            ...(Object.keys(checksums).length > 0 ? { checksumType: 'FULL_OBJECT' as const } : {}),
        },
        conditions,
    );
    return {
        status: 200,
        headers: {
            etag: stored.etag,
            'x-amz-server-side-encryption': 'AES256',
            ...checksumHeaders(stored.checksums, stored.checksumType),
        },
    };
}

const RESPONSE_OVERRIDES: ReadonlyArray<[string, string]> = [
    ['response-content-type', 'content-type'],
    ['response-content-disposition', 'content-disposition'],
    ['response-content-encoding', 'content-encoding'],
    ['response-content-language', 'content-language'],
    ['response-cache-control', 'cache-control'],
    ['response-expires', 'expires'],
];

export function getObject(storage: S3Storage, req: LocalRequest, headOnly: boolean): LocalResponse {
    const { bucket, key } = requireKey(req);
    const object = storage.head(bucket, key);
    const conditional = checkReadConditions(req, object);
    if (conditional !== undefined) {
        return conditional;
    }
    const range = parseRange(header(req.headers, 'range'), object.size);
    const checksumMode = header(req.headers, 'x-amz-checksum-mode')?.toUpperCase() === 'ENABLED';
    const headers = objectHeaders(object, checksumMode && range === undefined);
    for (const [param, name] of RESPONSE_OVERRIDES) {
        const value = req.query.get(param);
        if (value !== null) {
            headers[name] = value;
        }
    }
    if (range === undefined) {
        headers['content-length'] = String(object.size);
        return {
            status: 200,
            headers,
            ...(headOnly || object.size === 0 ? {} : { body: storage.read(bucket, object) }),
        };
    }
    headers['content-length'] = String(range.end - range.start + 1);
    headers['content-range'] = `bytes ${range.start}-${range.end}/${object.size}`;
    return {
        status: 206,
        headers,
        ...(headOnly ? {} : { body: storage.read(bucket, object, range.start, range.end) }),
    };
}

export async function deleteObject(storage: S3Storage, req: LocalRequest): Promise<LocalResponse> {
    const { bucket, key } = requireKey(req);
    storage.bucketInfo(bucket);
    const ifMatch = header(req.headers, 'if-match');
    const failed = failedWriteCondition(
        storage.find(bucket, key),
        ifMatch === undefined ? {} : { ifMatch },
        key,
    );
    if (failed !== undefined) {
        throw failed;
    }
    await storage.deleteObject(bucket, key);
    return { status: 204 };
}

export async function deleteObjects(storage: S3Storage, req: LocalRequest): Promise<LocalResponse> {
    const bucket = requireBucket(req);
    storage.bucketInfo(bucket);
    let keys: string[];
    let quiet: boolean;
    try {
        const root = parseXml((await readSmallBody(req)).toString('utf8'));
        if (root.name !== 'Delete') {
            throw new Error('not a Delete document');
        }
        quiet = childText(root, 'Quiet') === 'true';
        keys = childrenNamed(root, 'Object').map((o) => childText(o, 'Key') ?? '');
    } catch (error) {
        if (error instanceof LocalAwsError) {
            throw error;
        }
        throw s3Errors.malformedXml();
    }
    if (keys.length === 0 || keys.length > 1000) {
        throw s3Errors.malformedXml();
    }
    const deleted: XmlObject[] = [];
    for (const key of keys) {
        await storage.deleteObject(bucket, key);
        if (!quiet) {
            deleted.push({ Key: key });
        }
    }
    return xmlResponse('DeleteResult', { Deleted: deleted });
}

function parseCopySource(value: string): { bucket: string; key: string } {
    const withoutVersion = value.split('?')[0] ?? '';
    let decoded: string;
    try {
        decoded = decodeURIComponent(withoutVersion);
    } catch {
        throw s3Errors.invalidArgument('Invalid copy source encoding', 'x-amz-copy-source', value);
    }
    const path = decoded.startsWith('/') ? decoded.slice(1) : decoded;
    const slash = path.indexOf('/');
    if (slash <= 0 || slash === path.length - 1) {
        throw s3Errors.invalidArgument(
            'Copy Source must mention the source bucket and key: sourcebucket/sourcekey',
            'x-amz-copy-source',
            value,
        );
    }
    return { bucket: path.slice(0, slash), key: path.slice(slash + 1) };
}

export async function copyObject(storage: S3Storage, req: LocalRequest): Promise<LocalResponse> {
    const { bucket, key } = requireKey(req);
    storage.bucketInfo(bucket);
    const source = parseCopySource(header(req.headers, 'x-amz-copy-source') ?? '');
    const from = storage.head(source.bucket, source.key);
    const replace = header(req.headers, 'x-amz-metadata-directive')?.toUpperCase() === 'REPLACE';
    if (!replace && source.bucket === bucket && source.key === key) {
        throw s3Errors.invalidRequest(
            'This copy request is illegal because it is trying to copy an object to itself ' +
            'without changing ' +
                "the object's metadata, storage class, website redirect location or encryption " +
                "attributes.",
        );
    }
    const algorithm = requestedAlgorithm(req.headers);
    const fullChecksums = Object.entries(from.checksums).filter(
        () => from.checksumType !== 'COMPOSITE',
    );
    const temp = await storage.writeTemp(
        storage.read(source.bucket, from),
        algorithm === undefined ? [] : [algorithm],
    );
    const checksums = { ...Object.fromEntries(fullChecksums), ...temp.checksums };
    const stored = await storage.commit(bucket, temp, {
        key,
        etag: `"${temp.md5Hex}"`,
        ...attributesOf(replace ? attributesFrom(req.headers) : from),
        checksums,
        ...(Object.keys(checksums).length > 0 ? { checksumType: 'FULL_OBJECT' as const } : {}),
    });
    return xmlResponse(
        'CopyObjectResult',
        {
            ETag: stored.etag,
            LastModified: isoDate(stored.lastModifiedMs),
            ...checksumElements(stored.checksums),
        },
        { 'x-amz-server-side-encryption': 'AES256' },
    );
}

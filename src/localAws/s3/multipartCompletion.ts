/**
 * CompleteMultipartUpload's work: reading the requested part list, checking it against the parts
 * received, and joining those parts into one object with its multipart ETag and checksum.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { LocalRequest } from '../types';
import { LocalAwsError } from '../types';
import { createHasher, isChecksumAlgorithm } from '../core/checksums';
import type { ChecksumAlgorithm } from '../core/checksums';
import { childText, childrenNamed, parseXml } from '../core/xml';
import type { XmlElement } from '../core/xml';
import type { WriteConditions } from './conditionalRequests';
import { s3Errors } from './s3Errors';
import { header } from './s3Request';
import { CHECKSUM_ELEMENT } from './s3Response';
import type { S3Storage } from './storage';
import type { StoredObject } from './storedRecords';
import type { Part, Upload } from './uploadRecords';

const MIN_PART_BYTES = 5 * 1024 * 1024;

export interface RequestedPart {
    readonly number: number;
    readonly etag: string;
    readonly checksums: Record<string, string>;
}

export function parseCompleteBody(text: string): RequestedPart[] {
    let root: XmlElement;
    try {
        root = parseXml(text);
    } catch {
        throw s3Errors.malformedXml();
    }
    if (root.name !== 'CompleteMultipartUpload') {
        throw s3Errors.malformedXml();
    }
    return childrenNamed(root, 'Part').map((part) => {
        const number = Number(childText(part, 'PartNumber'));
        const etag = childText(part, 'ETag');
        if (!Number.isInteger(number) || etag === undefined) {
            throw s3Errors.malformedXml();
        }
        const checksums: Record<string, string> = {};
        for (const [algorithm, element] of Object.entries(CHECKSUM_ELEMENT)) {
            const value = childText(part, element);
            if (value !== undefined && isChecksumAlgorithm(algorithm)) {
                checksums[algorithm] = value;
            }
        }
        return { number, etag, checksums };
    });
}

/** The parts to join, in order; every part but the last must be at least 5 MiB. */
export function validateParts(upload: Upload, requested: RequestedPart[]): Part[] {
    if (requested.length === 0) {
        throw s3Errors.malformedXml();
    }
    const parts: Part[] = [];
    let previousNumber = 0;
    for (const item of requested) {
        if (item.number <= previousNumber) {
            throw s3Errors.invalidPartOrder();
        }
        previousNumber = item.number;
        const part = upload.parts.get(item.number);
        if (part === undefined || part.etag.replace(/"/g, '') !== item.etag.replace(/"/g, '')) {
            throw s3Errors.invalidPart();
        }
        for (const [algorithm, value] of Object.entries(item.checksums)) {
            if (part.checksums[algorithm] !== value) {
                throw s3Errors.invalidPart();
            }
        }
        parts.push(part);
    }
    parts.forEach((part, index) => {
        if (index < parts.length - 1 && part.size < MIN_PART_BYTES) {
            throw s3Errors.entityTooSmall(part, MIN_PART_BYTES);
        }
    });
    return parts;
}

/** Joins the parts into the upload's object, if the write conditions still hold. */
export async function assemble(
    storage: S3Storage,
    upload: Upload,
    parts: Part[],
    conditions: WriteConditions,
    req: LocalRequest,
): Promise<StoredObject> {
    const algorithm = upload.algorithm;
    const fullObject = algorithm !== undefined && upload.checksumType === 'FULL_OBJECT';
    const temp = await storage.writeTemp(
        parts.map((part) => () => createReadStream(part.path, { highWaterMark: 4 * 1024 * 1024 })),
        fullObject ? [algorithm] : [],
        false,
    );
    const etagHash = createHash('md5');
    for (const part of parts) {
        etagHash.update(part.md5);
    }
    const checksums: Record<string, string> = {};
    if (algorithm !== undefined) {
        if (fullObject) {
            const value = temp.checksums[algorithm] ?? '';
            const claimed = header(req.headers, `x-amz-checksum-${algorithm}`);
            if (claimed !== undefined && claimed !== value) {
                await storage.discardTemp(temp);
                throw new LocalAwsError(
                    'BadDigest',
                    400,
                    `The ${algorithm.toUpperCase()} you specified did not match the ` +
                        `calculated checksum.`,
                );
            }
            checksums[algorithm] = value;
        } else if (parts.every((p) => p.checksums[algorithm] !== undefined)) {
            checksums[algorithm] = compositeChecksum(parts, algorithm);
        }
    }
    return storage.commit(
        upload.bucket,
        temp,
        {
            key: upload.key,
            etag: `"${etagHash.digest('hex')}-${parts.length}"`,
            ...upload.attributes,
            checksums,
            ...(Object.keys(checksums).length > 0 ? { checksumType: upload.checksumType } : {}),
            partsCount: parts.length,
        },
        conditions,
    );
}

/** A checksum of the parts' checksums, suffixed with the part count. */
function compositeChecksum(parts: readonly Part[], algorithm: ChecksumAlgorithm): string {
    const hasher = createHasher(algorithm);
    for (const part of parts) {
        hasher.update(Buffer.from(part.checksums[algorithm] ?? '', 'base64'));
    }
    return `${hasher.digest().toString('base64')}-${parts.length}`;
}

/** Multipart uploads: parts land on disk in any order and are joined on completion. */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { LocalRequest, LocalResponse } from '../types';
import { refuseIfKeyExists, writeConditionsFrom } from './conditionalRequests';
import { readSmallBody, receiveBody } from './incomingBody';
import { assemble, parseCompleteBody, validateParts } from './multipartCompletion';
import { listParts, listUploads } from './multipartListing';
import { s3Errors } from './s3Errors';
import {
    attributesFrom,
    header,
    requestedAlgorithm,
    requireBucket,
    requireKey,
} from './s3Request';
import { checksumElements, checksumHeaders, xmlResponse } from './s3Response';
import type { S3Storage } from './storage';
import type { Upload } from './uploadRecords';

export class MultipartUploads {
    private readonly uploads = new Map<string, Upload>();

    constructor(private readonly storage: S3Storage) {}

    /** Open uploads, for tests. */
    list(): Array<{ id: string; bucket: string; key: string; parts: number }> {
        return [...this.uploads.values()].map((u) => ({
            id: u.id,
            bucket: u.bucket,
            key: u.key,
            parts: u.parts.size,
        }));
    }

    async create(req: LocalRequest): Promise<LocalResponse> {
        const { bucket, key } = requireKey(req);
        this.storage.bucketInfo(bucket);
        const algorithm = requestedAlgorithm(req.headers);
        const typeHeader = header(req.headers, 'x-amz-checksum-type')?.toUpperCase();
        if (
            typeHeader !== undefined &&
            typeHeader !== 'COMPOSITE' &&
            typeHeader !== 'FULL_OBJECT'
        ) {
            throw s3Errors.invalidRequest('Value for x-amz-checksum-type header is invalid.');
        }
        const checksumType =
            typeHeader ?? (algorithm === 'crc64nvme' ? 'FULL_OBJECT' : 'COMPOSITE');
        if (checksumType === 'FULL_OBJECT' && (algorithm === 'sha1' || algorithm === 'sha256')) {
            throw s3Errors.invalidRequest(
                `The FULL_OBJECT checksum type cannot be used with the ${algorithm} checksum ` +
                    `algorithm.`,
            );
        }
        const id = randomBytes(48).toString('base64url');
        await mkdir(this.storage.uploadDir(id), { recursive: true });
        this.uploads.set(id, {
            id,
            bucket,
            key,
            initiatedMs: Date.now(),
            attributes: attributesFrom(req.headers),
            ...(algorithm === undefined ? {} : { algorithm }),
            checksumType,
            parts: new Map(),
            completing: false,
        });
        return xmlResponse(
            'InitiateMultipartUploadResult',
            { Bucket: bucket, Key: key, UploadId: id },
            algorithm === undefined
                ? {}
                : {
                      'x-amz-checksum-algorithm': algorithm.toUpperCase(),
                      'x-amz-checksum-type': checksumType,
                  },
        );
    }

    async uploadPart(req: LocalRequest): Promise<LocalResponse> {
        const upload = this.upload(req);
        const numberText = req.query.get('partNumber') ?? '';
        const number = Number(numberText);
        if (!/^\d+$/.test(numberText) || number < 1 || number > 10000) {
            throw s3Errors.invalidArgument(
                'Part number must be an integer between 1 and 10000, inclusive',
                'partNumber',
                numberText,
            );
        }
        const { temp, checksums } = await receiveBody(this.storage, req, upload.algorithm);
        if (!this.uploads.has(upload.id)) {
            await this.storage.discardTemp(temp);
            throw s3Errors.noSuchUpload(upload.id);
        }
        const path = join(
            this.storage.uploadDir(upload.id),
            `part-${number}-${randomBytes(4).toString('hex')}`,
        );
        await rename(temp.path, path);
        const previous = upload.parts.get(number);
        upload.parts.set(number, {
            number,
            etag: `"${temp.md5Hex}"`,
            md5: Buffer.from(temp.md5Hex, 'hex'),
            size: temp.size,
            lastModifiedMs: Date.now(),
            path,
            checksums,
        });
        if (previous !== undefined) {
            await rm(previous.path, { force: true });
        }
        return {
            status: 200,
            headers: {
                etag: `"${temp.md5Hex}"`,
                'x-amz-server-side-encryption': 'AES256',
                ...stripType(checksumHeaders(checksums)),
            },
        };
    }

    async complete(req: LocalRequest, endpointHost: string): Promise<LocalResponse> {
        const upload = this.upload(req);
        const requested = parseCompleteBody((await readSmallBody(req)).toString('utf8'));
        const conditions = writeConditionsFrom(req.headers);
        refuseIfKeyExists(conditions, this.storage.find(upload.bucket, upload.key));
        const parts = validateParts(upload, requested);
        if (upload.completing) {
            throw s3Errors.conditionalRequestConflict();
        }
        upload.completing = true;
        try {
            const stored = await assemble(this.storage, upload, parts, conditions, req);
            await this.forget(upload);
            return xmlResponse('CompleteMultipartUploadResult', {
                Location: `http://${endpointHost}/${upload.bucket}/${encodeKeyPath(upload.key)}`,
                Bucket: upload.bucket,
                Key: upload.key,
                ETag: stored.etag,
                ...checksumElements(stored.checksums),
                ...(stored.checksumType === undefined ? {} : { ChecksumType: stored.checksumType }),
            });
        } finally {
            upload.completing = false;
        }
    }

    async abort(req: LocalRequest): Promise<LocalResponse> {
        await this.forget(this.upload(req));
        return { status: 204 };
    }

    listParts(req: LocalRequest): LocalResponse {
        return listParts(this.upload(req), req);
    }

    listUploads(req: LocalRequest): LocalResponse {
        const bucket = requireBucket(req);
        this.storage.bucketInfo(bucket);
        return listUploads(this.uploads.values(), bucket, req);
    }

    /** The open upload the request names, in the bucket and key it names. */
    private upload(req: LocalRequest): Upload {
        const { bucket, key } = requireKey(req);
        this.storage.bucketInfo(bucket);
        const id = req.query.get('uploadId') ?? '';
        const upload = this.uploads.get(id);
        if (upload?.bucket !== bucket || upload.key !== key) {
            throw s3Errors.noSuchUpload(id);
        }
        return upload;
    }

    private async forget(upload: Upload): Promise<void> {
        this.uploads.delete(upload.id);
        await rm(this.storage.uploadDir(upload.id), { recursive: true, force: true });
    }
}

/** UploadPart answers with part checksums but without a checksum type. */
function stripType(headers: Record<string, string>): Record<string, string> {
    return Object.fromEntries(
        Object.entries(headers).filter(([name]) => name !== 'x-amz-checksum-type'),
    );
}

function encodeKeyPath(key: string): string {
    return encodeURIComponent(key).replace(/%2F/g, '/');
}

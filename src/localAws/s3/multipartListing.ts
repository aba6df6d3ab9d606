/** ListParts and ListMultipartUploads: pages of an upload's parts or of a bucket's open uploads. */
import type { LocalRequest, LocalResponse } from '../types';
import { s3Errors } from './s3Errors';
import { OWNER, checksumElements, isoDate, xmlResponse } from './s3Response';
import type { Upload } from './uploadRecords';

export function listParts(upload: Upload, req: LocalRequest): LocalResponse {
    const marker = Number(req.query.get('part-number-marker') ?? '0');
    const maxParts = Math.min(Number(req.query.get('max-parts') ?? '1000'), 1000);
    if (!Number.isInteger(marker) || !Number.isInteger(maxParts) || maxParts < 0) {
        throw s3Errors.invalidArgument('max-parts and part-number-marker must be integers');
    }
    const all = [...upload.parts.values()]
        .sort((a, b) => a.number - b.number)
        .filter((p) => p.number > marker);
    const page = all.slice(0, maxParts);
    const truncated = all.length > page.length;
    return xmlResponse('ListPartsResult', {
        Bucket: upload.bucket,
        Key: upload.key,
        UploadId: upload.id,
        PartNumberMarker: marker,
        ...(truncated ? { NextPartNumberMarker: page[page.length - 1]?.number ?? marker } : {}),
        MaxParts: maxParts,
        IsTruncated: truncated,
        Part: page.map((p) => ({
            PartNumber: p.number,
            LastModified: isoDate(p.lastModifiedMs),
            ETag: p.etag,
            Size: p.size,
            ...checksumElements(p.checksums),
        })),
        Initiator: OWNER,
        Owner: OWNER,
        StorageClass: 'STANDARD',
        ...(upload.algorithm === undefined
            ? {}
            : {
                  ChecksumAlgorithm: upload.algorithm.toUpperCase(),
                  ChecksumType: upload.checksumType,
              }),
    });
}

/** `uploads` are every open upload; those of `bucket` under the prefix are listed. */
export function listUploads(
    uploads: Iterable<Upload>,
    bucket: string,
    req: LocalRequest,
): LocalResponse {
    const prefix = req.query.get('prefix') ?? '';
    const keyMarker = req.query.get('key-marker') ?? '';
    const idMarker = req.query.get('upload-id-marker') ?? '';
    const maxUploads = Math.min(Number(req.query.get('max-uploads') ?? '1000'), 1000);
    const all = [...uploads]
        .filter((u) => u.bucket === bucket && u.key.startsWith(prefix))
        .sort((a, b) =>
            a.key === b.key ? a.initiatedMs - b.initiatedMs : a.key < b.key ? -1 : 1,
        )
        .filter(
            (u) =>
                keyMarker === '' ||
                u.key > keyMarker ||
                (u.key === keyMarker && idMarker !== '' && u.id > idMarker),
        );
    const page = all.slice(0, maxUploads);
    const truncated = all.length > page.length;
    const last = page[page.length - 1];
    return xmlResponse('ListMultipartUploadsResult', {
        Bucket: bucket,
        KeyMarker: keyMarker,
        UploadIdMarker: idMarker,
        ...(truncated && last !== undefined
            ? { NextKeyMarker: last.key, NextUploadIdMarker: last.id }
            : {}),
        ...(prefix === '' ? {} : { Prefix: prefix }),
        MaxUploads: maxUploads,
        IsTruncated: truncated,
        Upload: page.map((u) => ({
            Key: u.key,
            UploadId: u.id,
            Initiator: OWNER,
            Owner: OWNER,
            StorageClass: 'STANDARD',
            Initiated: isoDate(u.initiatedMs),
            ...(u.algorithm === undefined
                ? {}
                : { ChecksumAlgorithm: u.algorithm.toUpperCase() }),
        })),
    });
}

/**
 * Bucket-level operations: ListBuckets, CreateBucket, HeadBucket, DeleteBucket, GetBucketLocation.
 */
import type { LocalRequest, LocalResponse } from '../types';
import { parseXml, childText } from '../core/xml';
import { readSmallBody } from './incomingBody';
import { s3Errors } from './s3Errors';
import { requireBucket } from './s3Request';
import { OWNER, S3_XMLNS, isoDate, xmlResponse } from './s3Response';
import type { S3Storage } from './storage';

export function listBuckets(storage: S3Storage, req: LocalRequest): LocalResponse {
    const prefix = req.query.get('prefix') ?? '';
    const buckets = storage.listBuckets().filter((b) => b.name.startsWith(prefix));
    return xmlResponse('ListAllMyBucketsResult', {
        Owner: OWNER,
        Buckets: {
            Bucket: buckets.map((b) => ({
                Name: b.name,
                CreationDate: isoDate(b.creationMs),
                BucketRegion: b.region,
            })),
        },
        ...(prefix === '' ? {} : { Prefix: prefix }),
    });
}

export async function createBucket(storage: S3Storage, req: LocalRequest): Promise<LocalResponse> {
    const bucket = requireBucket(req);
    const body = await readSmallBody(req, 64 * 1024);
    let region = req.region;
    if (body.length > 0) {
        try {
            const root = parseXml(body.toString('utf8'));
            region = childText(root, 'LocationConstraint') ?? region;
        } catch {
            throw s3Errors.malformedXml();
        }
    }
    await storage.createBucket(bucket, region);
    return { status: 200, headers: { location: `/${bucket}` } };
}

export function headBucket(storage: S3Storage, req: LocalRequest): LocalResponse {
    const info = storage.bucketInfo(requireBucket(req));
    return {
        status: 200,
        headers: { 'x-amz-bucket-region': info.region, 'x-amz-access-point-alias': 'false' },
    };
}

export async function deleteBucket(storage: S3Storage, req: LocalRequest): Promise<LocalResponse> {
    await storage.deleteBucket(requireBucket(req));
    return { status: 204 };
}

export function getBucketLocation(storage: S3Storage, req: LocalRequest): LocalResponse {
    const info = storage.bucketInfo(requireBucket(req));
    return {
        status: 200,
        headers: { 'content-type': 'application/xml' },
        body:
            `<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint xmlns="${S3_XMLNS}">` +
            `${info.region === 'us-east-1' ? '' : info.region}</LocationConstraint>`,
    };
}

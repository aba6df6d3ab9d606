import type { S3Client } from '@aws-sdk/client-s3';
import type { AwsSdk } from '../aws/loadSdk';
import type { RemoteObject } from './fileDigest';
import type { UploadLeftover } from './uploadLeftovers';

/** Object metadata the extension writes: the content's SHA-256 and which upload created it. */
export const SHA256_METADATA = 'bedrock-batch-sha256';
export const UPLOAD_METADATA = 'bedrock-batch-upload';

export interface HeadResult extends RemoteObject {
    readonly uploadMarker: string | undefined;
}

function statusOf(error: unknown): number | undefined {
    return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}

function nameOf(error: unknown): string | undefined {
    const name = (error as { name?: unknown }).name;
    return typeof name === 'string' ? name : undefined;
}

export function isNotFound(error: unknown): boolean {
    const name = nameOf(error);
    return name === 'NotFound' || name === 'NoSuchKey' || statusOf(error) === 404;
}

/** A conditional write lost: the key was created by someone else meanwhile. */
export function isPreconditionFailed(error: unknown): boolean {
    const name = nameOf(error);
    return (
        name === 'PreconditionFailed' ||
        name === 'ConditionalRequestConflict' ||
        statusOf(error) === 412 ||
        statusOf(error) === 409
    );
}

export async function headObject(
    sdk: AwsSdk,
    s3: S3Client,
    bucket: string,
    key: string,
): Promise<HeadResult | undefined> {
    try {
        const head = await s3.send(new sdk.HeadObjectCommand({ Bucket: bucket, Key: key }));
        return {
            size: head.ContentLength,
            etag: head.ETag,
            sha256: head.Metadata?.[SHA256_METADATA],
            uploadMarker: head.Metadata?.[UPLOAD_METADATA],
        };
    } catch (error) {
        if (isNotFound(error)) {
            return undefined;
        }
        throw error;
    }
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface UploadTarget {
    readonly bucket: string;
    readonly key: string;
    /** Whether the upload was big enough to go multipart. */
    readonly multipart: boolean;
    /** The multipart upload's id, once CreateMultipartUpload answered. */
    readonly uploadId: string | undefined;
    /** The upload's own metadata value: an object carrying it was written by this upload. */
    readonly marker: string;
    readonly startedAt: number;
}

/**
 * After a failed or cancelled upload: aborts the multipart upload it started and deletes the
 * object if it managed to complete it, then looks again until nothing is left. Every call may
 * fail (the connection that broke the upload may still be down), so it tries a few rounds, ever
 * further apart, and returns what it could not remove (empty when clean).
 */
export async function removeUploadLeftovers(
    sdk: AwsSdk,
    s3: S3Client,
    target: UploadTarget,
    rounds = 4,
): Promise<UploadLeftover[]> {
    let left: UploadLeftover[] = [];
    for (let round = 0; round < rounds; round++) {
        if (round > 0) {
            await pause(Math.min(500 * 2 ** (round - 1), 4000));
        }
        const step = await removeOnce(sdk, s3, target);
        left = step.left;
        // A round that removed something is checked by the next one.
        if (left.length === 0 && !step.removed) {
            return [];
        }
    }
    return left;
}

async function removeOnce(
    sdk: AwsSdk,
    s3: S3Client,
    target: UploadTarget,
): Promise<{ removed: boolean; left: UploadLeftover[] }> {
    const { bucket, key } = target;
    const left: UploadLeftover[] = [];
    let removed = false;
    if (target.multipart) {
        const ids = new Set(target.uploadId === undefined ? [] : [target.uploadId]);
        // An upload whose creation answer was lost (the SDK then creates another) or came after
        // a cancel has an id nobody saw: found by key and time.
        try {
            for (const id of await recentUploads(sdk, s3, target)) {
                ids.add(id);
            }
        } catch {
            if (target.uploadId === undefined) {
                left.push({ kind: 'multipartUpload', bucket, key });
            }
        }
        for (const uploadId of ids) {
            try {
                await s3.send(
                    new sdk.AbortMultipartUploadCommand({
                        Bucket: bucket,
                        Key: key,
                        UploadId: uploadId,
                    }),
                );
                removed = true;
            } catch (error) {
                if (nameOf(error) !== 'NoSuchUpload' && statusOf(error) !== 404) {
                    left.push({ kind: 'multipartUpload', bucket, key, uploadId });
                }
            }
        }
    }
    try {
        const head = await headObject(sdk, s3, bucket, key);
        if (head?.uploadMarker === target.marker) {
            await s3.send(new sdk.DeleteObjectCommand({ Bucket: bucket, Key: key }));
            removed = true;
        }
    } catch {
        left.push({ kind: 'object', bucket, key });
    }
    return { removed, left };
}

async function recentUploads(sdk: AwsSdk, s3: S3Client, target: UploadTarget): Promise<string[]> {
    const listed = await s3.send(
        new sdk.ListMultipartUploadsCommand({ Bucket: target.bucket, Prefix: target.key }),
    );
    return (listed.Uploads ?? [])
        .filter(
            (u) =>
                u.Key === target.key &&
                u.UploadId !== undefined &&
                (u.Initiated?.getTime() ?? 0) >= target.startedAt - 60_000,
        )
        .map((u) => u.UploadId ?? '');
}

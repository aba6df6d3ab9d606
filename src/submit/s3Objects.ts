import type { S3Client } from '@aws-sdk/client-s3';
import type { AwsSdk } from '../aws/loadSdk';
import type { RemoteObject } from './fileDigest';

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

/**
 * After a cancelled upload: aborts every multipart upload this upload may have started for the
 * key and deletes the object if this upload managed to complete it, then checks again until
 * nothing is left. Returns what could not be removed (empty when clean).
 */
export async function removeUploadLeftovers(
    sdk: AwsSdk,
    s3: S3Client,
    target: {
        bucket: string;
        key: string;
        uploadId: string | undefined;
        marker: string;
        startedAt: number;
    },
): Promise<string[]> {
    let leftovers: string[] = [];
    for (let round = 0; round < 10; round++) {
        leftovers = [];
        const listed = await s3.send(
            new sdk.ListMultipartUploadsCommand({ Bucket: target.bucket, Prefix: target.key }),
        );
        const ours = (listed.Uploads ?? []).filter(
            (u) =>
                u.Key === target.key &&
                (u.UploadId === target.uploadId ||
                    (u.Initiated?.getTime() ?? 0) >= target.startedAt - 60_000),
        );
        for (const upload of ours) {
            try {
                await s3.send(
                    new sdk.AbortMultipartUploadCommand({
                        Bucket: target.bucket,
                        Key: target.key,
                        UploadId: upload.UploadId,
                    }),
                );
            } catch (error) {
                if (nameOf(error) !== 'NoSuchUpload') {
                    leftovers.push(`multipart upload ${upload.UploadId ?? ''} (${String(error)})`);
                }
            }
        }
        const head = await headObject(sdk, s3, target.bucket, target.key);
        if (head?.uploadMarker === target.marker) {
            await s3.send(new sdk.DeleteObjectCommand({ Bucket: target.bucket, Key: target.key }));
        }
        if (ours.length === 0 && head?.uploadMarker !== target.marker && leftovers.length === 0) {
            return [];
        }
        await pause(300);
    }
    return leftovers.length > 0
        ? leftovers
        : [`s3://${target.bucket}/${target.key} or its multipart upload`];
}

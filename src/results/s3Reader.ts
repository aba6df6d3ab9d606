/** S3Reader over the extension's SDK clients: ListObjectsV2 pages and streamed GetObject bodies. */
import type { AwsClients } from '../aws/clients';
import type { S3Object, S3Reader } from './downloadObjects';

export function sdkS3Reader(aws: AwsClients, region: string): S3Reader {
    return {
        async list(bucket, prefix, signal) {
            const sdk = aws.sdk();
            const client = aws.s3(region);
            const objects: S3Object[] = [];
            let token: string | undefined;
            do {
                const page = await client.send(
                    new sdk.ListObjectsV2Command({
                        Bucket: bucket,
                        Prefix: prefix,
                        ContinuationToken: token,
                    }),
                    abortOption(signal),
                );
                for (const item of page.Contents ?? []) {
                    if (item.Key !== undefined) {
                        objects.push({ key: item.Key, size: item.Size ?? 0 });
                    }
                }
                token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
            } while (token !== undefined);
            return objects;
        },
        async get(bucket, key, signal) {
            const sdk = aws.sdk();
            const response = await aws
                .s3(region)
                .send(new sdk.GetObjectCommand({ Bucket: bucket, Key: key }), abortOption(signal));
            const body = response.Body;
            if (body === undefined || !isAsyncIterable(body)) {
                throw new Error(`S3 returned no readable body for ${key}`);
            }
            return body;
        },
    };
}

function abortOption(signal: AbortSignal | undefined): { abortSignal?: AbortSignal } {
    return signal === undefined ? {} : { abortSignal: signal };
}

/** In Node the body is an IncomingMessage, which iterates as Buffers. */
function isAsyncIterable(value: unknown): value is AsyncIterable<Uint8Array> {
    return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/**
 * The body of an S3 request, as the core decoded it: read whole when small (XML documents), or
 * streamed to a temp file with the checksums S3 will store.
 */
import { Readable } from 'node:stream';
import type { LocalRequest } from '../types';
import { LocalAwsError } from '../types';
import type { ChecksumAlgorithm } from '../core/checksums';
import { readAll } from '../core/requestBody';
import { header } from './s3Request';
import type { S3Storage } from './storage';
import type { WrittenTemp } from './tempFiles';

export async function readSmallBody(req: LocalRequest, limit = 2 * 1024 * 1024): Promise<Buffer> {
    return readAll(
        bodyOf(req),
        limit,
        () => new LocalAwsError('MaxMessageLengthExceeded', 400, 'Your request was too big.'),
    );
}

/**
 * Writes the body to a temp file and returns it with its checksums: the client's own, which the
 * core verified, and `algorithm` computed here when the client only named it.
 */
export async function receiveBody(
    storage: S3Storage,
    req: LocalRequest,
    algorithm: ChecksumAlgorithm | undefined,
): Promise<{ temp: WrittenTemp; checksums: Record<string, string> }> {
    const temp = await storage.writeTemp(bodyOf(req), algorithmsToCompute(req, algorithm));
    const checksums = { ...temp.checksums, ...verifiedChecksums(req) };
    return { temp, checksums };
}

/** The decoded request body; `req.checksums` is complete once it has been read. */
function bodyOf(req: LocalRequest): Readable {
    return req.stream ?? Readable.from([req.body]);
}

function verifiedChecksums(req: LocalRequest): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [algorithm, value] of req.checksums ?? new Map<string, string>()) {
        if (algorithm !== 'md5') {
            out[algorithm] = value;
        }
    }
    return out;
}

/** The named algorithm, unless the client sends that checksum itself (the core verifies those). */
function algorithmsToCompute(
    req: LocalRequest,
    algorithm: ChecksumAlgorithm | undefined,
): ChecksumAlgorithm[] {
    if (algorithm === undefined) {
        return [];
    }
    const trailer = (header(req.headers, 'x-amz-trailer') ?? '').toLowerCase();
    const sent =
        header(req.headers, `x-amz-checksum-${algorithm}`) !== undefined ||
        trailer.includes(`x-amz-checksum-${algorithm}`);
    return sent ? [] : [algorithm];
}

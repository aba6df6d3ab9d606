/**
 * Turns the bytes on the wire into the body a service sees: aws-chunked framing removed (signed
 * chunks verified), checksums and the payload hash verified at the end, gzip undone when asked.
 */
import type { IncomingMessage } from 'node:http';
import { PassThrough, Transform, pipeline } from 'node:stream';
import type { Readable, TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { LocalAwsError } from '../types';
import { AwsChunkedDecoder } from './awsChunked';
import type { ChunkSigning } from './awsChunked';
import { CHECKSUM_ALGORITHMS, createHasher } from './checksums';
import type { ChecksumAlgorithm, ChecksumHasher } from './checksums';

export interface BodyPlan {
    readonly chunked: boolean;
    readonly chunkSigning?: ChunkSigning;
    readonly gunzip: boolean;
    /** Hex sha256 the payload must have (S3 x-amz-content-sha256), checked at the end. */
    readonly expectedSha256?: string;
    /** Checksums declared in headers, by algorithm (md5 from Content-MD5), base64. */
    readonly declared: ReadonlyMap<ChecksumAlgorithm | 'md5', string>;
    /** Algorithms announced in x-amz-trailer. */
    readonly trailerAlgorithms: readonly ChecksumAlgorithm[];
    /** x-amz-decoded-content-length, when chunked. */
    readonly decodedLength?: number;
}

const DIGEST_BYTES: Record<ChecksumAlgorithm | 'md5', number> = {
    crc32: 4,
    crc32c: 4,
    crc64nvme: 8,
    sha1: 20,
    sha256: 32,
    md5: 16,
};

function label(algorithm: ChecksumAlgorithm | 'md5'): string {
    return algorithm === 'crc64nvme' ? 'CRC64NVME' : algorithm.toUpperCase();
}

/** Reads the body-related headers; throws the S3-style error for malformed values. */
export function planBody(
    headers: IncomingMessage['headers'],
    chunkSigning?: ChunkSigning,
): BodyPlan {
    const encodings = String(headers['content-encoding'] ?? '')
        .split(',')
        .map((e) => e.trim().toLowerCase())
        .filter((e) => e !== '');
    const sha = String(headers['x-amz-content-sha256'] ?? '');
    const chunked = encodings.includes('aws-chunked') || sha.startsWith('STREAMING-');
    const declared = new Map<ChecksumAlgorithm | 'md5', string>();
    for (const algorithm of CHECKSUM_ALGORITHMS) {
        const value = headers[`x-amz-checksum-${algorithm}`];
        if (typeof value === 'string') {
            checkDigestFormat(algorithm, value);
            declared.set(algorithm, value);
        }
    }
    const md5 = headers['content-md5'];
    if (typeof md5 === 'string') {
        if (Buffer.from(md5, 'base64').length !== 16) {
            throw new LocalAwsError(
                'InvalidDigest',
                400,
                'The Content-MD5 you specified is not valid.',
            );
        }
        declared.set('md5', md5);
    }
    const trailerAlgorithms: ChecksumAlgorithm[] = [];
    for (const name of String(headers['x-amz-trailer'] ?? '').split(',')) {
        const algorithm = name
            .trim()
            .toLowerCase()
            .replace(/^x-amz-checksum-/, '');
        if ((CHECKSUM_ALGORITHMS as readonly string[]).includes(algorithm)) {
            trailerAlgorithms.push(algorithm as ChecksumAlgorithm);
        }
    }
    const decoded = headers['x-amz-decoded-content-length'];
    return {
        chunked,
        ...(chunkSigning === undefined ? {} : { chunkSigning }),
        gunzip: encodings.includes('gzip'),
        ...(/^[0-9a-f]{64}$/.test(sha) ? { expectedSha256: sha } : {}),
        declared,
        trailerAlgorithms,
        ...(typeof decoded === 'string' && /^\d+$/.test(decoded)
            ? { decodedLength: Number(decoded) }
            : {}),
    };
}

function checkDigestFormat(algorithm: ChecksumAlgorithm | 'md5', value: string): void {
    if (Buffer.from(value, 'base64').length !== DIGEST_BYTES[algorithm]) {
        throw new LocalAwsError(
            'InvalidRequest',
            400,
            `Value for x-amz-checksum-${algorithm} header is invalid.`,
        );
    }
}

/** Hashes what passes through and checks declared values when the body ends. */
class BodyVerifier extends Transform {
    private readonly hashers = new Map<ChecksumAlgorithm | 'md5', ChecksumHasher>();
    private bytes = 0;

    constructor(
        private readonly plan: BodyPlan,
        private readonly trailers: () => ReadonlyMap<string, string>,
        private readonly verified: Map<string, string>,
    ) {
        super();
        for (const algorithm of [...plan.declared.keys(), ...plan.trailerAlgorithms]) {
            this.hashers.set(algorithm, createHasher(algorithm));
        }
        if (plan.expectedSha256 !== undefined && !this.hashers.has('sha256')) {
            this.hashers.set('sha256', createHasher('sha256'));
        }
    }

    override _transform(
        chunk: Buffer,
        _encoding: BufferEncoding,
        callback: TransformCallback,
    ): void {
        this.bytes += chunk.length;
        for (const hasher of this.hashers.values()) {
            hasher.update(chunk);
        }
        callback(null, chunk);
    }

    override _flush(callback: TransformCallback): void {
        try {
            this.verify();
            callback();
        } catch (error) {
            callback(error as Error);
        }
    }

    private verify(): void {
        const { plan } = this;
        if (plan.decodedLength !== undefined && plan.decodedLength !== this.bytes) {
            throw new LocalAwsError(
                'IncompleteBody',
                400,
                'You did not provide the number of bytes specified by the Content-Length HTTP ' +
                'header',
            );
        }
        const digests = new Map<string, Buffer>();
        for (const [algorithm, hasher] of this.hashers) {
            digests.set(algorithm, hasher.digest());
        }
        if (plan.expectedSha256 !== undefined) {
            const actual = digests.get('sha256')?.toString('hex');
            if (actual !== plan.expectedSha256) {
                throw new LocalAwsError(
                    'XAmzContentSHA256Mismatch',
                    400,
                    "The provided 'x-amz-content-sha256' header does not match what was computed.",
                    'Sender',
                    {
                        ClientComputedContentSHA256: plan.expectedSha256,
                        S3ComputedContentSHA256: actual ?? '',
                    },
                );
            }
        }
        const claims = new Map(plan.declared);
        const trailers = this.trailers();
        for (const algorithm of plan.trailerAlgorithms) {
            const value = trailers.get(`x-amz-checksum-${algorithm}`);
            if (value === undefined) {
                throw new LocalAwsError(
                    'InvalidRequest',
                    400,
                    `x-amz-checksum-${algorithm} trailer is missing`,
                );
            }
            checkDigestFormat(algorithm, value);
            claims.set(algorithm, value);
        }
        for (const [algorithm, claimed] of claims) {
            const actual = digests.get(algorithm)?.toString('base64');
            if (actual !== claimed) {
                throw algorithm === 'md5'
                    ? new LocalAwsError(
                          'BadDigest',
                          400,
                          'The Content-MD5 you specified did not match what we received.',
                      )
                    : new LocalAwsError(
                          'BadDigest',
                          400,
                          `The ${label(algorithm)} you specified did not match the calculated ` +
                          `checksum.`,
                      );
            }
            this.verified.set(algorithm, claimed);
        }
    }
}

export interface DecodedBody {
    readonly stream: Readable;
    /** Filled with the verified checksums once `stream` has ended without error. */
    readonly checksums: Map<string, string>;
}

/**
 * Builds the decoding pipeline over the incoming request. Errors surface on `stream`. The request
 * itself is piped, not pipelined, so a consumer that gives up does not destroy the socket: the
 * server still has to answer on it.
 */
export function decodeBody(source: IncomingMessage, plan: BodyPlan): DecodedBody {
    const checksums = new Map<string, string>();
    const stages: Transform[] = [];
    let trailers: () => ReadonlyMap<string, string> = () => new Map();
    if (plan.chunked) {
        const decoder = new AwsChunkedDecoder(plan.chunkSigning);
        trailers = () => decoder.trailers;
        stages.push(decoder);
    }
    stages.push(new BodyVerifier(plan, () => trailers(), checksums));
    if (plan.gunzip) {
        stages.push(createGunzip());
    }
    const [first] = stages;
    const output = stages[stages.length - 1] ?? new PassThrough();
    if (stages.length > 1) {
        pipeline(stages, () => undefined);
    }
    // A module may answer without reading the body; a later client hang-up must not crash the
    // process with an unhandled 'error'. Consumers that do read still get the error.
    output.on('error', () => undefined);
    if (first !== undefined) {
        source.pipe(first);
        const fail = (): void => {
            first.destroy(
                new LocalAwsError(
                    'IncompleteBody',
                    400,
                    'The request body terminated unexpectedly',
                ),
            );
        };
        source.once('aborted', fail);
        source.once('error', fail);
    }
    return { stream: output, checksums };
}

/** Reads a whole decoded body, failing once it passes `limit` bytes. */
export async function readAll(
    stream: Readable,
    limit: number,
    tooLarge: () => Error,
): Promise<Buffer> {
    const parts: Buffer[] = [];
    let size = 0;
    for await (const chunk of stream) {
        const buffer = chunk as Buffer;
        size += buffer.length;
        if (size > limit) {
            stream.destroy();
            throw tooLarge();
        }
        parts.push(buffer);
    }
    return Buffer.concat(parts);
}

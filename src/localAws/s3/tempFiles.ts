/** Writes incoming bytes to a temp file, counting and hashing them on their way to disk. */
import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createHasher } from '../core/checksums';
import type { ChecksumAlgorithm, ChecksumHasher } from '../core/checksums';

export interface WrittenTemp {
    readonly path: string;
    readonly size: number;
    readonly md5Hex: string;
    /** Base64 digests for the extra algorithms asked of writeTemp. */
    readonly checksums: Readonly<Record<string, string>>;
}

/** A whole body, a stream, or several streams to write one after another. */
export type TempSource = Readable | Buffer | ReadonlyArray<() => Readable>;

/** Counts and hashes bytes (MD5 plus any checksum algorithms) on their way to disk. */
class HashingCounter extends Transform {
    readonly hash: Hash | undefined;
    readonly extra: ReadonlyMap<ChecksumAlgorithm, ChecksumHasher>;
    size = 0;
    constructor(algorithms: readonly ChecksumAlgorithm[], md5: boolean) {
        super({ highWaterMark: 4 * 1024 * 1024 });
        this.hash = md5 ? createHash('md5') : undefined;
        this.extra = new Map(algorithms.map((a) => [a, createHasher(a)]));
    }
    override _transform(chunk: Buffer, _e: BufferEncoding, callback: TransformCallback): void {
        this.hash?.update(chunk);
        for (const hasher of this.extra.values()) {
            hasher.update(chunk);
        }
        this.size += chunk.length;
        callback(null, chunk);
    }
    checksums(): Record<string, string> {
        const out: Record<string, string> = {};
        for (const [algorithm, hasher] of this.extra) {
            out[algorithm] = hasher.digest().toString('base64');
        }
        return out;
    }
}

/** Nothing is left at `path` when the write fails. */
export async function writeTempFile(
    path: string,
    body: TempSource,
    algorithms: readonly ChecksumAlgorithm[],
    md5: boolean,
): Promise<WrittenTemp> {
    const counter = new HashingCounter(algorithms, md5);
    const source = Buffer.isBuffer(body)
        ? Readable.from([body])
        : body instanceof Readable
          ? body
          : Readable.from(concatenate(body));
    try {
        await pipeline(
            source,
            counter,
            createWriteStream(path, { highWaterMark: 4 * 1024 * 1024 }),
        );
    } catch (error) {
        await rm(path, { force: true });
        throw error;
    }
    return {
        path,
        size: counter.size,
        md5Hex: counter.hash?.digest('hex') ?? '',
        checksums: counter.checksums(),
    };
}

async function* concatenate(sources: ReadonlyArray<() => Readable>): AsyncGenerator<Buffer> {
    for (const open of sources) {
        for await (const chunk of open()) {
            yield chunk as Buffer;
        }
    }
}

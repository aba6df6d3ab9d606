/**
 * What identifies a file's content in S3: its size, a SHA-256 the extension stores as object
 * metadata, and the ETags S3 would give it (MD5 for one PUT, MD5 of the part MD5s for a multipart
 * upload with a common part size). Lets a re-submit see that the object is already there.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export const MIB = 1024 * 1024;
/** Below this lib-storage sends one PUT, so only the plain MD5 ETag applies. */
export const MULTIPART_THRESHOLD = 5 * MIB;
/** lib-storage's default part size, then the AWS CLI's and larger tools' common choices. */
export const COMMON_PART_SIZES: readonly number[] = [5 * MIB, 8 * MIB, 16 * MIB];

export interface FileDigest {
    readonly size: number;
    readonly sha256: string;
    /** Quoted ETags this content would have, by how it was uploaded. */
    readonly etags: readonly string[];
}

class PartHasher {
    private readonly partDigests: Buffer[] = [];
    private current: Hash = createHash('md5');
    private inPart = 0;

    constructor(private readonly partSize: number) {}

    update(chunk: Buffer): void {
        let offset = 0;
        while (offset < chunk.length) {
            const take = Math.min(this.partSize - this.inPart, chunk.length - offset);
            this.current.update(chunk.subarray(offset, offset + take));
            this.inPart += take;
            offset += take;
            if (this.inPart === this.partSize) {
                this.partDigests.push(this.current.digest());
                this.current = createHash('md5');
                this.inPart = 0;
            }
        }
    }

    etag(): string {
        const parts =
            this.inPart > 0 ? [...this.partDigests, this.current.digest()] : this.partDigests;
        const combined = createHash('md5').update(Buffer.concat(parts)).digest('hex');
        return `"${combined}-${parts.length}"`;
    }
}

export interface DigestOptions {
    readonly signal?: AbortSignal;
    readonly onBytes?: (bytes: number) => void;
}

export async function digestFile(path: string, options: DigestOptions = {}): Promise<FileDigest> {
    const sha256 = createHash('sha256');
    const md5 = createHash('md5');
    const parts = COMMON_PART_SIZES.map((size) => new PartHasher(size));
    let size = 0;
    const stream = createReadStream(path, { highWaterMark: MIB, signal: options.signal });
    for await (const chunk of stream as AsyncIterable<Buffer>) {
        sha256.update(chunk);
        md5.update(chunk);
        for (const part of parts) {
            part.update(chunk);
        }
        size += chunk.length;
        options.onBytes?.(chunk.length);
    }
    const multipart = size > MULTIPART_THRESHOLD ? parts.map((p) => p.etag()) : [];
    return { size, sha256: sha256.digest('hex'), etags: [`"${md5.digest('hex')}"`, ...multipart] };
}

/** An object already in S3, as HeadObject describes it. */
export interface RemoteObject {
    readonly size: number | undefined;
    readonly etag: string | undefined;
    /** The SHA-256 this extension wrote into the object's metadata, if it uploaded it. */
    readonly sha256: string | undefined;
}

export type RemoteComparison = 'same' | 'different' | 'unknown';

/**
 * Same content when the size matches and either our recorded SHA-256 or a computable ETag
 * matches. A multipart ETag with an uncommon part size cannot be recomputed: unknown.
 */
export function compareRemote(local: FileDigest, remote: RemoteObject): RemoteComparison {
    if (remote.size !== undefined && remote.size !== local.size) {
        return 'different';
    }
    if (remote.sha256 !== undefined) {
        return remote.sha256 === local.sha256 ? 'same' : 'different';
    }
    if (remote.etag === undefined) {
        return 'unknown';
    }
    const etag = remote.etag.startsWith('"') ? remote.etag : `"${remote.etag}"`;
    if (local.etags.includes(etag)) {
        return 'same';
    }
    // A plain MD5 ETag that differs is a real difference; other shapes (SSE-KMS, odd part
    // sizes) cannot be compared.
    return /^"[0-9a-f]{32}"$/.test(etag) ? 'different' : 'unknown';
}

/** The checksum algorithms S3 and the SDK use, as incremental hashers that give base64. */
import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { crc32 } from 'node:zlib';

export interface ChecksumHasher {
    update(chunk: Buffer): void;
    /** Big-endian digest bytes, as S3 encodes them in base64. */
    digest(): Buffer;
}

export const CHECKSUM_ALGORITHMS = ['crc32', 'crc32c', 'crc64nvme', 'sha1', 'sha256'] as const;
export type ChecksumAlgorithm = (typeof CHECKSUM_ALGORITHMS)[number];

export function isChecksumAlgorithm(name: string): name is ChecksumAlgorithm {
    return (CHECKSUM_ALGORITHMS as readonly string[]).includes(name);
}

class Crc32Hasher implements ChecksumHasher {
    private value = 0;
    update(chunk: Buffer): void {
        this.value = crc32(chunk, this.value);
    }
    digest(): Buffer {
        const out = Buffer.alloc(4);
        out.writeUInt32BE(this.value >>> 0);
        return out;
    }
}

/** Slicing-by-8 tables for the reflected Castagnoli polynomial. */
const CRC32C_TABLES = ((): Uint32Array[] => {
    const tables = Array.from({ length: 8 }, () => new Uint32Array(256));
    const first = tables[0] ?? new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++) {
            c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
        }
        first[n] = c >>> 0;
    }
    for (let n = 0; n < 256; n++) {
        let c = first[n] ?? 0;
        for (let t = 1; t < 8; t++) {
            c = (first[c & 0xff] ?? 0) ^ (c >>> 8);
            const table = tables[t];
            if (table) {
                table[n] = c >>> 0;
            }
        }
    }
    return tables;
})();

class Crc32cHasher implements ChecksumHasher {
    private crc = 0xffffffff;
    update(chunk: Buffer): void {
        const [t0, t1, t2, t3, t4, t5, t6, t7] = CRC32C_TABLES as [
            Uint32Array,
            Uint32Array,
            Uint32Array,
            Uint32Array,
            Uint32Array,
            Uint32Array,
            Uint32Array,
            Uint32Array,
        ];
        let crc = this.crc;
        let i = 0;
        const end8 = chunk.length - (chunk.length % 8);
        while (i < end8) {
            const a = (crc ^ chunk.readUInt32LE(i)) >>> 0;
            const b = chunk.readUInt32LE(i + 4);
            crc =
                (t7[a & 0xff] ?? 0) ^
                (t6[(a >>> 8) & 0xff] ?? 0) ^
                (t5[(a >>> 16) & 0xff] ?? 0) ^
                (t4[a >>> 24] ?? 0) ^
                (t3[b & 0xff] ?? 0) ^
                (t2[(b >>> 8) & 0xff] ?? 0) ^
                (t1[(b >>> 16) & 0xff] ?? 0) ^
                (t0[b >>> 24] ?? 0);
            i += 8;
        }
        for (; i < chunk.length; i++) {
            crc = (t0[(crc ^ (chunk[i] ?? 0)) & 0xff] ?? 0) ^ (crc >>> 8);
        }
        this.crc = crc >>> 0;
    }
    digest(): Buffer {
        const out = Buffer.alloc(4);
        out.writeUInt32BE((this.crc ^ 0xffffffff) >>> 0);
        return out;
    }
}

/** CRC-64/NVME (reflected 0x9a6c9329ac4bc9b5) with the 64-bit state kept as two 32-bit halves. */
const CRC64_TABLE = ((): { hi: Uint32Array; lo: Uint32Array } => {
    const hi = new Uint32Array(256);
    const lo = new Uint32Array(256);
    const polyHi = 0x9a6c9329;
    const polyLo = 0xac4bc9b5;
    for (let n = 0; n < 256; n++) {
        let h = 0;
        let l = n;
        for (let k = 0; k < 8; k++) {
            const carry = l & 1;
            l = ((l >>> 1) | ((h & 1) << 31)) >>> 0;
            h = h >>> 1;
            if (carry) {
                h = (h ^ polyHi) >>> 0;
                l = (l ^ polyLo) >>> 0;
            }
        }
        hi[n] = h;
        lo[n] = l;
    }
    return { hi, lo };
})();

class Crc64NvmeHasher implements ChecksumHasher {
    private hi = 0xffffffff;
    private lo = 0xffffffff;
    update(chunk: Buffer): void {
        const { hi: tHi, lo: tLo } = CRC64_TABLE;
        let h = this.hi;
        let l = this.lo;
        for (let i = 0; i < chunk.length; i++) {
            const idx = (l ^ (chunk[i] ?? 0)) & 0xff;
            const nl = ((l >>> 8) | ((h & 0xff) << 24)) >>> 0;
            h = ((h >>> 8) ^ (tHi[idx] ?? 0)) >>> 0;
            l = (nl ^ (tLo[idx] ?? 0)) >>> 0;
        }
        this.hi = h;
        this.lo = l;
    }
    digest(): Buffer {
        const out = Buffer.alloc(8);
        out.writeUInt32BE((this.hi ^ 0xffffffff) >>> 0, 0);
        out.writeUInt32BE((this.lo ^ 0xffffffff) >>> 0, 4);
        return out;
    }
}

class NodeHasher implements ChecksumHasher {
    private readonly hash: Hash;
    constructor(algorithm: string) {
        this.hash = createHash(algorithm);
    }
    update(chunk: Buffer): void {
        this.hash.update(chunk);
    }
    digest(): Buffer {
        return this.hash.digest();
    }
}

export function createHasher(algorithm: ChecksumAlgorithm | 'md5'): ChecksumHasher {
    switch (algorithm) {
        case 'crc32':
            return new Crc32Hasher();
        case 'crc32c':
            return new Crc32cHasher();
        case 'crc64nvme':
            return new Crc64NvmeHasher();
        case 'sha1':
        case 'sha256':
        case 'md5':
            return new NodeHasher(algorithm);
    }
}

export function checksumOf(algorithm: ChecksumAlgorithm | 'md5', data: Buffer): string {
    const hasher = createHasher(algorithm);
    hasher.update(data);
    return hasher.digest().toString('base64');
}

/** What is kept about an open multipart upload and the parts it has received. */
import type { ChecksumAlgorithm } from '../core/checksums';
import type { ObjectAttributes } from './storedRecords';

export interface Part {
    readonly number: number;
    readonly etag: string;
    readonly md5: Buffer;
    readonly size: number;
    readonly lastModifiedMs: number;
    readonly path: string;
    readonly checksums: Readonly<Record<string, string>>;
}

export interface Upload {
    readonly id: string;
    readonly bucket: string;
    readonly key: string;
    readonly initiatedMs: number;
    readonly attributes: ObjectAttributes;
    readonly algorithm?: ChecksumAlgorithm;
    readonly checksumType: 'COMPOSITE' | 'FULL_OBJECT';
    readonly parts: Map<number, Part>;
    completing: boolean;
}

/** What the S3 store keeps about each bucket and each object version (its JSON sidecar). */

export interface ObjectAttributes {
    readonly contentType?: string;
    readonly contentEncoding?: string;
    readonly contentDisposition?: string;
    readonly contentLanguage?: string;
    readonly cacheControl?: string;
    readonly expires?: string;
    readonly userMetadata: Readonly<Record<string, string>>;
}

export interface StoredObject extends ObjectAttributes {
    readonly key: string;
    readonly size: number;
    /** Quoted, as on the wire: `"hex"` or `"hex-N"` for multipart objects. */
    readonly etag: string;
    readonly lastModifiedMs: number;
    /** Verified checksums by algorithm (crc32, crc32c, crc64nvme, sha1, sha256), base64. */
    readonly checksums: Readonly<Record<string, string>>;
    readonly checksumType?: 'FULL_OBJECT' | 'COMPOSITE';
    readonly partsCount?: number;
    /** Name of the data file inside the bucket's objects folder. */
    readonly dataFile: string;
}

export interface BucketInfo {
    readonly name: string;
    readonly creationMs: number;
    readonly region: string;
}

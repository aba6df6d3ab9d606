/** `s3://bucket/key` locations as the job configuration names them. */

export interface S3Location {
    readonly bucket: string;
    /** The key or prefix, without a leading slash; may be empty. */
    readonly key: string;
}

export function parseS3Uri(uri: string): S3Location {
    const rest = uri.slice('s3://'.length);
    const slash = rest.indexOf('/');
    return slash < 0
        ? { bucket: rest, key: '' }
        : { bucket: rest.slice(0, slash), key: rest.slice(slash + 1) };
}

/** Joins a prefix and further path parts with single slashes. */
export function joinKey(prefix: string, ...parts: string[]): string {
    const trimmed = prefix.replace(/\/+$/, '');
    return [trimmed, ...parts].filter((part) => part.length > 0).join('/');
}

export function baseName(key: string): string {
    const slash = key.lastIndexOf('/');
    return slash < 0 ? key : key.slice(slash + 1);
}

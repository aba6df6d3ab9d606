/** `s3://bucket/key` URIs and the output prefix Bedrock writes a job's results under. */

export interface S3Location {
    readonly bucket: string;
    /** Without a leading slash; may be empty (the bucket's root). */
    readonly key: string;
}

export function parseS3Uri(uri: string): S3Location | undefined {
    const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri.trim());
    if (match === null) {
        return undefined;
    }
    return { bucket: match[1] ?? '', key: match[2] ?? '' };
}

export function s3Uri(location: S3Location): string {
    return `s3://${location.bucket}/${location.key}`;
}

/** `<output>/<jobId>/`: the folder holding the `.out` files and `manifest.json.out`. */
export function jobOutputPrefix(outputUri: string, jobId: string): S3Location | undefined {
    const output = parseS3Uri(outputUri);
    if (output === undefined) {
        return undefined;
    }
    const base = output.key === '' || output.key.endsWith('/') ? output.key : `${output.key}/`;
    return { bucket: output.bucket, key: `${base}${jobId}/` };
}

/** The file name of a key: its last segment. */
export function keyName(key: string): string {
    return (
        key
            .split('/')
            .filter((s) => s !== '')
            .pop() ?? key
    );
}

import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';

const jobArnPattern =
    /^arn:(aws[a-z-]*):bedrock:([a-z0-9-]+):(\d{12}):model-invocation-job\/([a-z0-9]+)$/;

/** The 12-character job id: the last segment of the job ARN. */
export function jobIdOf(jobArn: string | undefined): string | undefined {
    if (jobArn === undefined) {
        return undefined;
    }
    const match = jobArnPattern.exec(jobArn);
    if (match !== null) {
        return match[4];
    }
    const last = jobArn.split('/').pop();
    return last === undefined || last === '' || last === jobArn ? undefined : last;
}

/** The region named in a job ARN, if it is one. */
export function regionOfJobArn(jobArn: string): string | undefined {
    return jobArnPattern.exec(jobArn)?.[2];
}

export interface S3Location {
    readonly bucket: string;
    /** Without a leading slash; empty for the bucket itself. */
    readonly key: string;
}

export function parseS3Uri(uri: string | undefined): S3Location | undefined {
    const match = uri === undefined ? null : /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri.trim());
    if (match === null) {
        return undefined;
    }
    return { bucket: match[1] ?? '', key: match[2] ?? '' };
}

/** Folder-like keys end with a slash; the bucket root is the empty key. */
export function asFolderKey(key: string): string {
    return key === '' || key.endsWith('/') ? key : `${key}/`;
}

/** Where Bedrock writes this job's results: `<output s3Uri>/<jobId>/`. */
export function outputFolderOf(job: ModelInvocationJobSummary): string | undefined {
    const output = parseS3Uri(job.outputDataConfig?.s3OutputDataConfig?.s3Uri);
    const jobId = jobIdOf(job.jobArn);
    if (output === undefined || jobId === undefined) {
        return undefined;
    }
    return `s3://${output.bucket}/${asFolderKey(output.key)}${jobId}/`;
}

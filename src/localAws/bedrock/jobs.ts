/** Batch inference jobs as the control plane stores them, and their wire summaries. */
import type { CatalogueModel } from './catalogue/types';
import type { InvocationType, JobStatus } from './patterns';
import { compact, rfc3339 } from './restJson';
import type { JobRun } from './simulator/run';

export interface Tag {
    readonly key: string;
    readonly value: string;
}

export interface S3InputConfig {
    readonly s3Uri: string;
    readonly s3InputFormat?: string;
    readonly s3BucketOwner?: string;
}

export interface S3OutputConfig {
    readonly s3Uri: string;
    readonly s3EncryptionKeyId?: string;
    readonly s3BucketOwner?: string;
}

export interface VpcConfig {
    readonly subnetIds: readonly string[];
    readonly securityGroupIds: readonly string[];
}

/** A CreateModelInvocationJob request after validation. */
export interface JobRequest {
    readonly jobName: string;
    readonly roleArn: string;
    readonly clientRequestToken?: string;
    readonly modelId: string;
    readonly input: S3InputConfig;
    readonly output: S3OutputConfig;
    readonly vpcConfig?: VpcConfig;
    readonly timeoutDurationInHours?: number;
    readonly tags: readonly Tag[];
    readonly modelInvocationType?: InvocationType;
}

export interface RecordCounts {
    total: number;
    processed: number;
    success: number;
    error: number;
}

export interface Job {
    readonly accountId: string;
    readonly region: string;
    readonly jobId: string;
    readonly jobArn: string;
    readonly request: JobRequest;
    /** The catalogue model the modelId resolved to. */
    readonly model: CatalogueModel;
    readonly invocationType: InvocationType;
    readonly submitTimeMs: number;
    readonly timeoutHours: number;
    readonly jobExpirationTimeMs: number;
    status: JobStatus;
    statusSinceMs: number;
    message?: string;
    lastModifiedMs: number;
    endTimeMs?: number;
    readonly counts: RecordCounts;
    tags: Tag[];
    /** Present once validation has read the input. */
    run?: JobRun;
}

export function jobArn(region: string, accountId: string, jobId: string): string {
    return `arn:aws:bedrock:${region}:${accountId}:model-invocation-job/${jobId}`;
}

/** GetModelInvocationJob and ModelInvocationJobSummary carry the same members. */
export function jobSummary(job: Job): Record<string, unknown> {
    const { request } = job;
    return compact({
        jobArn: job.jobArn,
        jobName: request.jobName,
        modelId: request.modelId,
        clientRequestToken: request.clientRequestToken,
        roleArn: request.roleArn,
        status: job.status,
        message: job.message,
        submitTime: rfc3339(job.submitTimeMs),
        lastModifiedTime: rfc3339(job.lastModifiedMs),
        endTime: job.endTimeMs === undefined ? undefined : rfc3339(job.endTimeMs),
        inputDataConfig: { s3InputDataConfig: compact({ ...request.input }) },
        outputDataConfig: { s3OutputDataConfig: compact({ ...request.output }) },
        vpcConfig: request.vpcConfig,
        timeoutDurationInHours: job.timeoutHours,
        jobExpirationTime: rfc3339(job.jobExpirationTimeMs),
        modelInvocationType: job.invocationType,
        totalRecordCount: job.counts.total,
        processedRecordCount: job.counts.processed,
        successRecordCount: job.counts.success,
        errorRecordCount: job.counts.error,
    });
}

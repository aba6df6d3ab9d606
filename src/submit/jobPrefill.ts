/**
 * Submitting again with a previous job's settings (Resubmit Failed and Missing Records): which job
 * a file comes from, and the wizard answers read back from GetModelInvocationJob. Pure: no vscode.
 */
import * as path from 'node:path';
import type { GetModelInvocationJobResponse } from '@aws-sdk/client-bedrock';
import type { InvocationType } from '../checker/types';
import type { Tag } from './jobFields';
import { parseS3Uri } from './s3Paths';
import type { SubmittedJob } from './submissionHistory';
import type { WizardState } from './wizard/wizardState';

const JOB_ARN = /^arn:aws[a-z-]*:bedrock:([a-z0-9-]+):\d*:model-invocation-job\/[a-z0-9]+$/;

/** The job's region, or undefined when this is not a batch job ARN. */
export function regionOfJobArn(arn: string): string | undefined {
    return JOB_ARN.exec(arn)?.[1];
}

/** `{ fromJobArn }` among the command's arguments, when it names a batch job. */
export function fromJobArgument(args: readonly unknown[]): string | undefined {
    for (const arg of args) {
        if (typeof arg === 'object' && arg !== null && 'fromJobArn' in arg) {
            const arn: unknown = arg.fromJobArn;
            if (typeof arn === 'string' && regionOfJobArn(arn.trim()) !== undefined) {
                return arn.trim();
            }
        }
    }
    return undefined;
}

const RETRY_NAME = /^(.+)\.retry-\d+\.jsonl$/i;

/**
 * The job a `<name>.retry-N.jsonl` file retries: the newest submitted job (history is newest
 * first) whose input was `<name>.jsonl`, or an earlier retry of it, in the same folder.
 */
export function retriedJob(
    file: string,
    history: readonly SubmittedJob[],
): SubmittedJob | undefined {
    const base = RETRY_NAME.exec(path.basename(file))?.[1];
    if (base === undefined) {
        return undefined;
    }
    const folder = path.dirname(file);
    const sameInput = (submitted: string): boolean => {
        if (path.dirname(submitted) !== folder || submitted === file) {
            return false;
        }
        const name = path.basename(submitted);
        return (
            name.toLowerCase() === `${base}.jsonl`.toLowerCase() ||
            RETRY_NAME.exec(name)?.[1] === base
        );
    };
    return history.find((job) => job.files.some(sameInput));
}

/**
 * The answers a previous job gives; what it does not tell is left for the wizard to ask. Tags
 * whose key starts with `aws:` are AWS's own: CreateModelInvocationJob refuses them.
 */
export interface JobPrefill {
    readonly jobArn: string;
    readonly jobName: string;
    readonly region: string;
    readonly modelId: string;
    readonly invocationType: InvocationType;
    readonly roleArn?: string;
    readonly bucket?: string;
    readonly prefix?: string;
    readonly outputPrefix?: string;
    readonly timeoutHours?: number;
    readonly tags: readonly Tag[];
    readonly kmsKeyId?: string;
    readonly vpc?: { readonly subnetIds: string[]; readonly securityGroupIds: string[] };
}

function withoutSlashes(key: string): string {
    return key.replace(/^\/+|\/+$/g, '');
}

/**
 * Input `s3://b/in/x.jsonl` (a file) or `s3://b/in/job/` (a folder job) gives bucket `b` and
 * prefix `in`; output `s3://b/out/` gives output prefix `out` when it is in the same bucket (the
 * wizard uses one bucket for both).
 */
export function prefillFromJob(
    jobArn: string,
    region: string,
    job: GetModelInvocationJobResponse,
    tags: readonly Tag[] | undefined,
): JobPrefill | undefined {
    if (job.modelId === undefined) {
        return undefined;
    }
    const input = parseS3Uri(job.inputDataConfig?.s3InputDataConfig?.s3Uri ?? '');
    const output = parseS3Uri(job.outputDataConfig?.s3OutputDataConfig?.s3Uri ?? '');
    const inputFolder = input === undefined ? undefined : withoutSlashes(input.key);
    const prefix = inputFolder === undefined ? undefined : path.posix.dirname(inputFolder);
    const sameBucket = output !== undefined && output.bucket === input?.bucket;
    const kms = job.outputDataConfig?.s3OutputDataConfig?.s3EncryptionKeyId;
    const subnets = job.vpcConfig?.subnetIds ?? [];
    return {
        jobArn,
        jobName: job.jobName ?? jobArn.replace(/^.*\//, ''),
        region,
        modelId: job.modelId,
        invocationType: job.modelInvocationType === 'Converse' ? 'Converse' : 'InvokeModel',
        ...(job.roleArn === undefined ? {} : { roleArn: job.roleArn }),
        ...(input === undefined ? {} : { bucket: input.bucket }),
        ...(prefix === undefined ? {} : { prefix: prefix === '.' ? '' : prefix }),
        ...(sameBucket ? { outputPrefix: withoutSlashes(output.key) } : {}),
        ...(job.timeoutDurationInHours === undefined
            ? {}
            : { timeoutHours: job.timeoutDurationInHours }),
        tags: (tags ?? []).filter((tag) => !/^aws:/i.test(tag.key)),
        ...(kms === undefined ? {} : { kmsKeyId: kms }),
        ...(subnets.length === 0
            ? {}
            : {
                  vpc: {
                      subnetIds: [...subnets],
                      securityGroupIds: [...(job.vpcConfig?.securityGroupIds ?? [])],
                  },
              }),
    };
}

/** Fills the answers the wizard has not got yet (a preset's answers stay). */
export function applyPrefill(state: WizardState, prefill: JobPrefill): void {
    state.region ??= prefill.region;
    state.modelId ??= prefill.modelId;
    state.invocationType ??= prefill.invocationType;
    if (state.role === undefined && prefill.roleArn !== undefined) {
        state.role = { kind: 'existing', arn: prefill.roleArn };
    }
    state.bucket ??= prefill.bucket;
    state.prefix ??= prefill.prefix;
    state.outputPrefix ??= prefill.outputPrefix;
    state.timeoutHours ??= prefill.timeoutHours;
    state.tags ??= [...prefill.tags];
    state.kmsKeyId ??= prefill.kmsKeyId;
    if (state.subnetIds === undefined && prefill.vpc !== undefined) {
        state.subnetIds = [...prefill.vpc.subnetIds];
        state.securityGroupIds = [...prefill.vpc.securityGroupIds];
    }
    state.fromJob = { name: prefill.jobName, arn: prefill.jobArn };
}

/**
 * Everything the user chooses for a batch job, and the CreateModelInvocationJob request built from
 * it. Also the preset form (`bedrockBatch.submitJob`'s second argument) that the sandbox tour and
 * the tests use to answer some or all of the wizard's questions.
 */
import type { CreateModelInvocationJobRequest } from '@aws-sdk/client-bedrock';
import type { InvocationType } from '../checker/types';
import { DEFAULT_TIMEOUT_HOURS, type Tag } from './jobFields';
import { joinKey, s3Uri } from './s3Paths';

export interface VpcSettings {
    readonly subnetIds: readonly string[];
    readonly securityGroupIds: readonly string[];
}

export interface JobSettings {
    readonly region: string;
    readonly modelId: string;
    readonly invocationType: InvocationType;
    readonly roleArn: string;
    readonly bucket: string;
    /** Input prefix, sanitised, without leading or trailing slash; may be empty. */
    readonly prefix: string;
    /** Output prefix in the same bucket, same form. */
    readonly outputPrefix: string;
    readonly jobName: string;
    readonly timeoutHours: number;
    readonly tags: readonly Tag[];
    readonly kmsKeyId?: string;
    readonly vpc?: VpcSettings;
}

/** Where the input went: one object, or a folder holding every file of the job. */
export interface InputLocation {
    readonly bucket: string;
    /** Object key, or folder prefix when `folder` is true. */
    readonly key: string;
    readonly folder: boolean;
}

export function inputUri(location: InputLocation): string {
    return s3Uri(location.bucket, location.key, location.folder);
}

export function outputUri(settings: JobSettings): string {
    return s3Uri(settings.bucket, joinKey(settings.outputPrefix), true);
}

export function buildCreateRequest(
    settings: JobSettings,
    input: InputLocation,
    clientRequestToken: string,
): CreateModelInvocationJobRequest {
    const request: CreateModelInvocationJobRequest = {
        jobName: settings.jobName,
        roleArn: settings.roleArn,
        clientRequestToken,
        modelId: settings.modelId,
        inputDataConfig: { s3InputDataConfig: { s3Uri: inputUri(input), s3InputFormat: 'JSONL' } },
        outputDataConfig: {
            s3OutputDataConfig: {
                s3Uri: outputUri(settings),
                ...(settings.kmsKeyId === undefined
                    ? {}
                    : { s3EncryptionKeyId: settings.kmsKeyId }),
            },
        },
        timeoutDurationInHours: settings.timeoutHours,
    };
    if (settings.invocationType !== 'InvokeModel') {
        request.modelInvocationType = settings.invocationType;
    }
    if (settings.tags.length > 0) {
        request.tags = settings.tags.map((tag) => ({ key: tag.key, value: tag.value }));
    }
    if (settings.vpc !== undefined) {
        request.vpcConfig = {
            subnetIds: [...settings.vpc.subnetIds],
            securityGroupIds: [...settings.vpc.securityGroupIds],
        };
    }
    return request;
}

/** How several selected files become jobs. */
export type MultiFileMode = 'jobPerFile' | 'oneJob';

/** Answers given in advance; every field the wizard would ask is optional. */
export interface SubmitPreset {
    readonly region?: string;
    readonly modelId?: string;
    readonly invocationType?: InvocationType;
    readonly roleArn?: string;
    readonly bucket?: string;
    readonly prefix?: string;
    readonly outputPrefix?: string;
    readonly jobName?: string;
    readonly timeoutHours?: number;
    readonly tags?: readonly Tag[];
    readonly kmsKeyId?: string;
    readonly vpc?: VpcSettings;
    /** For several files: one job per file, or one job over a folder. */
    readonly mode?: MultiFileMode;
    /** Skip the final confirmation step (the estimates are still logged). */
    readonly skipConfirm?: boolean;
    /** Continue past checker warnings without asking. */
    readonly acceptWarnings?: boolean;
    /** An object with different content already at the key: ask (default) or take a new key. */
    readonly onConflict?: 'ask' | 'newKey';
    /** Create the bucket without asking when it does not exist. */
    readonly createBucket?: boolean;
    /** Time limit of each Create attempt before it is re-sent with the same token. */
    readonly createAttemptTimeoutMs?: number;
}

function stringField(source: Record<string, unknown>, key: string): string | undefined {
    const value = source[key];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown): string[] | undefined {
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
}

/** Reads a preset from a command argument, ignoring anything of the wrong type. */
export function parsePreset(value: unknown): SubmitPreset | undefined {
    if (!isRecord(value)) {
        return undefined;
    }
    const invocation = value['invocationType'];
    const mode = value['mode'];
    const timeout = value['timeoutHours'];
    const attemptTimeout = value['createAttemptTimeoutMs'];
    const tags = Array.isArray(value['tags'])
        ? value['tags']
              .filter(isRecord)
              .flatMap((t) =>
                  typeof t['key'] === 'string'
                      ? [{ key: t['key'], value: typeof t['value'] === 'string' ? t['value'] : '' }]
                      : [],
              )
        : undefined;
    const vpc = isRecord(value['vpc']) ? value['vpc'] : undefined;
    const subnetIds = stringList(vpc?.['subnetIds']);
    const securityGroupIds = stringList(vpc?.['securityGroupIds']);
    const preset: { -readonly [K in keyof SubmitPreset]: SubmitPreset[K] } = {
        region: stringField(value, 'region'),
        modelId: stringField(value, 'modelId'),
        invocationType:
            invocation === 'Converse' || invocation === 'InvokeModel' ? invocation : undefined,
        roleArn: stringField(value, 'roleArn'),
        bucket: stringField(value, 'bucket'),
        prefix: typeof value['prefix'] === 'string' ? value['prefix'] : undefined,
        outputPrefix: typeof value['outputPrefix'] === 'string' ? value['outputPrefix'] : undefined,
        jobName: stringField(value, 'jobName'),
        timeoutHours: typeof timeout === 'number' ? timeout : undefined,
        tags,
        kmsKeyId: stringField(value, 'kmsKeyId'),
        vpc:
            subnetIds !== undefined && securityGroupIds !== undefined
                ? { subnetIds, securityGroupIds }
                : undefined,
        mode: mode === 'jobPerFile' || mode === 'oneJob' ? mode : undefined,
        skipConfirm: value['skipConfirm'] === true ? true : undefined,
        acceptWarnings: value['acceptWarnings'] === true ? true : undefined,
        onConflict:
            value['onConflict'] === 'newKey' || value['onConflict'] === 'ask'
                ? value['onConflict']
                : undefined,
        createBucket: value['createBucket'] === true ? true : undefined,
        createAttemptTimeoutMs:
            typeof attemptTimeout === 'number' && attemptTimeout > 0 ? attemptTimeout : undefined,
    };
    return Object.fromEntries(Object.entries(preset).filter(([, v]) => v !== undefined));
}

export const DEFAULT_INPUT_PREFIX = 'bedrock-batch/input';
export const DEFAULT_OUTPUT_PREFIX = 'bedrock-batch/output';
export { DEFAULT_TIMEOUT_HOURS };

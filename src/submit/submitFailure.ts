/**
 * What to tell the user when Bedrock or S3 refuses a submission, on top of classifyFailure: the
 * service's message stays verbatim, this adds the fix that applies to batch jobs.
 */
import { classifyFailure, type Failure } from '../shared/failure';

export interface SubmitContext {
    readonly region: string;
    readonly modelId: string;
    readonly roleArn: string;
    /**
     * Where the submission broke: getting the bucket and role ready, uploading the input (in
     * both, Create was never sent, so no job can exist), or creating the job. Create unless told.
     */
    readonly stage?: SubmitStage;
}

export type SubmitStage = 'prepare' | 'upload' | 'create';

export interface SubmitAdvice {
    readonly failure: Failure;
    /** The sentence that says how to fix it, when there is one to say. */
    readonly hint?: string;
    /** A model id worth trying instead (cross-region profile form). */
    readonly suggestedModelId?: string;
    /**
     * The Create request may have reached Bedrock (timeout, dropped connection, 5xx): re-send it
     * with the same client request token, which can never start a second job.
     */
    readonly mayHaveReachedService: boolean;
    /**
     * Doing the same again may well work (a dropped connection, a service hiccup, throttling)
     * and cannot start a job twice: worth a Retry button.
     */
    readonly worthRetrying: boolean;
}

const requestFields = [
    'jobName',
    'roleArn',
    'modelId',
    'clientRequestToken',
    'inputDataConfig',
    'outputDataConfig',
    's3Uri',
    's3EncryptionKeyId',
    'timeoutDurationInHours',
    'vpcConfig',
    'subnetIds',
    'securityGroupIds',
    'tags',
    'modelInvocationType',
];

/** The request field a ValidationException names, if any. */
export function fieldNamed(message: string): string | undefined {
    return requestFields.find((field) => new RegExp(`\\b${field}\\b`, 'i').test(message));
}

/** Geography prefix of the cross-region profiles a region belongs to. */
export function profileGeography(region: string): string {
    if (region.startsWith('us-gov-')) {
        return 'us-gov';
    }
    if (region.startsWith('us-')) {
        return 'us';
    }
    if (region.startsWith('eu-')) {
        return 'eu';
    }
    if (region.startsWith('ap-')) {
        return 'apac';
    }
    if (region.startsWith('ca-')) {
        return 'ca';
    }
    return 'global';
}

function isBaseModelId(modelId: string): boolean {
    return !modelId.startsWith('arn:') && modelId.split('.').length === 2;
}

/** How Bedrock words "this model does not run batch jobs here". */
const modelNotSupported = [
    /not supported for (?:batch|the requested model)/i,
    /batch inference is not supported/i,
    /does not support batch/i,
    /model is not supported/i,
    /unsupported model/i,
];
/** How Bedrock words "batch (or this model) is not enabled for the account". */
const notEnabled = [
    /not (?:been )?(?:enabled|authorized|allowed|onboarded) (?:for|to (?:use|perform|run)) batch/i,
    /batch inference is not (?:enabled|available) for (?:your|this) account/i,
    /don'?t have access to the model/i,
    /access to the model .* not/i,
];

function mentions(message: string, patterns: readonly RegExp[]): boolean {
    return patterns.some((pattern) => pattern.test(message));
}

/** For answers that never came: whether the job exists is unknown, and Retry is safe. */
export const mayNotExistHint =
    'The job may or may not have been created: Retry re-sends the same request, which cannot ' +
    'start a second job.';

export function adviseSubmitFailure(
    error: unknown,
    context: SubmitContext,
    profile?: string,
): SubmitAdvice {
    const failure = classifyFailure(error, profile);
    const transient =
        failure.kind === 'unreachable' ||
        failure.kind === 'serviceError' ||
        failure.kind === 'throttled';
    if (context.stage === 'prepare' || context.stage === 'upload') {
        return { ...adviseUploadFailure(failure, context.stage), worthRetrying: transient };
    }
    return { ...adviseCreateFailure(failure, context), worthRetrying: transient };
}

/** Create was never sent, so there is no job to worry about. */
function adviseUploadFailure(
    failure: Failure,
    stage: 'prepare' | 'upload',
): Omit<SubmitAdvice, 'worthRetrying'> {
    const notStarted =
        stage === 'upload'
            ? 'Its job was not created: a job is created only once its input is in S3.'
            : 'No job was started.';
    const retry = stage === 'upload' ? 'Retry uploads the file again.' : 'Retry tries again.';
    switch (failure.kind) {
        case 'accessDenied':
            return {
                failure,
                hint:
                    failure.missingPermission !== undefined
                        ? `${notStarted} Your identity needs ${failure.missingPermission}.`
                        : stage === 'upload'
                          ? `${notStarted} Your identity needs s3:PutObject on the bucket ` +
                            '(and s3:AbortMultipartUpload for files over 5 MB).'
                          : notStarted,
                mayHaveReachedService: false,
            };
        case 'unreachable':
        case 'serviceError':
        case 'throttled':
            return {
                failure,
                hint: `${notStarted} ${retry}`,
                mayHaveReachedService: false,
            };
        default:
            return { failure, hint: notStarted, mayHaveReachedService: false };
    }
}

function adviseCreateFailure(
    failure: Failure,
    context: SubmitContext,
): Omit<SubmitAdvice, 'worthRetrying'> {
    const message = failure.message;
    const mayHaveReachedService = failure.kind === 'unreachable' || failure.kind === 'serviceError';
    if (mentions(message, modelNotSupported)) {
        const suggestedModelId = isBaseModelId(context.modelId)
            ? `${profileGeography(context.region)}.${context.modelId}`
            : undefined;
        const hint =
            suggestedModelId === undefined
                ? `Batch may not run ${context.modelId} in ${context.region}: ` +
                  'try another region or model.'
                : 'Many models run batch jobs only through a cross-region inference profile: ' +
                  `try ${suggestedModelId}, or another region.`;
        return { failure, hint, suggestedModelId, mayHaveReachedService: false };
    }
    if (mentions(message, notEnabled)) {
        return {
            failure,
            hint:
                `Batch inference or this model is not enabled for the account in ` +
                `${context.region}: request model access in the Bedrock console (Model access), ` +
                'or ask your administrator or AWS Support to enable batch inference.',
            mayHaveReachedService: false,
        };
    }
    switch (failure.kind) {
        case 'accessDenied':
            if (
                failure.missingPermission?.toLowerCase() === 'iam:passrole' ||
                /iam:PassRole/i.test(message)
            ) {
                return {
                    failure,
                    hint:
                        `Your identity needs iam:PassRole on ${context.roleArn} (ideally with ` +
                        'the condition iam:PassedToService = bedrock.amazonaws.com) to hand ' +
                        'that role to Bedrock.',
                    mayHaveReachedService: false,
                };
            }
            return failure.missingPermission === undefined
                ? { failure, mayHaveReachedService: false }
                : {
                      failure,
                      hint: `Your identity needs ${failure.missingPermission}.`,
                      mayHaveReachedService: false,
                  };
        case 'validation': {
            const field = fieldNamed(message);
            return {
                failure,
                hint:
                    field === undefined
                        ? 'Bedrock refused a value of the request; change it and submit again.'
                        : `Bedrock refused the field ${field}; change it and submit again.`,
                mayHaveReachedService: false,
            };
        }
        case 'quotaExceeded':
            return {
                failure,
                hint:
                    'Bedrock limits how many batch jobs per model can be submitted or in ' +
                    `progress in ${context.region}. Wait for one of them to finish, or use ` +
                    'another model or region; the limit can be raised in Service Quotas.',
                mayHaveReachedService: false,
            };
        case 'throttled':
            return {
                failure,
                hint: 'Bedrock kept throttling after several retries; try again in a minute.',
                mayHaveReachedService: false,
            };
        case 'unreachable':
        case 'serviceError':
            return {
                failure,
                hint: mayNotExistHint,
                mayHaveReachedService,
            };
        default:
            return { failure, mayHaveReachedService };
    }
}

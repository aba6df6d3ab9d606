// Batch jobs planted in the local AWS endpoint for the explorer's integration tests and bench:
// real CreateModelInvocationJob requests through the simulated service's library API, then the
// simulator's control API to move each job to the status a test wants.
import type { LocalAws } from '../../src/localAws';
import type { BedrockService } from '../../src/localAws/bedrock';
import { geographyOf } from '../../src/localAws/bedrock/catalogue/regions';

export const inputBucket = 'bb-explorer-in';
export const outputBucket = 'bb-explorer-out';
export const inputKey = 'requests/records.jsonl';
export const haiku = 'anthropic.claude-3-haiku-20240307-v1:0';
export const sonnet4 = 'anthropic.claude-sonnet-4-20250514-v1:0';

export type SeedStatus =
    | 'Submitted'
    | 'Validating'
    | 'Scheduled'
    | 'InProgress'
    | 'Stopping'
    | 'Completed'
    | 'PartiallyCompleted'
    | 'Failed'
    | 'Stopped'
    | 'Expired';

export interface SeedJob {
    readonly region: string;
    readonly name: string;
    readonly modelId: string;
    /** Left Submitted when omitted. */
    readonly status?: SeedStatus;
    /** For Failed: the failure message. */
    readonly message?: string;
}

/** The simulated Bedrock, ready for many jobs: no per-model quota, tiny jobs allowed. */
export async function prepareBedrock(aws: LocalAws): Promise<BedrockService> {
    const service = aws.state('bedrock') as BedrockService | undefined;
    if (service === undefined) {
        throw new Error('the local endpoint serves no Bedrock');
    }
    await service.updateSettings({ concurrentJobsPerModel: 1_000_000, minRecordsPerJob: 1 });
    for (const bucket of [inputBucket, outputBucket]) {
        if (!aws.s3.hasBucket(bucket)) {
            await aws.s3.createBucket(bucket, aws.region);
        }
    }
    const record = {
        recordId: 'REC0000001',
        modelInput: {
            anthropic_version: 'bedrock-2023-05-31',
            max_tokens: 64,
            messages: [{ role: 'user', content: 'Say hello.' }],
        },
    };
    await aws.s3.putObject(inputBucket, inputKey, `${JSON.stringify(record)}\n`);
    return service;
}

/**
 * Every id form the service accepts for the two seeded models in a region: base id, profile id
 * of the region's geography, global profile, and the ARNs of both kinds.
 */
export function modelForms(
    region: string,
    accountId: string,
): { modelId: string; baseId: string }[] {
    const geo = geographyOf(region) ?? 'us';
    return [
        { modelId: haiku, baseId: haiku },
        { modelId: `${geo}.${haiku}`, baseId: haiku },
        { modelId: `arn:aws:bedrock:${region}::foundation-model/${haiku}`, baseId: haiku },
        { modelId: `${geo}.${sonnet4}`, baseId: sonnet4 },
        { modelId: `global.${sonnet4}`, baseId: sonnet4 },
        {
            modelId: `arn:aws:bedrock:${region}:${accountId}:inference-profile/${geo}.${sonnet4}`,
            baseId: sonnet4,
        },
    ];
}

/** Creates a job and moves it to its status; returns its ARN. */
export async function seedJob(
    aws: LocalAws,
    service: BedrockService,
    seed: SeedJob,
): Promise<string> {
    const { jobArn } = await service.createJob(
        {
            jobName: seed.name,
            roleArn: `arn:aws:iam::${aws.accountId}:role/BedrockBatchExplorerTest`,
            modelId: seed.modelId,
            inputDataConfig: { s3InputDataConfig: { s3Uri: `s3://${inputBucket}/${inputKey}` } },
            outputDataConfig: { s3OutputDataConfig: { s3Uri: `s3://${outputBucket}/results/` } },
        },
        { accountId: aws.accountId, region: seed.region },
    );
    if (seed.status !== undefined && seed.status !== 'Submitted') {
        await service.forceStatus(jobArn, seed.status, seed.message);
    }
    return jobArn;
}

/** The ten statuses, in lifecycle order. */
export const seedStatuses: readonly SeedStatus[] = [
    'Submitted',
    'Validating',
    'Scheduled',
    'InProgress',
    'Stopping',
    'Completed',
    'PartiallyCompleted',
    'Failed',
    'Stopped',
    'Expired',
];

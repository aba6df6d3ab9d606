import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';

const account = '123456789012';
let counter = 0;

/** A plausible job summary; every field can be overridden. Ids are unique per call. */
export function job(overrides: Partial<ModelInvocationJobSummary> = {}): ModelInvocationJobSummary {
    counter += 1;
    const id = `job${String(counter).padStart(9, '0')}`;
    return {
        jobArn: `arn:aws:bedrock:us-east-1:${account}:model-invocation-job/${id}`,
        jobName: `nightly-${counter}`,
        modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
        roleArn: `arn:aws:iam::${account}:role/BedrockBatch`,
        status: 'InProgress',
        submitTime: new Date('2026-01-10T08:00:00Z'),
        inputDataConfig: { s3InputDataConfig: { s3Uri: 's3://batch-in/requests/records.jsonl' } },
        outputDataConfig: { s3OutputDataConfig: { s3Uri: 's3://batch-out/results/' } },
        ...overrides,
    };
}

export const at = (iso: string): number => new Date(iso).getTime();

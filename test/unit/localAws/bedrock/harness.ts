/** Starts the local endpoint on a manual clock and builds real SDK clients for it. */
import { BedrockClient } from '@aws-sdk/client-bedrock';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { startLocalAws } from '../../../../src/localAws';
import type { LocalAws, ManualClock } from '../../../../src/localAws';
import type { BedrockService } from '../../../../src/localAws/bedrock';

/** A round minute, so per-minute datapoints fall on easy timestamps. */
export const START_MS = Date.UTC(2025, 0, 15, 10, 0, 0);
export const MINUTE = 60_000;
/** The service role the endpoint's IAM holds from the start (jobs check their role exists). */
export const ROLE_ARN = 'arn:aws:iam::123456789012:role/service-role/BedrockBatchServiceRole';
export const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';

export interface Harness {
    readonly aws: LocalAws<ManualClock>;
    readonly bedrock: BedrockClient;
    readonly cloudwatch: CloudWatchClient;
    readonly service: BedrockService;
    bedrockIn(region: string): BedrockClient;
    advance(ms: number): Promise<void>;
    stop(): Promise<void>;
}

export async function startHarness(region = 'us-east-1'): Promise<Harness> {
    process.env['AWS_EC2_METADATA_DISABLED'] = 'true';
    process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
    const aws = await startLocalAws({ clock: { kind: 'manual', startMs: START_MS }, region });
    const clientConfig = (
        inRegion: string,
    ): {
        endpoint: string;
        region: string;
        maxAttempts: number;
        credentials: { accessKeyId: string; secretAccessKey: string };
    } => ({
        endpoint: aws.endpoint,
        region: inRegion,
        maxAttempts: 1,
        credentials: aws.credentials,
    });
    const bedrock = new BedrockClient(clientConfig(region));
    const cloudwatch = new CloudWatchClient(clientConfig(region));
    const service = aws.state('bedrock') as BedrockService;
    const extra: BedrockClient[] = [];
    return {
        aws,
        bedrock,
        cloudwatch,
        service,
        bedrockIn: (inRegion) => {
            const client = new BedrockClient(clientConfig(inRegion));
            extra.push(client);
            return client;
        },
        advance: async (ms) => {
            aws.clock.advance(ms);
            await service.tick();
        },
        stop: async () => {
            bedrock.destroy();
            cloudwatch.destroy();
            extra.forEach((c) => c.destroy());
            await aws.stop();
        },
    };
}

/** An object's text from the local S3, or undefined when it does not exist. */
export async function readObject(
    aws: LocalAws,
    bucket: string,
    key: string,
): Promise<string | undefined> {
    const stream = await aws.s3.openObject(bucket, key);
    if (stream === undefined) {
        return undefined;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of stream) {
        chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
}

/** JSONL text of `count` Claude Messages records with ids rec-0001... */
export function claudeRecords(count: number, options: { withVersion?: boolean } = {}): string {
    const lines: string[] = [];
    for (let i = 1; i <= count; i += 1) {
        const modelInput: Record<string, unknown> = {
            ...(options.withVersion === false ? {} : { anthropic_version: 'bedrock-2023-05-31' }),
            max_tokens: 256,
            messages: [
                {
                    role: 'user',
                    content: [{ type: 'text', text: `Summarise item number ${i} in one line.` }],
                },
            ],
        };
        lines.push(JSON.stringify({ recordId: `rec-${String(i).padStart(4, '0')}`, modelInput }));
    }
    return `${lines.join('\n')}\n`;
}

export interface JobInput {
    jobName?: string;
    modelId?: string;
    input?: string;
    output?: string;
    [member: string]: unknown;
}

export function jobRequest(overrides: JobInput = {}): Record<string, unknown> {
    const { input, output, ...rest } = overrides;
    return {
        jobName: 'test-job',
        roleArn: ROLE_ARN,
        modelId: HAIKU,
        inputDataConfig: { s3InputDataConfig: { s3Uri: input ?? 's3://batch-in/records.jsonl' } },
        outputDataConfig: { s3OutputDataConfig: { s3Uri: output ?? 's3://batch-out/results/' } },
        ...rest,
    };
}

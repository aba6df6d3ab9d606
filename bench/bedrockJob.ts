// Times the local Bedrock batch simulator on a 50,000-record Claude job (the per-job quota) on a
// manual clock: validation (reading and planning every record), then the run two ways: the clock
// jumping to the end in one step (every line rendered and written once), and stepping one minute
// at a time, where each step appends the minute's records by rewriting the whole `.out` object.
// Run: npx tsc -p tsconfig.json && node out/bench/bedrockJob.js
// (writes bench/results/bedrockJob.json)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BedrockClient, CreateModelInvocationJobCommand } from '@aws-sdk/client-bedrock';
import { startLocalAws } from '../src/localAws';
import type { LocalAws, ManualClock } from '../src/localAws';
import type { BedrockService } from '../src/localAws/bedrock';

const RECORDS = 50_000;
const MINUTE = 60_000;
const START_MS = Date.UTC(2025, 0, 15, 10, 0, 0);

function records(): string {
    const lines: string[] = [];
    for (let i = 1; i <= RECORDS; i += 1) {
        const text =
            `Summarize this review in one sentence.\n\n"Order ${i} arrived ${i % 7} days late. ` +
            `The box was ${i % 2 === 0 ? 'dented' : 'fine'} and support answered quickly."`;
        lines.push(
            JSON.stringify({
                recordId: `R${String(i).padStart(10, '0')}`,
                modelInput: {
                    anthropic_version: 'bedrock-2023-05-31',
                    max_tokens: 200,
                    messages: [{ role: 'user', content: [{ type: 'text', text }] }],
                },
            }),
        );
    }
    return `${lines.join('\n')}\n`;
}

async function timed(work: () => Promise<void>): Promise<number> {
    const start = performance.now();
    await work();
    return Math.round(performance.now() - start);
}

async function outSize(aws: LocalAws, jobArn: string): Promise<number> {
    const stream = await aws.s3.openObject('bench-out', `out/${jobArn.slice(-12)}/in.jsonl.out`);
    let size = 0;
    for await (const chunk of stream ?? []) {
        size += (chunk as Buffer).length;
    }
    return size;
}

async function main(): Promise<void> {
    process.env['AWS_EC2_METADATA_DISABLED'] = 'true';
    const aws: LocalAws<ManualClock> = await startLocalAws({
        clock: { kind: 'manual', startMs: START_MS },
    });
    const service = aws.state('bedrock') as BedrockService;
    const bedrock = new BedrockClient({
        endpoint: aws.endpoint,
        region: 'us-east-1',
        credentials: aws.credentials,
        maxAttempts: 1,
    });
    const advance = async (ms: number): Promise<void> => {
        aws.clock.advance(ms);
        await service.tick();
    };
    await aws.s3.createBucket('bench-in');
    await aws.s3.createBucket('bench-out');
    const input = records();
    await aws.s3.putObject('bench-in', 'in.jsonl', input);
    const create = async (): Promise<string> => {
        const out = await bedrock.send(
            new CreateModelInvocationJobCommand({
                jobName: 'bench',
                roleArn: `arn:aws:iam::${aws.accountId}:role/service-role/BedrockBatchServiceRole`,
                modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
                inputDataConfig: { s3InputDataConfig: { s3Uri: 's3://bench-in/in.jsonl' } },
                outputDataConfig: { s3OutputDataConfig: { s3Uri: 's3://bench-out/out/' } },
            }),
        );
        return out.jobArn ?? '';
    };
    const status = async (jobArn: string): Promise<unknown> =>
        (await service.describeJob(jobArn))['status'];
    const runMinutes = Math.ceil(RECORDS / 100) + 1;

    const jumpJob = await create();
    await advance(30_000);
    const validateMs = await timed(() => advance(MINUTE));
    await advance(MINUTE);
    const jumpMs = await timed(() => advance(runMinutes * MINUTE));
    const jumpStatus = await status(jumpJob);
    const outBytes = await outSize(aws, jumpJob);

    const stepJob = await create();
    await advance(30_000 + 2 * MINUTE);
    const steps: number[] = [];
    for (let i = 0; i < runMinutes; i += 1) {
        steps.push(await timed(() => advance(MINUTE)));
    }
    const stepStatus = await status(stepJob);
    const sorted = [...steps].sort((a, b) => a - b);
    const result = {
        what: '50,000-record Claude job, Bedrock simulator, manual clock, 100 records/min',
        node: process.version,
        records: RECORDS,
        inputBytes: Buffer.byteLength(input),
        outBytes,
        validateMs,
        jumpToEnd: { status: jumpStatus, ms: jumpMs },
        minuteSteps: {
            status: stepStatus,
            steps: steps.length,
            totalMs: steps.reduce((sum, ms) => sum + ms, 0),
            medianStepMs: sorted[Math.floor(sorted.length / 2)],
            maxStepMs: sorted[sorted.length - 1],
            lastTenStepsMs: steps.slice(-10),
        },
        peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    };
    bedrock.destroy();
    await aws.stop();
    const dir = join(__dirname, '..', '..', 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'bedrockJob.json'), `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

void main();

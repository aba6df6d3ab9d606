import * as assert from 'node:assert/strict';
import {
    CreateModelInvocationJobCommand,
    GetModelInvocationJobCommand,
} from '@aws-sdk/client-bedrock';
import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { expectedJobMs, demoPace } from '../../../src/localAws/bedrock/demoPace';
import { sampleFiles } from '../../../src/sandbox/samples';
import { seedSandbox } from '../../../src/sandbox/seed';
import { MINUTE, START_MS, startHarness, type Harness } from '../localAws/bedrock/harness';

/** A sample file submitted as a job on the sandbox's pace, with a clock the test moves. */
describe('a sample job on the sandbox pace', () => {
    let h: Harness;
    let jobArn: string;

    beforeEach(async () => {
        h = await startHarness();
        await h.service.updateSettings(demoPace(1));
        const { bucket, roleArn } = await seedSandbox(h.aws);
        const claude = sampleFiles()[0];
        assert.ok(claude);
        await h.aws.s3.putObject(bucket, `input/${claude.name}`, claude.text);
        const created = await h.bedrock.send(new CreateModelInvocationJobCommand({
            jobName: 'sandbox-sample',
            roleArn,
            modelId: claude.modelId,
            inputDataConfig: {
                s3InputDataConfig: { s3Uri: `s3://${bucket}/input/${claude.name}` },
            },
            outputDataConfig: { s3OutputDataConfig: { s3Uri: `s3://${bucket}/output/` } },
        }));
        jobArn = created.jobArn ?? '';
    });

    afterEach(async () => {
        await h.stop();
    });

    async function status(): Promise<string | undefined> {
        const job = await h.bedrock.send(
            new GetModelInvocationJobCommand({ jobIdentifier: jobArn }));
        return job.status;
    }

    it('is in progress after a minute and completed two minutes after submission', async () => {
        assert.equal(expectedJobMs(300, demoPace(1)), 2 * MINUTE);
        await h.advance(MINUTE);
        assert.equal(await status(), 'InProgress');
        await h.advance(MINUTE - 1_000);
        assert.equal(await status(), 'InProgress');
        await h.advance(1_000);
        assert.equal(await status(), 'Completed');
    });

    it('publishes input tokens for each minute it runs, so charts fill in', async () => {
        await h.advance(3 * MINUTE);
        const data = await h.cloudwatch.send(new GetMetricDataCommand({
            StartTime: new Date(START_MS - 5 * MINUTE),
            EndTime: new Date(START_MS + 5 * MINUTE),
            MetricDataQueries: [{
                Id: 'tokens',
                MetricStat: {
                    Metric: {
                        Namespace: 'AWS/Bedrock/Batch',
                        MetricName: 'NumberOfInputTokensProcessedPerMinute',
                        Dimensions: [{ Name: 'ModelId', Value: sampleFiles()[0]?.modelId ?? '' }],
                    },
                    Period: 60,
                    Stat: 'Sum',
                },
            }],
        }));
        const values = data.MetricDataResults?.[0]?.Values ?? [];
        const busy = values.filter((v) => v > 0);
        assert.ok(busy.length >= 2, `per-minute values: ${values.join(', ')}`);
    });
});

import * as assert from 'node:assert/strict';
import { PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import type { AwsCli } from '../bedrock/awsCli';
import { startCliHarness } from '../bedrock/cliHarness';
import { MINUTE, START_MS } from '../bedrock/harness';
import type { Harness } from '../bedrock/harness';

describe('local CloudWatch through the AWS CLI', function () {
    this.timeout(60_000);
    let h: Harness;
    let cli: AwsCli;

    before(async function () {
        ({ h, cli } = await startCliHarness(this));
        h.aws.clock.advance(10 * MINUTE);
        await h.cloudwatch.send(
            new PutMetricDataCommand({
                Namespace: 'BedrockBatch/Cli',
                MetricData: [1, 2, 3].map((minute) => ({
                    MetricName: 'Depth',
                    Timestamp: new Date(START_MS + minute * MINUTE),
                    Value: minute * 10,
                })),
            }),
        );
    });

    after(async () => {
        cli?.dispose();
        await h?.stop();
    });

    it('reads datapoints with get-metric-data, creates and describes alarms', async () => {
        const queries = JSON.stringify([
            {
                Id: 'm1',
                MetricStat: {
                    Metric: { Namespace: 'BedrockBatch/Cli', MetricName: 'Depth' },
                    Period: 60,
                    Stat: 'Sum',
                },
            },
        ]);
        const [data, put, bad] = await Promise.all([
            cli.json(
                'cloudwatch',
                'get-metric-data',
                '--metric-data-queries',
                queries,
                '--start-time',
                new Date(START_MS).toISOString(),
                '--end-time',
                new Date(START_MS + 10 * MINUTE).toISOString(),
                '--scan-by',
                'TimestampAscending',
            ),
            cli.run(
                'cloudwatch',
                'put-metric-alarm',
                '--alarm-name',
                'bedrock-batch-high-input-tpm',
                '--namespace',
                'AWS/Bedrock/Batch',
                '--metric-name',
                'NumberOfInputTokensProcessedPerMinute',
                '--dimensions',
                'Name=ModelId,Value=anthropic.claude-3-haiku-20240307-v1:0',
                '--statistic',
                'Average',
                '--period',
                '21600',
                '--evaluation-periods',
                '1',
                '--threshold',
                '1000000',
                '--comparison-operator',
                'GreaterThanThreshold',
                '--treat-missing-data',
                'notBreaching',
                '--alarm-actions',
                'arn:aws:sns:us-east-1:123456789012:batch-alerts',
            ),
            cli.run(
                'cloudwatch',
                'put-metric-alarm',
                '--alarm-name',
                'x',
                '--namespace',
                'N',
                '--metric-name',
                'M',
                '--statistic',
                'Average',
                '--period',
                '45',
                '--evaluation-periods',
                '1',
                '--threshold',
                '1',
                '--comparison-operator',
                'GreaterThanThreshold',
            ),
        ]);
        const result = (data['MetricDataResults'] as Array<Record<string, unknown>>)[0];
        assert.deepEqual(result?.['Values'], [10, 20, 30]);
        // The v1 CLI prints the wire value of a timestamp: epoch seconds here.
        assert.deepEqual(
            result?.['Timestamps'],
            [1, 2, 3].map((m) => (START_MS + m * MINUTE) / 1000),
        );
        assert.equal(put.code, 0, put.stderr);
        assert.match(
            bad.stderr,
            /\(InvalidParameterValue\) when calling the PutMetricAlarm operation/,
        );

        const described = await cli.json(
            'cloudwatch',
            'describe-alarms',
            '--alarm-names',
            'bedrock-batch-high-input-tpm',
        );
        const alarm = (described['MetricAlarms'] as Array<Record<string, unknown>>)[0];
        assert.equal(alarm?.['StateValue'], 'INSUFFICIENT_DATA');
        assert.equal(alarm?.['Period'], 21600);
        assert.equal(alarm?.['Threshold'], 1000000);
        assert.deepEqual(alarm?.['AlarmActions'], [
            'arn:aws:sns:us-east-1:123456789012:batch-alerts',
        ]);
        assert.deepEqual(alarm?.['Dimensions'], [
            { Name: 'ModelId', Value: 'anthropic.claude-3-haiku-20240307-v1:0' },
        ]);
    });
});

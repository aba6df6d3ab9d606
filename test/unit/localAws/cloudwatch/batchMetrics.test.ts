import * as assert from 'node:assert/strict';
import { CreateModelInvocationJobCommand } from '@aws-sdk/client-bedrock';
import type { CreateModelInvocationJobCommandInput } from '@aws-sdk/client-bedrock';
import {
    DescribeAlarmsCommand,
    GetMetricDataCommand,
    ListMetricsCommand,
    PutMetricAlarmCommand,
} from '@aws-sdk/client-cloudwatch';
import type { FiredAction } from '../../../../src/localAws/cloudwatch';
import {
    HAIKU,
    MINUTE,
    START_MS,
    claudeRecords,
    jobRequest,
    readObject,
    startHarness,
} from '../bedrock/harness';
import type { Harness } from '../bedrock/harness';

const NOVA = 'amazon.nova-lite-v1:0';
const NS = 'AWS/Bedrock/Batch';

function novaRecords(count: number): string {
    return Array.from({ length: count }, (_, i) =>
        JSON.stringify({
            recordId: `n${i}`,
            modelInput: {
                schemaVersion: 'messages-v1',
                messages: [
                    { role: 'user', content: [{ text: `Question ${i}: what is a batch job?` }] },
                ],
                inferenceConfig: { maxTokens: 128 },
            },
        }),
    ).join('\n');
}

function at(minutes: number): Date {
    return new Date(START_MS + minutes * MINUTE);
}

describe('AWS/Bedrock/Batch metrics from the job simulator', function () {
    this.timeout(20_000);
    let h: Harness;
    let haikuJob = '';
    let novaJob = '';

    before(async () => {
        h = await startHarness();
        await h.aws.s3.createBucket('batch-in');
        await h.aws.s3.createBucket('batch-out');
        await h.aws.s3.putObject('batch-in', 'haiku.jsonl', claudeRecords(300));
        await h.aws.s3.putObject('batch-in', 'nova/part-1.jsonl', novaRecords(100));
        await h.aws.s3.putObject('batch-in', 'nova/part-2.jsonl', novaRecords(100));
        await h.cloudwatch.send(
            new PutMetricAlarmCommand({
                AlarmName: 'haiku-backlog',
                Namespace: NS,
                MetricName: 'NumberOfRecordsPendingProcessing',
                Dimensions: [{ Name: 'ModelId', Value: HAIKU }],
                Statistic: 'Maximum',
                Period: 60,
                EvaluationPeriods: 1,
                Threshold: 200,
                ComparisonOperator: 'GreaterThanThreshold',
                TreatMissingData: 'notBreaching',
                AlarmActions: ['arn:aws:sns:us-east-1:123456789012:batch-alerts'],
            }),
        );
        const send = (input: Record<string, unknown>): Promise<{ jobArn?: string }> =>
            h.bedrock.send(
                new CreateModelInvocationJobCommand(
                    jobRequest(input) as unknown as CreateModelInvocationJobCommandInput,
                ),
            );
        haikuJob =
            (await send({ modelId: `us.${HAIKU}`, input: 's3://batch-in/haiku.jsonl' })).jobArn ??
            '';
        novaJob = (await send({ modelId: NOVA, input: 's3://batch-in/nova/' })).jobArn ?? '';
        await h.advance(10 * MINUTE);
    });

    after(async () => {
        await h.stop();
    });

    async function manifest(jobArn: string): Promise<Record<string, number>> {
        const text = await readObject(
            h.aws,
            'batch-out',
            `results/${jobArn.slice(-12)}/manifest.json.out`,
        );
        return JSON.parse(text ?? '{}') as Record<string, number>;
    }

    it('publishes per-minute datapoints under the base model id as records are done', async () => {
        const out = await h.cloudwatch.send(
            new GetMetricDataCommand({
                StartTime: at(0),
                EndTime: at(15),
                ScanBy: 'TimestampAscending',
                MetricDataQueries: [
                    'NumberOfRecordsPendingProcessing',
                    'NumberOfInputTokensProcessedPerMinute',
                    'NumberOfOutputTokensProcessedPerMinute',
                    'NumberOfTokensPendingProcessing',
                ].map((metric, i) => ({
                    Id: `m${i}`,
                    MetricStat: {
                        Metric: {
                            Namespace: NS,
                            MetricName: metric,
                            Dimensions: [{ Name: 'ModelId', Value: HAIKU }],
                        },
                        Period: 60,
                        Stat: 'Sum',
                    },
                })),
            }),
        );
        const [pending, input, output, tokensPending] = out.MetricDataResults ?? [];
        // Each datapoint is stamped with the start of its minute. The job is validated 1.5 min
        // after submission (all 300 records pending from then on), runs from 2.5 min at 100
        // records a minute and ends at 5.5 min: the backlog gauge gives what was waiting at the
        // minute's start, so the minute it finished in still shows the 50 records it had left.
        // As it was the model's last job, the gauge then closes at 0 at 6 min, and the series
        // stop there.
        assert.deepEqual(pending?.Timestamps, [0, 1, 2, 3, 4, 5, 6].map(at));
        assert.deepEqual(pending?.Values, [0, 0, 300, 250, 150, 50, 0]);
        const m = await manifest(haikuJob);
        assert.equal(m['processedRecordCount'], 300);
        const sum = (values: number[] | undefined): number =>
            (values ?? []).reduce((a, b) => a + b, 0);
        assert.deepEqual(input?.Timestamps, [0, 1, 2, 3, 4, 5].map(at));
        assert.equal(sum(input?.Values), m['inputTokenCount']);
        assert.equal(sum(output?.Values), m['outputTokenCount']);
        const tokens = tokensPending?.Values ?? [];
        const processed = input?.Values ?? [];
        assert.deepEqual(tokens.slice(0, 3), [0, 0, m['inputTokenCount']]);
        assert.deepEqual(processed.slice(0, 2), [0, 0], 'nothing processed before the run');
        // Tokens pending at a minute's start are those processed in it and in the later ones.
        for (let minute = 2; minute <= 5; minute++) {
            assert.equal(tokens[minute], sum(processed.slice(minute)), `minute ${minute}`);
        }
        assert.ok((tokens[5] ?? 0) > 0, 'the last minute of the run still had tokens pending');
        assert.deepEqual(tokensPending?.Timestamps, [0, 1, 2, 3, 4, 5, 6].map(at));
        assert.equal(tokens[6], 0, 'nothing pending once the job has ended');
    });

    it('publishes NumberOfTokensPendingProcessing for Anthropic models only', async () => {
        const metrics = await h.cloudwatch.send(new ListMetricsCommand({ Namespace: NS }));
        const names = (model: string): string[] =>
            (metrics.Metrics ?? [])
                .filter((x) => x.Dimensions?.[0]?.Value === model)
                .map((x) => x.MetricName ?? '')
                .sort();
        assert.deepEqual(names(HAIKU), [
            'NumberOfInputTokensProcessedPerMinute',
            'NumberOfOutputTokensProcessedPerMinute',
            'NumberOfRecordsPendingProcessing',
            'NumberOfTokensPendingProcessing',
        ]);
        assert.deepEqual(names(NOVA), [
            'NumberOfInputTokensProcessedPerMinute',
            'NumberOfOutputTokensProcessedPerMinute',
            'NumberOfRecordsPendingProcessing',
        ]);
        assert.ok(
            (metrics.Metrics ?? []).every(
                (x) => x.Dimensions?.length === 1 && x.Dimensions[0]?.Name === 'ModelId',
            ),
        );
    });

    it('answers Metrics Insights GROUP BY ModelId with one series per model', async () => {
        const out = await h.cloudwatch.send(
            new GetMetricDataCommand({
                StartTime: at(0),
                EndTime: at(15),
                MetricDataQueries: [
                    {
                        Id: 'q1',
                        Period: 3600,
                        Expression:
                            'SELECT SUM(NumberOfInputTokensProcessedPerMinute) ' +
                            'FROM SCHEMA("AWS/Bedrock/Batch", ModelId) ' +
                            'GROUP BY ModelId ORDER BY SUM() DESC',
                    },
                ],
            }),
        );
        const results = out.MetricDataResults ?? [];
        const haiku = await manifest(haikuJob);
        const nova = await manifest(novaJob);
        assert.equal(nova['totalRecordCount'], 200);
        const expected = [
            [HAIKU, haiku['inputTokenCount']],
            [NOVA, nova['inputTokenCount']],
        ].sort((a, b) => Number(b[1]) - Number(a[1]));
        assert.deepEqual(
            results.map((r) => [r.Label, r.Values?.[0]]),
            expected,
        );
        assert.ok(results.every((r) => r.Id === 'q1'));

        const filtered = await h.cloudwatch.send(
            new GetMetricDataCommand({
                StartTime: at(0),
                EndTime: at(15),
                MetricDataQueries: [
                    {
                        Id: 'q1',
                        Period: 60,
                        Label: 'haiku pending',
                        Expression:
                            'SELECT MAX(NumberOfRecordsPendingProcessing) ' +
                            'FROM "AWS/Bedrock/Batch" ' +
                            `WHERE ModelId = '${HAIKU}'`,
                    },
                ],
            }),
        );
        assert.equal(filtered.MetricDataResults?.length, 1);
        assert.equal(filtered.MetricDataResults?.[0]?.Label, 'haiku pending');
        assert.equal(Math.max(...(filtered.MetricDataResults?.[0]?.Values ?? [])), 300);
        const limited = await h.cloudwatch.send(
            new GetMetricDataCommand({
                StartTime: at(0),
                EndTime: at(15),
                MetricDataQueries: [
                    {
                        Id: 'q1',
                        Period: 300,
                        Expression:
                            'SELECT AVG(NumberOfRecordsPendingProcessing) ' +
                            'FROM SCHEMA("AWS/Bedrock/Batch", ModelId) GROUP BY ModelId LIMIT 1',
                    },
                ],
            }),
        );
        assert.equal(limited.MetricDataResults?.length, 1);
    });

    it('refuses bad Insights syntax and a second Insights query in one call', async () => {
        await assert.rejects(
            h.cloudwatch.send(
                new GetMetricDataCommand({
                    StartTime: at(0),
                    EndTime: at(15),
                    MetricDataQueries: [
                        {
                            Id: 'q1',
                            Period: 60,
                            Expression:
                                'SELECT AVG(NumberOfRecordsPendingProcessing) ' +
                                'FORM "AWS/Bedrock/Batch"',
                        },
                    ],
                }),
            ),
            (err: Error) =>
                err.name === 'InvalidParameterValueException' &&
                /expected FROM at position \d+, found 'FORM'/.test(err.message),
        );
        const query =
            'SELECT AVG(NumberOfRecordsPendingProcessing) ' +
            'FROM SCHEMA("AWS/Bedrock/Batch", ModelId)';
        await assert.rejects(
            h.cloudwatch.send(
                new GetMetricDataCommand({
                    StartTime: at(0),
                    EndTime: at(15),
                    MetricDataQueries: [
                        { Id: 'q1', Period: 60, Expression: query },
                        { Id: 'q2', Period: 60, Expression: query },
                    ],
                }),
            ),
            (err: Error) =>
                err.name === 'InvalidParameterValueException' &&
                /only one Metrics Insights query/.test(err.message),
        );
    });

    it('moves the alarm to ALARM on backlog, records the SNS action, then back to OK', async () => {
        const alarms = await h.cloudwatch.send(
            new DescribeAlarmsCommand({ AlarmNames: ['haiku-backlog'] }),
        );
        const alarm = alarms.MetricAlarms?.[0];
        assert.equal(alarm?.StateValue, 'OK');
        // ALARM when minute 2's datapoint (300 waiting at its start) is published at 3 min, back
        // to OK when minute 4's (150) is.
        assert.equal(alarm?.StateUpdatedTimestamp?.getTime(), at(5).getTime());
        const cw = h.aws.state('cloudwatch') as { firedAlarmActions(): FiredAction[] };
        const fired = cw.firedAlarmActions();
        assert.deepEqual(
            fired.map((f) => [f.action, f.oldState, f.newState, f.timestampMs]),
            [['arn:aws:sns:us-east-1:123456789012:batch-alerts', 'OK', 'ALARM', at(3).getTime()]],
        );
        assert.equal(
            fired[0]?.reason,
            'Threshold Crossed: 1 datapoint [300.0 (15/01/25 10:02:00)] ' +
                'was greater than the threshold (200.0).',
        );
    });
    it('publishes nothing for a model once its closing 0 is out', async () => {
        await h.advance(10 * MINUTE);
        const metrics = [
            'NumberOfRecordsPendingProcessing',
            'NumberOfTokensPendingProcessing',
            'NumberOfInputTokensProcessedPerMinute',
            'NumberOfOutputTokensProcessedPerMinute',
        ];
        const out = await h.cloudwatch.send(
            new GetMetricDataCommand({
                StartTime: at(6),
                EndTime: at(20),
                MetricDataQueries: [HAIKU, NOVA].flatMap((model, m) =>
                    metrics.map((metric, i) => ({
                        Id: `m${m}x${i}`,
                        MetricStat: {
                            Metric: {
                                Namespace: NS,
                                MetricName: metric,
                                Dimensions: [{ Name: 'ModelId', Value: model }],
                            },
                            Period: 60,
                            Stat: 'SampleCount',
                        },
                    })),
                ),
            }),
        );
        const after = (out.MetricDataResults ?? []).flatMap((r) =>
            (r.Timestamps ?? []).map((t) => `${r.Id ?? ''}@${(t.getTime() - START_MS) / MINUTE}`),
        );
        // Only the Haiku gauges' closing 0 at 6 min (the Nova job closed earlier); one sample
        // each: a closed minute start is not published twice.
        assert.deepEqual(after.sort(), ['m0x0@6', 'm0x1@6']);
        assert.deepEqual(
            (out.MetricDataResults ?? []).flatMap((r) => r.Values ?? []),
            [1, 1],
        );
    });
});

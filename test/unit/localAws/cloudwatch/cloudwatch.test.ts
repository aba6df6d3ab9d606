import * as assert from 'node:assert/strict';
import {
    DeleteAlarmsCommand,
    DeleteDashboardsCommand,
    DescribeAlarmsCommand,
    DescribeAlarmsForMetricCommand,
    GetDashboardCommand,
    GetMetricDataCommand,
    ListDashboardsCommand,
    ListMetricsCommand,
    PutDashboardCommand,
    PutMetricAlarmCommand,
    PutMetricDataCommand,
    SetAlarmStateCommand,
} from '@aws-sdk/client-cloudwatch';
import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { MINUTE, START_MS, startHarness } from '../bedrock/harness';
import type { Harness } from '../bedrock/harness';

const NS = 'BedrockBatch/Test';

function at(minutes: number): Date {
    return new Date(START_MS + minutes * MINUTE);
}

describe('local CloudWatch through the SDK', function () {
    this.timeout(20_000);
    let h: Harness;

    beforeEach(async () => {
        h = await startHarness();
    });

    afterEach(async () => {
        await h.stop();
    });

    async function put(
        metricName: string,
        points: Array<[number, number]>,
        dims = [{ Name: 'Queue', Value: 'a' }],
    ): Promise<void> {
        await h.cloudwatch.send(
            new PutMetricDataCommand({
                Namespace: NS,
                MetricData: points.map(([minute, value]) => ({
                    MetricName: metricName,
                    Dimensions: dims,
                    Timestamp: at(minute),
                    Value: value,
                    Unit: 'Count',
                })),
            }),
        );
    }

    function stat(
        id: string,
        metricName: string,
        statName: string,
        period = 60,
        dims = [{ Name: 'Queue', Value: 'a' }],
    ): MetricDataQuery {
        return {
            Id: id,
            MetricStat: {
                Metric: { Namespace: NS, MetricName: metricName, Dimensions: dims },
                Period: period,
                Stat: statName,
            },
        };
    }

    it('round-trips PutMetricData and GetMetricData per statistic, newest first', async () => {
        h.aws.clock.advance(10 * MINUTE);
        await put('Depth', [
            [0, 1],
            [0, 3],
            [1, 10],
            [5, 7],
        ]);
        const out = await h.cloudwatch.send(
            new GetMetricDataCommand({
                StartTime: at(0),
                EndTime: at(10),
                MetricDataQueries: [
                    'Average',
                    'Sum',
                    'Minimum',
                    'Maximum',
                    'SampleCount',
                    'p50',
                ].map((s, i) => stat(`q${i}`, 'Depth', s)),
            }),
        );
        const results = out.MetricDataResults ?? [];
        assert.deepEqual(
            results.map((r) => r.Values),
            [
                [7, 10, 2],
                [7, 10, 4],
                [7, 10, 1],
                [7, 10, 3],
                [1, 1, 2],
                [7, 10, 1],
            ],
        );
        assert.deepEqual(results[0]?.Timestamps, [at(5), at(1), at(0)]);
        assert.equal(results[0]?.Label, 'Depth');
        assert.equal(results[0]?.StatusCode, 'Complete');

        const ascending = await h.cloudwatch.send(
            new GetMetricDataCommand({
                StartTime: at(0),
                EndTime: at(10),
                ScanBy: 'TimestampAscending',
                MetricDataQueries: [{ ...stat('m1', 'Depth', 'Sum', 300), Label: 'depth' }],
            }),
        );
        assert.deepEqual(ascending.MetricDataResults?.[0]?.Timestamps, [at(0), at(5)]);
        assert.deepEqual(ascending.MetricDataResults?.[0]?.Values, [14, 7]);
        assert.equal(ascending.MetricDataResults?.[0]?.Label, 'depth');
    });

    it('pages GetMetricData with MaxDatapoints and NextToken', async () => {
        h.aws.clock.advance(30 * MINUTE);
        await put(
            'Depth',
            Array.from({ length: 25 }, (_, i): [number, number] => [i, i]),
        );
        const seen: number[] = [];
        let token: string | undefined;
        let pages = 0;
        do {
            const page = await h.cloudwatch.send(
                new GetMetricDataCommand({
                    StartTime: at(0),
                    EndTime: at(30),
                    MaxDatapoints: 10,
                    ScanBy: 'TimestampAscending',
                    MetricDataQueries: [stat('m1', 'Depth', 'Maximum')],
                    ...(token === undefined ? {} : { NextToken: token }),
                }),
            );
            seen.push(...(page.MetricDataResults?.[0]?.Values ?? []));
            assert.equal(
                page.MetricDataResults?.[0]?.StatusCode,
                page.NextToken === undefined ? 'Complete' : 'PartialData',
            );
            token = page.NextToken;
            pages += 1;
        } while (token !== undefined);
        assert.equal(pages, 3);
        assert.deepEqual(
            seen,
            Array.from({ length: 25 }, (_, i) => i),
        );
        await assert.rejects(
            h.cloudwatch.send(
                new GetMetricDataCommand({
                    StartTime: at(0),
                    EndTime: at(30),
                    MetricDataQueries: [stat('m1', 'Depth', 'Maximum')],
                    NextToken: 'bogus',
                }),
            ),
            (err: Error) => err.name === 'InvalidNextToken',
        );
    });

    it('evaluates metric math over other queries; ReturnData false hides inputs', async () => {
        h.aws.clock.advance(10 * MINUTE);
        await put('Pending', [
            [0, 5],
            [1, 5],
            [2, 0],
        ]);
        await put('Tokens', [
            [0, 100],
            [1, 0],
            [2, 0],
        ]);
        const out = await h.cloudwatch.send(
            new GetMetricDataCommand({
                StartTime: at(0),
                EndTime: at(3),
                ScanBy: 'TimestampAscending',
                MetricDataQueries: [
                    { ...stat('pending', 'Pending', 'Maximum'), ReturnData: false },
                    { ...stat('tokens', 'Tokens', 'Sum'), ReturnData: false },
                    {
                        Id: 'stuck',
                        Expression: 'IF(pending > 0 AND tokens == 0, 1, 0)',
                        Label: 'Stuck',
                    },
                    { Id: 'total', Expression: 'pending * 2 + tokens / 100' },
                    { Id: 'both', Expression: 'SUM([pending, tokens])' },
                ],
            }),
        );
        const byId = new Map((out.MetricDataResults ?? []).map((r) => [r.Id, r]));
        assert.deepEqual([...byId.keys()], ['stuck', 'total', 'both']);
        assert.deepEqual(byId.get('stuck')?.Values, [0, 1, 0]);
        assert.equal(byId.get('stuck')?.Label, 'Stuck');
        assert.deepEqual(byId.get('total')?.Values, [11, 10, 0]);
        assert.deepEqual(byId.get('both')?.Values, [105, 5, 0]);
    });

    it('refuses bad requests with the names the SDK maps', async () => {
        const cases: Array<[() => Promise<unknown>, string, RegExp]> = [
            [
                () =>
                    h.cloudwatch.send(
                        new GetMetricDataCommand({
                            StartTime: at(5),
                            EndTime: at(1),
                            MetricDataQueries: [stat('m1', 'X', 'Sum')],
                        }),
                    ),
                'InvalidParameterValueException',
                /StartTime must be less than the parameter EndTime/,
            ],
            [
                () =>
                    h.cloudwatch.send(
                        new GetMetricDataCommand({
                            StartTime: at(0),
                            EndTime: at(1),
                            MetricDataQueries: [stat('M1', 'X', 'Sum')],
                        }),
                    ),
                'InvalidParameterValueException',
                /M1/,
            ],
            [
                () =>
                    h.cloudwatch.send(
                        new GetMetricDataCommand({
                            StartTime: at(0),
                            EndTime: at(1),
                            MetricDataQueries: [{ Id: 'e1', Expression: 'm9 * 2' }],
                        }),
                    ),
                'InvalidParameterValueException',
                /m9/,
            ],
            [
                () =>
                    h.cloudwatch.send(
                        new GetMetricDataCommand({
                            StartTime: at(0),
                            EndTime: at(1),
                            MetricDataQueries: [stat('m1', 'X', 'Median')],
                        }),
                    ),
                'InvalidParameterValueException',
                /Median/,
            ],
            [
                () =>
                    h.cloudwatch.send(
                        new PutMetricDataCommand({
                            Namespace: 'AWS/Bedrock/Batch',
                            MetricData: [{ MetricName: 'X', Value: 1 }],
                        }),
                    ),
                'InvalidParameterValueException',
                /reserved/,
            ],
            [
                () =>
                    h.cloudwatch.send(
                        new PutMetricDataCommand({
                            Namespace: NS,
                            MetricData: [{ Value: 1 } as never],
                        }),
                    ),
                'MissingRequiredParameterException',
                /MetricData\.member\.1\.MetricName is required/,
            ],
            [
                () => h.cloudwatch.send(new GetDashboardCommand({ DashboardName: 'absent' })),
                'ResourceNotFound',
                /absent/,
            ],
            [
                () => h.cloudwatch.send(new DeleteAlarmsCommand({ AlarmNames: ['absent'] })),
                'ResourceNotFound',
                /absent/,
            ],
        ];
        for (const [request, name, message] of cases) {
            await assert.rejects(
                request(),
                (err: Error & { $metadata: { httpStatusCode?: number } }) => {
                    assert.equal(err.name, name);
                    assert.match(err.message, message);
                    return true;
                },
            );
        }
    });

    it('lists metrics with name and dimension filters, RecentlyActive and paging', async () => {
        h.aws.clock.advance(5 * 60 * MINUTE);
        const cw = h.aws.state('cloudwatch') as { putDatum(d: unknown): void };
        for (let i = 0; i < 620; i += 1) {
            cw.putDatum({
                namespace: NS,
                metricName: 'Depth',
                dimensions: [{ name: 'Queue', value: `q${String(i).padStart(3, '0')}` }],
                timestampMs: START_MS + (i < 600 ? 4 * 60 : 60) * MINUTE,
                value: i,
            });
        }
        await put('Other', [[290, 1]], [{ Name: 'Host', Value: 'h1' }]);
        let token: string | undefined;
        const names: string[] = [];
        do {
            const page = await h.cloudwatch.send(
                new ListMetricsCommand({
                    Namespace: NS,
                    MetricName: 'Depth',
                    ...(token === undefined ? {} : { NextToken: token }),
                }),
            );
            names.push(...(page.Metrics ?? []).map((m) => m.Dimensions?.[0]?.Value ?? ''));
            token = page.NextToken;
        } while (token !== undefined);
        assert.equal(names.length, 620);
        const recent = await h.cloudwatch.send(
            new ListMetricsCommand({ Namespace: NS, MetricName: 'Depth', RecentlyActive: 'PT3H' }),
        );
        assert.equal(recent.Metrics?.length, 500);
        const recentAll: number[] = [];
        let recentToken: string | undefined = recent.NextToken;
        recentAll.push(recent.Metrics?.length ?? 0);
        while (recentToken !== undefined) {
            const page = await h.cloudwatch.send(
                new ListMetricsCommand({
                    Namespace: NS,
                    MetricName: 'Depth',
                    RecentlyActive: 'PT3H',
                    NextToken: recentToken,
                }),
            );
            recentAll.push(page.Metrics?.length ?? 0);
            recentToken = page.NextToken;
        }
        assert.deepEqual(recentAll, [500, 100]);
        const byDim = await h.cloudwatch.send(
            new ListMetricsCommand({ Namespace: NS, Dimensions: [{ Name: 'Host' }] }),
        );
        assert.deepEqual(byDim.Metrics, [
            { Namespace: NS, MetricName: 'Other', Dimensions: [{ Name: 'Host', Value: 'h1' }] },
        ]);
    });

    it('puts, describes, filters, sets and deletes alarms', async () => {
        await h.cloudwatch.send(
            new PutMetricAlarmCommand({
                AlarmName: 'depth-high',
                Namespace: NS,
                MetricName: 'Depth',
                Dimensions: [{ Name: 'Queue', Value: 'a' }],
                Statistic: 'Maximum',
                Period: 60,
                EvaluationPeriods: 2,
                DatapointsToAlarm: 1,
                Threshold: 10,
                ComparisonOperator: 'GreaterThanThreshold',
                TreatMissingData: 'notBreaching',
                AlarmActions: ['arn:aws:sns:us-east-1:123456789012:batch-alerts'],
                AlarmDescription: 'queue too deep',
            }),
        );
        await h.cloudwatch.send(
            new PutMetricAlarmCommand({
                AlarmName: 'stuck',
                EvaluationPeriods: 1,
                Threshold: 0,
                ComparisonOperator: 'GreaterThanThreshold',
                Metrics: [
                    { ...stat('pending', 'Pending', 'Maximum', 300), ReturnData: false },
                    { ...stat('tokens', 'Tokens', 'Sum', 300), ReturnData: false },
                    {
                        Id: 'e1',
                        Expression: 'IF(pending > 0 AND tokens == 0, 1, 0)',
                        ReturnData: true,
                    },
                ],
            }),
        );
        const all = await h.cloudwatch.send(new DescribeAlarmsCommand({}));
        assert.deepEqual(
            all.MetricAlarms?.map((a) => a.AlarmName),
            ['depth-high', 'stuck'],
        );
        const first = all.MetricAlarms?.[0];
        assert.equal(first?.StateValue, 'INSUFFICIENT_DATA');
        assert.equal(first?.StateReason, 'Unchecked: Initial alarm creation');
        assert.equal(first?.AlarmArn, 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:depth-high');
        assert.equal(first?.StateUpdatedTimestamp?.getTime(), START_MS);
        assert.deepEqual(first?.Dimensions, [{ Name: 'Queue', Value: 'a' }]);
        assert.equal(all.MetricAlarms?.[1]?.Metrics?.length, 3);

        const prefixed = await h.cloudwatch.send(
            new DescribeAlarmsCommand({ AlarmNamePrefix: 'st' }),
        );
        assert.deepEqual(
            prefixed.MetricAlarms?.map((a) => a.AlarmName),
            ['stuck'],
        );
        const paged = await h.cloudwatch.send(new DescribeAlarmsCommand({ MaxRecords: 1 }));
        assert.equal(paged.MetricAlarms?.length, 1);
        const rest = await h.cloudwatch.send(
            new DescribeAlarmsCommand({ MaxRecords: 1, NextToken: paged.NextToken }),
        );
        assert.deepEqual(
            rest.MetricAlarms?.map((a) => a.AlarmName),
            ['stuck'],
        );
        assert.equal(rest.NextToken, undefined);
        await assert.rejects(
            h.cloudwatch.send(
                new DescribeAlarmsCommand({ AlarmNames: ['x'], AlarmNamePrefix: 'y' }),
            ),
            (err: Error) => err.name === 'InvalidParameterCombinationException',
        );

        const forMetric = await h.cloudwatch.send(
            new DescribeAlarmsForMetricCommand({ Namespace: NS, MetricName: 'Depth' }),
        );
        assert.deepEqual(
            forMetric.MetricAlarms?.map((a) => a.AlarmName),
            ['depth-high'],
        );

        await h.cloudwatch.send(
            new SetAlarmStateCommand({
                AlarmName: 'depth-high',
                StateValue: 'ALARM',
                StateReason: 'testing',
            }),
        );
        const inAlarm = await h.cloudwatch.send(new DescribeAlarmsCommand({ StateValue: 'ALARM' }));
        assert.deepEqual(
            inAlarm.MetricAlarms?.map((a) => [a.AlarmName, a.StateReason]),
            [['depth-high', 'testing']],
        );
        const cw = h.aws.state('cloudwatch') as {
            firedAlarmActions(): Array<{ action: string; newState: string }>;
        };
        assert.deepEqual(
            cw.firedAlarmActions().map((a) => [a.action, a.newState]),
            [['arn:aws:sns:us-east-1:123456789012:batch-alerts', 'ALARM']],
        );
        await assert.rejects(
            h.cloudwatch.send(
                new SetAlarmStateCommand({
                    AlarmName: 'depth-high',
                    StateValue: 'OK',
                    StateReason: 'x',
                    StateReasonData: '{not json',
                }),
            ),
            (err: Error) => err.name === 'InvalidFormatFault',
        );

        await h.cloudwatch.send(new DeleteAlarmsCommand({ AlarmNames: ['depth-high', 'stuck'] }));
        assert.deepEqual((await h.cloudwatch.send(new DescribeAlarmsCommand({}))).MetricAlarms, []);
    });

    it('validates alarms as CloudWatch does', async () => {
        const base = {
            AlarmName: 'a',
            Namespace: NS,
            MetricName: 'Depth',
            Statistic: 'Average' as const,
            Period: 60,
            EvaluationPeriods: 1,
            Threshold: 1,
            ComparisonOperator: 'GreaterThanThreshold' as const,
        };
        const cases: Array<[Record<string, unknown>, string]> = [
            [{ DatapointsToAlarm: 2 }, 'InvalidParameterValueException'],
            [{ ExtendedStatistic: 'p90' }, 'InvalidParameterCombinationException'],
            [{ Period: 45 }, 'InvalidParameterValueException'],
            [{ TreatMissingData: 'sometimes' }, 'InvalidParameterValueException'],
            [{ AlarmActions: ['not-an-arn'] }, 'InvalidParameterValueException'],
            [{ Threshold: undefined }, 'MissingRequiredParameterException'],
            [
                { Metrics: [{ Id: 'e1', Expression: '1', ReturnData: true }] },
                'InvalidParameterCombinationException',
            ],
        ];
        for (const [change, name] of cases) {
            await assert.rejects(
                h.cloudwatch.send(new PutMetricAlarmCommand({ ...base, ...change })),
                (err: Error) => {
                    assert.equal(err.name, name, JSON.stringify(change));
                    return true;
                },
            );
        }
    });

    it('stores, lists, reads and deletes dashboards; refuses invalid bodies', async () => {
        const body = JSON.stringify({
            widgets: [
                {
                    type: 'metric',
                    x: 0,
                    y: 0,
                    width: 12,
                    height: 6,
                    properties: {
                        region: 'us-east-1',
                        metrics: [
                            [
                                'AWS/Bedrock/Batch',
                                'NumberOfRecordsPendingProcessing',
                                'ModelId',
                                'm',
                            ],
                        ],
                    },
                },
            ],
        });
        const put = await h.cloudwatch.send(
            new PutDashboardCommand({ DashboardName: 'batch-jobs', DashboardBody: body }),
        );
        assert.deepEqual(put.DashboardValidationMessages, []);
        const got = await h.cloudwatch.send(
            new GetDashboardCommand({ DashboardName: 'batch-jobs' }),
        );
        assert.equal(got.DashboardBody, body);
        assert.equal(got.DashboardArn, 'arn:aws:cloudwatch::123456789012:dashboard/batch-jobs');
        const list = await h.cloudwatch.send(
            new ListDashboardsCommand({ DashboardNamePrefix: 'batch' }),
        );
        assert.deepEqual(
            list.DashboardEntries?.map((d) => [d.DashboardName, d.Size]),
            [['batch-jobs', Buffer.byteLength(body)]],
        );
        await assert.rejects(
            h.cloudwatch.send(
                new PutDashboardCommand({ DashboardName: 'bad', DashboardBody: '{"widgets": [' }),
            ),
            (err: Error & { dashboardValidationMessages?: unknown[] }) =>
                err.name === 'DashboardInvalidInputError' &&
                (err.dashboardValidationMessages?.length ?? 0) === 1,
        );
        await assert.rejects(
            h.cloudwatch.send(
                new PutDashboardCommand({
                    DashboardName: 'bad',
                    DashboardBody: '{"widgets":[{"type":"metric","properties":{"metrics":[]}}]}',
                }),
            ),
            (
                err: Error & {
                    dashboardValidationMessages?: Array<{ DataPath?: string; Message?: string }>;
                },
            ) => {
                assert.deepEqual(err.dashboardValidationMessages, [
                    {
                        DataPath: '/widgets/0/properties',
                        Message: "Should have required property 'region'",
                    },
                ]);
                return true;
            },
        );
        await h.cloudwatch.send(new DeleteDashboardsCommand({ DashboardNames: ['batch-jobs'] }));
        assert.deepEqual(
            (await h.cloudwatch.send(new ListDashboardsCommand({}))).DashboardEntries,
            [],
        );
    });
    it('renders injected throttling and server errors in the query-compatible shape', async () => {
        h.aws.faults.throttle('monitoring', 'ListMetrics');
        h.aws.faults.add({ kind: 'serverError', service: 'monitoring', operation: 'ListMetrics' });
        await assert.rejects(
            h.cloudwatch.send(new ListMetricsCommand({})),
            (err: Error & { Code?: string; $metadata: { httpStatusCode?: number } }) =>
                err.name === 'Throttling' && err.$metadata.httpStatusCode === 400,
        );
        await assert.rejects(
            h.cloudwatch.send(new ListMetricsCommand({})),
            (err: Error & { $metadata: { httpStatusCode?: number } }) =>
                err.name === 'InternalServiceFault' && err.$metadata.httpStatusCode === 500,
        );
    });
    it('is spoken to the way the SDK speaks: awsJson1_0, query mode, epoch seconds', async () => {
        const seen: Array<{ headers: Record<string, string>; body: string }> = [];
        h.cloudwatch.middlewareStack.add(
            (next) => async (args) => {
                const request = args.request as { headers: Record<string, string>; body: unknown };
                seen.push({ headers: { ...request.headers }, body: String(request.body) });
                return next(args);
            },
            { step: 'finalizeRequest', name: 'captureRequest' },
        );
        await h.cloudwatch.send(
            new GetMetricDataCommand({
                StartTime: at(0),
                EndTime: at(1),
                MetricDataQueries: [stat('m1', 'Depth', 'Sum')],
            }),
        );
        const [request] = seen;
        assert.equal(
            request?.headers['x-amz-target'],
            'GraniteServiceVersion20100801.GetMetricData',
        );
        assert.equal(request?.headers['x-amzn-query-mode'], 'true');
        assert.equal(request?.headers['content-type'], 'application/x-amz-json-1.0');
        const body = JSON.parse(request?.body ?? '{}') as { StartTime: unknown };
        assert.equal(body.StartTime, START_MS / 1000);
    });
});

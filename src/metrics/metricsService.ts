/**
 * Every AWS call the Batch Metrics panel makes. The SDK comes from `aws.sdk()` at call time, so
 * nothing here loads it at activation.
 */
import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import type {
    MessageData,
    Metric,
    MetricAlarm,
    PutMetricAlarmInput,
} from '@aws-sdk/client-cloudwatch';
import type { AwsClients } from '../aws/clients';
import { listRegionJobs } from '../explorer/listJobs';
import { batchAlarmRows } from './alarmRows';
import { batchNamespace } from './metricCatalog';
import { buildMetricDataQueries, seriesFromResults, type PlannedSeries } from './metricQueries';
import { modelOptionsFromMetrics } from './modelOptions';
import type { AlarmRow, InsightsResult, ModelOption, Series, TimeWindow } from './protocol';

export interface SeriesAnswer {
    readonly series: Series[];
    readonly notes: string[];
}

export interface DashboardWrite {
    readonly existed: boolean;
    readonly notes: string[];
}

export class MetricsService {
    constructor(private readonly aws: AwsClients) {}

    /**
     * Models with batch metrics in the region: ListMetrics covers about the last two weeks, or
     * with `recentOnly` the last three hours (a short answer, cheap to ask on every refresh).
     */
    async modelOptions(
        region: string,
        signal?: AbortSignal,
        recentOnly = false,
    ): Promise<ModelOption[]> {
        const pages = this.aws.sdk().paginateListMetrics(
            {
                client: this.aws.cloudWatch(region),
                ...(signal === undefined ? {} : { abortSignal: signal }),
            },
            {
                Namespace: batchNamespace,
                ...(recentOnly ? { RecentlyActive: 'PT3H' as const } : {}),
            },
        );
        const metrics: Metric[] = [];
        for await (const page of pages) {
            metrics.push(...(page.Metrics ?? []));
        }
        return modelOptionsFromMetrics(metrics);
    }

    /** Every planned series in one GetMetricData call. */
    async series(
        region: string,
        plan: readonly PlannedSeries[],
        window: TimeWindow,
        signal?: AbortSignal,
    ): Promise<SeriesAnswer> {
        const sdk = this.aws.sdk();
        const answer = await this.aws.cloudWatch(region).send(
            new sdk.GetMetricDataCommand({
                MetricDataQueries: buildMetricDataQueries(plan, window.period),
                StartTime: new Date(window.start),
                EndTime: new Date(window.end),
                ScanBy: 'TimestampAscending',
            }),
            signal === undefined ? {} : { abortSignal: signal },
        );
        const results = answer.MetricDataResults ?? [];
        const notes = describeMessages(answer.Messages);
        for (const result of results) {
            notes.push(
                ...describeMessages(result.Messages).map(
                    (note) => `${result.Label ?? result.Id}: ${note}`,
                ),
            );
        }
        if (answer.NextToken !== undefined) {
            notes.push(
                'CloudWatch returned more data than one answer holds; the oldest part is missing.',
            );
        }
        return { series: seriesFromResults(plan, results), notes };
    }

    jobs(region: string, submittedAfter: Date): Promise<ModelInvocationJobSummary[]> {
        return listRegionJobs(this.aws, region, submittedAfter);
    }

    async alarms(region: string): Promise<AlarmRow[]> {
        const pages = this.aws
            .sdk()
            .paginateDescribeAlarms(
                { client: this.aws.cloudWatch(region) },
                { AlarmTypes: ['MetricAlarm'] },
            );
        const alarms: MetricAlarm[] = [];
        for await (const page of pages) {
            alarms.push(...(page.MetricAlarms ?? []));
        }
        return batchAlarmRows(alarms);
    }

    async topics(region: string): Promise<string[]> {
        const pages = this.aws.sdk().paginateListTopics({ client: this.aws.sns(region) }, {});
        const arns: string[] = [];
        for await (const page of pages) {
            arns.push(
                ...(page.Topics ?? [])
                    .map((topic) => topic.TopicArn ?? '')
                    .filter((arn) => arn !== ''),
            );
        }
        return arns.sort((a, b) => a.localeCompare(b));
    }

    async putAlarm(region: string, input: PutMetricAlarmInput): Promise<void> {
        const sdk = this.aws.sdk();
        await this.aws.cloudWatch(region).send(new sdk.PutMetricAlarmCommand(input));
    }

    async deleteAlarm(region: string, alarmName: string): Promise<void> {
        const sdk = this.aws.sdk();
        await this.aws
            .cloudWatch(region)
            .send(new sdk.DeleteAlarmsCommand({ AlarmNames: [alarmName] }));
    }

    /** Creates the dashboard, or replaces the one of that name. */
    async writeDashboard(region: string, name: string, body: string): Promise<DashboardWrite> {
        const sdk = this.aws.sdk();
        const client = this.aws.cloudWatch(region);
        let existed = true;
        try {
            await client.send(new sdk.GetDashboardCommand({ DashboardName: name }));
        } catch (error) {
            if (!isNotFound(error)) {
                throw error;
            }
            existed = false;
        }
        const answer = await client.send(
            new sdk.PutDashboardCommand({ DashboardName: name, DashboardBody: body }),
        );
        const notes = (answer.DashboardValidationMessages ?? []).map((message) =>
            `${message.DataPath ?? ''}: ${message.Message ?? ''}`.replace(/^: /, ''),
        );
        return { existed, notes };
    }

    /** One Metrics Insights query in one GetMetricData call; the service's error if it fails. */
    async insights(region: string, query: string, window: TimeWindow): Promise<InsightsResult> {
        const sdk = this.aws.sdk();
        const answer = await this.aws.cloudWatch(region).send(
            new sdk.GetMetricDataCommand({
                MetricDataQueries: [
                    { Id: 'q1', Expression: query, Period: window.period, ReturnData: true },
                ],
                StartTime: new Date(window.start),
                EndTime: new Date(window.end),
                ScanBy: 'TimestampAscending',
            }),
        );
        const notes = describeMessages(answer.Messages);
        const series = (answer.MetricDataResults ?? []).map((result) => {
            notes.push(...describeMessages(result.Messages));
            const values = result.Values ?? [];
            const points: [number, number][] = [];
            (result.Timestamps ?? []).forEach((timestamp, index) => {
                const value = values[index];
                if (value !== undefined && Number.isFinite(value)) {
                    points.push([timestamp.getTime(), value]);
                }
            });
            points.sort((a, b) => a[0] - b[0]);
            return { label: result.Label ?? result.Id ?? '', points };
        });
        return { query, window, series, notes };
    }
}

function describeMessages(messages: readonly MessageData[] | undefined): string[] {
    return (messages ?? []).map((m) =>
        [m.Code, m.Value].filter((part) => part !== undefined && part !== '').join(': '),
    );
}

function isNotFound(error: unknown): boolean {
    const name =
        typeof error === 'object' && error !== null
            ? (error as { name?: unknown }).name
            : undefined;
    return (
        name === 'DashboardNotFoundError' ||
        name === 'ResourceNotFound' ||
        name === 'ResourceNotFoundException'
    );
}

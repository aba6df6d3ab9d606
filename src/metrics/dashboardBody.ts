/**
 * The CloudWatch dashboard "Create CloudWatch dashboard" writes: one graph per batch metric with
 * a line per chosen model, and the Metrics Insights view of all models. One dashboard per region,
 * so writing it again updates it.
 */
import type { Connection } from '../aws/connection';
import { isEmbeddingsModel } from '../checker/modelTarget';
import { consoleOrigin } from '../shared/consoleOrigin';
import { defaultInsightsQuery } from './insightsQuery';
import {
    batchMetrics,
    batchNamespace,
    modelDimension,
    type BatchMetricName,
} from './metricCatalog';
import type { RangeSelection } from './protocol';
import { rangePreset } from './timeRange';

export interface DashboardSpec {
    readonly region: string;
    readonly modelIds: readonly string[];
    readonly metrics: readonly BatchMetricName[];
    readonly range: RangeSelection;
}

/** Dashboard names allow letters, digits, "-" and "_" only. */
export function dashboardName(region: string): string {
    return `BedrockBatch-${region.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

export function dashboardBody(spec: DashboardSpec): string {
    const width = 12;
    const height = 6;
    const models = spec.modelIds.map((id) => `\`${escapeCode(id)}\``).join(', ');
    const widgets: unknown[] = [
        {
            type: 'text',
            x: 0,
            y: 0,
            width: 24,
            height: 2,
            properties: {
                markdown:
                    `## Bedrock batch inference, ${escapeMarkdown(spec.region)}\n` +
                    `Models: ${models}. Metrics are per model: ` +
                    'all jobs on a model add up in one line.',
            },
        },
    ];
    let placed = 0;
    for (const name of spec.metrics) {
        const metric = batchMetrics.find((m) => m.name === name);
        // Embedding models have no output tokens: no line that would read as zero.
        const modelIds = spec.modelIds.filter(
            (modelId) =>
                name !== 'NumberOfOutputTokensProcessedPerMinute' || !isEmbeddingsModel(modelId),
        );
        // A graph without a line would be an empty box (or a widget CloudWatch refuses).
        if (metric === undefined || modelIds.length === 0) {
            continue;
        }
        const index = placed;
        placed += 1;
        widgets.push({
            type: 'metric',
            x: (index % 2) * width,
            y: 2 + Math.floor(index / 2) * height,
            width,
            height,
            properties: {
                title: metric.title,
                region: spec.region,
                view: 'timeSeries',
                stacked: false,
                stat: metric.statistic,
                period: 60,
                metrics: modelIds.map((modelId) => [
                    batchNamespace,
                    metric.name,
                    modelDimension,
                    modelId,
                    { label: modelId },
                ]),
                yAxis: { left: { min: 0 } },
            },
        });
    }
    widgets.push({
        type: 'metric',
        x: 0,
        y: 2 + Math.ceil(placed / 2) * height,
        width: 24,
        height,
        properties: {
            title: 'Input tokens per minute, all models (Metrics Insights)',
            region: spec.region,
            view: 'timeSeries',
            period: 300,
            metrics: [[{ expression: defaultInsightsQuery, id: 'q1', label: '' }]],
        },
    });
    return JSON.stringify({ ...dashboardTime(spec.range), widgets });
}

function dashboardTime(range: RangeSelection): { start: string; end?: string } {
    const preset = rangePreset(range.key);
    if (preset !== undefined) {
        const hours = preset.durationMs / 3_600_000;
        return { start: hours % 24 === 0 ? `-P${hours / 24}D` : `-PT${hours}H` };
    }
    const start = new Date(range.from ?? Date.now() - 3_600_000).toISOString();
    return range.to === undefined ? { start } : { start, end: new Date(range.to).toISOString() };
}

function escapeCode(text: string): string {
    return text.replace(/`/g, "'");
}

function escapeMarkdown(text: string): string {
    return text.replace(/([\\`*_{}[\]()#+\-.!<>|])/g, '\\$1');
}

/** The console page of the dashboard, in the partition the region belongs to. */
export function dashboardConsoleUrl(region: string, name: string): string {
    return (
        `${consoleOrigin(region)}/cloudwatch/home?region=${encodeURIComponent(region)}` +
        `#dashboards/dashboard/${encodeURIComponent(name)}`
    );
}

/** AWS's own hosts, VPC interface endpoints included (vpce-....monitoring.<region>.vpce...). */
const awsHost = /(^|\.)(amazonaws\.com|amazonaws\.com\.cn|api\.aws)$/i;

function isAwsEndpoint(url: string): boolean {
    try {
        return awsHost.test(new URL(url).hostname.replace(/\.$/, ''));
    } catch {
        return false;
    }
}

/**
 * The CloudWatch endpoint when it is not AWS's own: the sandbox, or an override in the settings
 * that points anywhere but an AWS host (a VPC endpoint is still the account's CloudWatch).
 */
export function customMonitoringEndpoint(connection: Connection): string | undefined {
    if (connection.kind === 'sandbox') {
        return connection.endpoint;
    }
    const override = connection.endpoints.monitoring;
    return override === undefined || override === '' || isAwsEndpoint(override)
        ? undefined
        : override;
}

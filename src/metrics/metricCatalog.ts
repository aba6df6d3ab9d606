/**
 * The metrics Bedrock publishes for batch inference: account-level, one series per model (the
 * `ModelId` dimension), never per job. Shared by the host and the webview.
 */
export const batchNamespace = 'AWS/Bedrock/Batch';
export const modelDimension = 'ModelId';

export type BatchMetricName =
    | 'NumberOfRecordsPendingProcessing'
    | 'NumberOfInputTokensProcessedPerMinute'
    | 'NumberOfOutputTokensProcessedPerMinute'
    | 'NumberOfTokensPendingProcessing';

export type MetricUnit = 'records' | 'tokens' | 'tokens/min';

export type Statistic = 'Average' | 'Maximum' | 'Minimum' | 'Sum' | 'SampleCount';

export interface MetricDefinition {
    readonly name: BatchMetricName;
    readonly title: string;
    readonly unit: MetricUnit;
    /** Gauges of what is waiting read best as the peak; per-minute rates as the mean. */
    readonly statistic: Statistic;
    /** Published for Anthropic Claude models only. */
    readonly claudeOnly: boolean;
}

export const batchMetrics: readonly MetricDefinition[] = [
    {
        name: 'NumberOfRecordsPendingProcessing',
        title: 'Records pending',
        unit: 'records',
        statistic: 'Maximum',
        claudeOnly: false,
    },
    {
        name: 'NumberOfInputTokensProcessedPerMinute',
        title: 'Input tokens processed per minute',
        unit: 'tokens/min',
        statistic: 'Average',
        claudeOnly: false,
    },
    {
        name: 'NumberOfOutputTokensProcessedPerMinute',
        title: 'Output tokens processed per minute',
        unit: 'tokens/min',
        statistic: 'Average',
        claudeOnly: false,
    },
    {
        name: 'NumberOfTokensPendingProcessing',
        title: 'Tokens pending (Claude models)',
        unit: 'tokens',
        statistic: 'Maximum',
        claudeOnly: true,
    },
];

export function isBatchMetricName(name: string): name is BatchMetricName {
    return batchMetrics.some((metric) => metric.name === name);
}

export function metricDefinition(name: BatchMetricName): MetricDefinition {
    const found = batchMetrics.find((metric) => metric.name === name);
    if (found === undefined) {
        throw new Error(`Unknown batch metric ${name}`);
    }
    return found;
}

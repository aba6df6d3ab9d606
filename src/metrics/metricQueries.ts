/**
 * The MetricDataQueries of one refresh — every chart's every series in a single GetMetricData
 * call — and the way back from its results to series.
 */
import type { MetricDataQuery, MetricDataResult } from '@aws-sdk/client-cloudwatch';
import { parseModelId } from '../explorer/modelIds';
import { isEmbeddingsModel } from '../checker/modelTarget';
import {
    batchMetrics,
    batchNamespace,
    metricDefinition,
    modelDimension,
    type BatchMetricName,
} from './metricCatalog';
import type { ModelOption, Series } from './protocol';

export interface PlannedSeries {
    readonly id: string;
    readonly metric: BatchMetricName;
    readonly modelId: string;
}

export function isClaudeModel(modelId: string): boolean {
    return parseModelId(modelId).baseId.startsWith('anthropic.claude');
}

/**
 * Which metric goes with which model. The Claude-only metric is asked for a model when
 * CloudWatch lists it for that model, or when the model is a Claude model CloudWatch has not
 * listed yet; output tokens for every model but embedding models, which have none; every other
 * metric for every model.
 */
export function planSeries(
    modelIds: readonly string[],
    options: readonly ModelOption[],
): PlannedSeries[] {
    const planned: PlannedSeries[] = [];
    batchMetrics.forEach((metric, metricIndex) => {
        modelIds.forEach((modelId, modelIndex) => {
            const listed = options.find((option) => option.id === modelId)?.metrics;
            const applies =
                metric.name === 'NumberOfOutputTokensProcessedPerMinute'
                    ? !isEmbeddingsModel(modelId)
                    : !metric.claudeOnly ||
                      listed?.includes(metric.name) === true ||
                      (isClaudeModel(modelId) && (listed === undefined || listed.length === 0));
            if (applies) {
                // Ids must start with a lower-case letter and hold only letters, digits and _.
                planned.push({ id: `m${metricIndex}_${modelIndex}`, metric: metric.name, modelId });
            }
        });
    });
    return planned;
}

/** The metrics that have at least one planned series, in catalogue order. */
export function plannedMetrics(plan: readonly PlannedSeries[]): BatchMetricName[] {
    return batchMetrics
        .map((metric) => metric.name)
        .filter((name) => plan.some((p) => p.metric === name));
}

export function buildMetricDataQueries(
    plan: readonly PlannedSeries[],
    periodSeconds: number,
): MetricDataQuery[] {
    return plan.map((series) => ({
        Id: series.id,
        Label: series.modelId,
        ReturnData: true,
        MetricStat: {
            Metric: {
                Namespace: batchNamespace,
                MetricName: series.metric,
                Dimensions: [{ Name: modelDimension, Value: series.modelId }],
            },
            Period: periodSeconds,
            Stat: metricDefinition(series.metric).statistic,
        },
    }));
}

/** One series per planned query, oldest point first; a query without results gives no points. */
export function seriesFromResults(
    plan: readonly PlannedSeries[],
    results: readonly MetricDataResult[],
): Series[] {
    return plan.map((planned) => {
        const result = results.find((r) => r.Id === planned.id);
        const timestamps = result?.Timestamps ?? [];
        const values = result?.Values ?? [];
        const points: [number, number][] = [];
        timestamps.forEach((timestamp, index) => {
            const value = values[index];
            if (value !== undefined && Number.isFinite(value)) {
                points.push([timestamp.getTime(), value]);
            }
        });
        points.sort((a, b) => a[0] - b[0]);
        const status = result?.StatusCode;
        const statistic = metricDefinition(planned.metric).statistic;
        const base: Series = {
            metric: planned.metric,
            modelId: planned.modelId,
            statistic,
            points,
        };
        return status === undefined || status === 'Complete' ? base : { ...base, status };
    });
}

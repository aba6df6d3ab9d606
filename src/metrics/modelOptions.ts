/**
 * The models the picker offers: `ModelId` dimension values ListMetrics reports for the batch
 * namespace, never ids built by hand (whether the service records the base id or the profile id
 * a job was submitted with is not documented).
 */
import type { Metric } from '@aws-sdk/client-cloudwatch';
import { parseModelId } from '../explorer/modelIds';
import {
    batchMetrics,
    isBatchMetricName,
    modelDimension,
    type BatchMetricName,
} from './metricCatalog';
import type { ModelOption } from './protocol';

export function modelOptionsFromMetrics(metrics: readonly Metric[]): ModelOption[] {
    const byModel = new Map<string, Set<BatchMetricName>>();
    for (const metric of metrics) {
        const name = metric.MetricName ?? '';
        const modelId = metric.Dimensions?.find((d) => d.Name === modelDimension)?.Value;
        if (modelId === undefined || modelId === '' || !isBatchMetricName(name)) {
            continue;
        }
        const names = byModel.get(modelId) ?? new Set<BatchMetricName>();
        names.add(name);
        byModel.set(modelId, names);
    }
    return sortedOptions(byModel);
}

/**
 * The option a job's model id stands for: the same id, or else the one option naming the same
 * base model (a job submitted through `us.anthropic...` may be recorded under the base id, or
 * the other way round). Undefined when CloudWatch lists nothing that matches.
 */
export function matchModelOption(
    modelId: string,
    options: readonly ModelOption[],
): string | undefined {
    if (options.some((option) => option.id === modelId)) {
        return modelId;
    }
    const base = parseModelId(modelId).baseId;
    const sameBase = options.filter((option) => parseModelId(option.id).baseId === base);
    return sameBase.length === 1 ? sameBase[0]?.id : undefined;
}

/** Models of the selection CloudWatch does not list (yet) in this region. */
export function unlistedModels(
    modelIds: readonly string[],
    options: readonly ModelOption[],
): string[] {
    return modelIds.filter((id) => !options.some((option) => option.id === id));
}

/** The selection with each id replaced by the listed id it stands for, once each. */
export function matchListedModels(
    modelIds: readonly string[],
    options: readonly ModelOption[],
): string[] {
    return [...new Set(modelIds.map((id) => matchModelOption(id, options) ?? id))];
}

/**
 * Whether a refresh should ask CloudWatch for models again: it listed none, or not one the panel
 * shows (a model's first datapoints arrive minutes after its first job is queued).
 */
export function needsRelisting(
    modelIds: readonly string[],
    options: readonly ModelOption[],
): boolean {
    return options.length === 0 || unlistedModels(modelIds, options).length > 0;
}

/** The models known so far plus those a later (shorter) listing found, in picker order. */
export function mergeModelOptions(
    known: readonly ModelOption[],
    found: readonly ModelOption[],
): ModelOption[] {
    const byModel = new Map<string, Set<BatchMetricName>>();
    for (const option of [...known, ...found]) {
        const names = byModel.get(option.id) ?? new Set<BatchMetricName>();
        option.metrics.forEach((name) => names.add(name));
        byModel.set(option.id, names);
    }
    return sortedOptions(byModel);
}

export function sameModelOptions(
    a: readonly ModelOption[] | undefined,
    b: readonly ModelOption[] | undefined,
): boolean {
    return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}

/** By id, each with its metrics in catalogue order. */
function sortedOptions(byModel: ReadonlyMap<string, ReadonlySet<BatchMetricName>>): ModelOption[] {
    return [...byModel.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([id, names]) => ({
            id,
            metrics: batchMetrics.map((m) => m.name).filter((name) => names.has(name)),
        }));
}

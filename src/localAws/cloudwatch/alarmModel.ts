/** Metric alarms as stored, and their DescribeAlarms shape. */
import type { MetricQuery } from './queries';
import type { Dimension } from './metricStore';
import { epochSeconds } from './wire';

export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

export const COMPARISON_OPERATORS = [
    'GreaterThanOrEqualToThreshold',
    'GreaterThanThreshold',
    'LessThanThreshold',
    'LessThanOrEqualToThreshold',
    'LessThanLowerOrGreaterThanUpperThreshold',
    'LessThanLowerThreshold',
    'GreaterThanUpperThreshold',
];
export const TREAT_MISSING = ['breaching', 'notBreaching', 'ignore', 'missing'];

export interface SingleMetric {
    readonly namespace: string;
    readonly metricName: string;
    readonly dimensions: readonly Dimension[];
    readonly statistic?: string;
    readonly extendedStatistic?: string;
    readonly periodSeconds: number;
    readonly unit?: string;
}

export interface Alarm {
    readonly accountId: string;
    readonly region: string;
    readonly name: string;
    readonly arn: string;
    description?: string;
    actionsEnabled: boolean;
    okActions: string[];
    alarmActions: string[];
    insufficientDataActions: string[];
    metric?: SingleMetric;
    /** Metric math alarms: the queries, and the request's own JSON of them (echoed back). */
    metrics?: { readonly queries: readonly MetricQuery[]; readonly raw: unknown };
    thresholdMetricId?: string;
    evaluationPeriods: number;
    datapointsToAlarm?: number;
    threshold?: number;
    comparisonOperator: string;
    treatMissingData?: string;
    evaluateLowSampleCountPercentile?: string;
    configurationUpdatedMs: number;
    state: AlarmState;
    stateReason: string;
    stateReasonData?: string;
    stateUpdatedMs: number;
    stateTransitionedMs: number;
    tags: Array<{ Key: string; Value: string }>;
}

/** What an alarm would have sent: an action ARN fired by a state change. */
export interface FiredAction {
    readonly timestampMs: number;
    readonly alarmName: string;
    readonly alarmArn: string;
    readonly action: string;
    readonly oldState: AlarmState;
    readonly newState: AlarmState;
    readonly reason: string;
    readonly region: string;
    readonly accountId: string;
}

export function describeAlarm(alarm: Alarm): Record<string, unknown> {
    const m = alarm.metric;
    const out: Record<string, unknown> = {
        AlarmName: alarm.name,
        AlarmArn: alarm.arn,
        AlarmDescription: alarm.description,
        AlarmConfigurationUpdatedTimestamp: epochSeconds(alarm.configurationUpdatedMs),
        ActionsEnabled: alarm.actionsEnabled,
        OKActions: alarm.okActions,
        AlarmActions: alarm.alarmActions,
        InsufficientDataActions: alarm.insufficientDataActions,
        StateValue: alarm.state,
        StateReason: alarm.stateReason,
        StateReasonData: alarm.stateReasonData,
        StateUpdatedTimestamp: epochSeconds(alarm.stateUpdatedMs),
        MetricName: m?.metricName,
        Namespace: m?.namespace,
        Statistic: m?.statistic,
        ExtendedStatistic: m?.extendedStatistic,
        Dimensions: (m?.dimensions ?? []).map((d) => ({ Name: d.name, Value: d.value })),
        Period: m?.periodSeconds,
        Unit: m?.unit,
        EvaluationPeriods: alarm.evaluationPeriods,
        DatapointsToAlarm: alarm.datapointsToAlarm,
        Threshold: alarm.threshold,
        ComparisonOperator: alarm.comparisonOperator,
        TreatMissingData: alarm.treatMissingData,
        EvaluateLowSampleCountPercentile: alarm.evaluateLowSampleCountPercentile,
        Metrics: alarm.metrics?.raw,
        ThresholdMetricId: alarm.thresholdMetricId,
        StateTransitionedTimestamp: epochSeconds(alarm.stateTransitionedMs),
    };
    for (const key of Object.keys(out)) {
        if (out[key] === undefined) {
            delete out[key];
        }
    }
    return out;
}

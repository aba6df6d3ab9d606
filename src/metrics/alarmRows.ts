/** The alarms of a region that watch batch metrics, as rows of the panel's alarm list. */
import type { MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { comparisons } from './alarmPresets';
import { formatCompact, formatPeriod } from './format';
import { batchNamespace, modelDimension } from './metricCatalog';
import type { AlarmRow } from './protocol';

export function batchAlarmRows(alarms: readonly MetricAlarm[]): AlarmRow[] {
    return alarms
        .filter(watchesBatchMetrics)
        .map((alarm) => {
            const math = alarm.Metrics !== undefined && alarm.Metrics.length > 0;
            const modelIds = new Set<string>();
            const dimensionSets = math
                ? (alarm.Metrics?.map((query) => query.MetricStat?.Metric?.Dimensions ?? []) ?? [])
                : [alarm.Dimensions ?? []];
            for (const dimensions of dimensionSets) {
                for (const dimension of dimensions) {
                    if (dimension.Name === modelDimension && dimension.Value !== undefined) {
                        modelIds.add(dimension.Value);
                    }
                }
            }
            const updated = alarm.StateUpdatedTimestamp?.getTime();
            return {
                name: alarm.AlarmName ?? '(unnamed alarm)',
                state: alarm.StateValue ?? 'INSUFFICIENT_DATA',
                stateReason: alarm.StateReason ?? '',
                ...(updated === undefined ? {} : { stateUpdated: updated }),
                metric: math ? 'metric math' : (alarm.MetricName ?? ''),
                modelIds: [...modelIds],
                condition: describeCondition(alarm, math),
                actions: alarm.AlarmActions ?? [],
            };
        })
        .sort((a, b) => a.name.localeCompare(b.name));
}

function watchesBatchMetrics(alarm: MetricAlarm): boolean {
    if (alarm.Namespace === batchNamespace) {
        return true;
    }
    return (alarm.Metrics ?? []).some(
        (query) => query.MetricStat?.Metric?.Namespace === batchNamespace,
    );
}

/** "Average > 1M for 1 of 1 × 6 h". */
function describeCondition(alarm: MetricAlarm, math: boolean): string {
    const symbol =
        comparisons.find((c) => c.value === alarm.ComparisonOperator)?.symbol ??
        alarm.ComparisonOperator ??
        '?';
    const expression = math
        ? alarm.Metrics?.find((q) => q.ReturnData === true)?.Expression
        : undefined;
    const subject = math
        ? (expression ?? 'expression')
        : (alarm.Statistic ?? alarm.ExtendedStatistic ?? '');
    const threshold = alarm.Threshold === undefined ? '?' : formatCompact(alarm.Threshold);
    const evaluation = alarm.EvaluationPeriods ?? 1;
    const datapoints = alarm.DatapointsToAlarm ?? evaluation;
    const period =
        alarm.Period ?? alarm.Metrics?.find((q) => q.MetricStat !== undefined)?.MetricStat?.Period;
    const window =
        period === undefined ? `${evaluation} periods` : `${evaluation} × ${formatPeriod(period)}`;
    return `${subject} ${symbol} ${threshold} for ${datapoints} of ${window}`;
}

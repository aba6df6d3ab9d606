/**
 * Evaluates a metric alarm at one instant: the last EvaluationPeriods complete periods, M of N
 * breaching (DatapointsToAlarm), and TreatMissingData for periods without data.
 */
import type { Alarm, AlarmState } from './alarmModel';
import type { MetricSeries } from './metricStore';
import { evaluateQueries } from './queries';
import type { MetricQuery } from './queries';

export interface Verdict {
    readonly state: AlarmState;
    readonly reason: string;
    readonly reasonData: string;
}

interface Bucket {
    readonly startMs: number;
    readonly value: number | undefined;
}

export function periodSecondsOf(alarm: Alarm): number {
    if (alarm.metric !== undefined) {
        return alarm.metric.periodSeconds;
    }
    const periods = (alarm.metrics?.queries ?? [])
        .map((q) => q.periodSeconds)
        .filter((p): p is number => p !== undefined);
    return periods.length > 0 ? Math.max(...periods) : 60;
}

export function evaluateAlarm(
    alarm: Alarm,
    series: readonly MetricSeries[],
    atMs: number,
): Verdict | undefined {
    const periodMs = periodSecondsOf(alarm) * 1000;
    const n = alarm.evaluationPeriods;
    const m = alarm.datapointsToAlarm ?? n;
    const endMs = Math.floor(atMs / periodMs) * periodMs;
    const startMs = endMs - n * periodMs;
    const values = valuesOf(alarm, series, startMs, endMs);
    const buckets: Bucket[] = [];
    for (let t = startMs; t < endMs; t += periodMs) {
        buckets.push({ startMs: t, value: values.get(t) });
    }
    const present = buckets.filter((b) => b.value !== undefined);
    const breaching = present.filter((b) => breaches(alarm, b.value ?? 0));
    const missingCount = buckets.length - present.length;
    const treat = alarm.treatMissingData ?? 'missing';
    let state: AlarmState;
    let bad = breaching.length;
    if (treat === 'breaching') {
        bad += missingCount;
    }
    if (present.length === 0 && (treat === 'missing' || treat === 'ignore')) {
        if (treat === 'ignore') {
            return undefined;
        }
        state = 'INSUFFICIENT_DATA';
    } else {
        state = bad >= m ? 'ALARM' : 'OK';
    }
    return {
        state,
        reason: reasonText(alarm, state, buckets, breaching, m),
        reasonData: JSON.stringify({
            version: '1.0',
            queryDate: isoWithOffset(atMs),
            startDate: isoWithOffset(startMs),
            ...(alarm.metric?.statistic === undefined ? {} : { statistic: alarm.metric.statistic }),
            period: periodMs / 1000,
            recentDatapoints: present.map((b) => b.value),
            threshold: alarm.threshold,
            evaluatedDatapoints: present.map((b) => ({
                timestamp: isoWithOffset(b.startMs),
                value: b.value,
            })),
        }),
    };
}

function valuesOf(
    alarm: Alarm,
    series: readonly MetricSeries[],
    startMs: number,
    endMs: number,
): Map<number, number> {
    let queries: readonly MetricQuery[];
    let id: string;
    if (alarm.metric !== undefined) {
        const m = alarm.metric;
        id = 'm1';
        queries = [
            {
                kind: 'stat',
                id,
                returnData: true,
                metric: {
                    namespace: m.namespace,
                    metricName: m.metricName,
                    dimensions: m.dimensions,
                },
                stat: m.statistic ?? m.extendedStatistic ?? 'Average',
                periodSeconds: m.periodSeconds,
                ...(m.unit === undefined ? {} : { unit: m.unit }),
            },
        ];
    } else {
        queries = alarm.metrics?.queries ?? [];
        id = queries.find((q) => q.returnData)?.id ?? '';
    }
    const results = evaluateQueries(queries, series, startMs, endMs);
    return results.get(id)?.[0]?.points ?? new Map<number, number>();
}

function breaches(alarm: Alarm, value: number): boolean {
    const threshold = alarm.threshold ?? 0;
    switch (alarm.comparisonOperator) {
        case 'GreaterThanOrEqualToThreshold':
            return value >= threshold;
        case 'GreaterThanThreshold':
        case 'GreaterThanUpperThreshold':
            return value > threshold;
        case 'LessThanThreshold':
        case 'LessThanLowerThreshold':
            return value < threshold;
        case 'LessThanOrEqualToThreshold':
            return value <= threshold;
        default:
            return false;
    }
}

const OPERATOR_TEXT: Readonly<Record<string, string>> = {
    GreaterThanOrEqualToThreshold: 'greater than or equal to',
    GreaterThanThreshold: 'greater than',
    LessThanThreshold: 'less than',
    LessThanOrEqualToThreshold: 'less than or equal to',
};

function reasonText(
    alarm: Alarm,
    state: AlarmState,
    buckets: readonly Bucket[],
    breaching: readonly Bucket[],
    m: number,
): string {
    const op = OPERATOR_TEXT[alarm.comparisonOperator] ?? 'outside';
    const threshold = javaDouble(alarm.threshold ?? 0);
    const n = buckets.length;
    if (state === 'INSUFFICIENT_DATA') {
        return `Insufficient Data: ${n} datapoint${n === 1 ? ' was' : 's were'} unknown.`;
    }
    const shown = (list: readonly Bucket[]): string =>
        list
            .map((b) =>
                b.value === undefined ? '' : `${javaDouble(b.value)} (${shortDate(b.startMs)})`,
            )
            .filter((s) => s.length > 0)
            .join(', ');
    const plural = (count: number, word: string): string =>
        `${count} ${word}${count === 1 ? '' : 's'}`;
    const verb = (count: number): string => (count === 1 ? 'was' : 'were');
    const against = `the threshold (${threshold})`;
    if (state === 'ALARM') {
        const count = breaching.length;
        return n === 1
            ? `Threshold Crossed: 1 datapoint [${shown(breaching)}] was ${op} ${against}.`
            : `Threshold Crossed: ${count} out of the last ${n} datapoints [${shown(breaching)}] ` +
                  `${verb(count)} ${op} ${against} ` +
                  `(minimum ${plural(m, 'datapoint')} for OK -> ALARM transition).`;
    }
    const present = buckets.filter((b) => b.value !== undefined);
    return present.length === 0
        ? `Threshold Crossed: no datapoints were received for ${plural(n, 'period')} and ` +
              `${plural(n, 'missing datapoint')} ${verb(n)} treated as [NonBreaching].`
        : `Threshold Crossed: ${plural(present.length, 'datapoint')} [${shown(present)}] ` +
              `${verb(present.length)} not ${op} ${against}.`;
}

function javaDouble(value: number): string {
    return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

function shortDate(ms: number): string {
    const d = new Date(ms);
    const two = (n: number): string => String(n).padStart(2, '0');
    return (
        `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${two(d.getUTCFullYear() % 100)} ` +
        `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`
    );
}

function isoWithOffset(ms: number): string {
    return new Date(ms).toISOString().replace('Z', '+0000');
}

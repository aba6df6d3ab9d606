/** PutMetricData, GetMetricData and ListMetrics. */
import { Params } from './input';
import type { Datapoint, MetricStore } from './metricStore';
import { decodeToken, encodeToken } from './paging';
import { UNITS, evaluateQueries, parseDimensions, parseQueries } from './queries';
import { sortedTimes } from './series';
import { combination, epochSeconds, invalidValue } from './wire';

export interface Scope {
    readonly accountId: string;
    readonly region: string;
}

const DEFAULT_MAX_DATAPOINTS = 100_800;
const LIST_METRICS_PAGE = 500;
const TWO_WEEKS_MS = 14 * 24 * 3_600_000;
const TWO_HOURS_MS = 2 * 3_600_000;
const THREE_HOURS_MS = 3 * 3_600_000;

export class MetricOperations {
    constructor(
        private readonly store: MetricStore,
        private readonly now: () => number,
    ) {}

    putMetricData(scope: Scope, params: Params): Record<string, never> {
        const namespace = params.text('Namespace', {
            required: true,
            min: 1,
            max: 255,
            pattern: /^[^:].*$/,
        });
        if (namespace.startsWith('AWS/')) {
            throw invalidValue(
                `The value ${namespace} for parameter Namespace is invalid: namespaces starting ` +
                    'with AWS/ are reserved for AWS services.',
            );
        }
        const entries = params.objects('MetricData', { required: true, min: 1, max: 1000 });
        const now = this.now();
        const parsed = entries.map((entry) => {
            const metricName = entry.text('MetricName', { required: true, min: 1, max: 255 });
            const dimensions = parseDimensions(entry, 'Dimensions');
            const timestampMs = entry.time('Timestamp') ?? now;
            if (timestampMs < now - TWO_WEEKS_MS || timestampMs > now + TWO_HOURS_MS) {
                throw invalidValue(
                    `The parameter ${entry.name('Timestamp')} must specify a time no more ` +
                        'than two weeks in the past and no more than two hours in the future.',
                );
            }
            const unit = entry.text('Unit', { oneOf: UNITS }) ?? 'None';
            entry.number('StorageResolution', { min: 1, max: 60, integer: true });
            return { metricName, dimensions, point: datapoint(entry, timestampMs, unit) };
        });
        for (const { metricName, dimensions, point } of parsed) {
            this.store.put(
                scope.accountId,
                scope.region,
                { namespace, metricName, dimensions },
                point,
            );
        }
        return {};
    }

    getMetricData(scope: Scope, params: Params): Record<string, unknown> {
        const queries = parseQueries(
            params.objects('MetricDataQueries', { required: true, min: 1, max: 500 }),
        );
        if (queries.filter((q) => q.kind === 'insights').length > 1) {
            throw invalidValue(
                'A GetMetricData request can contain only one Metrics Insights query.',
            );
        }
        const startMs = params.time('StartTime', true);
        const endMs = params.time('EndTime', true);
        if (startMs >= endMs) {
            throw invalidValue('The parameter StartTime must be less than the parameter EndTime.');
        }
        const scanBy =
            params.text('ScanBy', { oneOf: ['TimestampDescending', 'TimestampAscending'] }) ??
            'TimestampDescending';
        const maxDatapoints =
            params.number('MaxDatapoints', { min: 1, integer: true }) ?? DEFAULT_MAX_DATAPOINTS;
        const results = evaluateQueries(
            queries,
            this.store.all(scope.accountId, scope.region),
            startMs,
            endMs,
        );
        const fingerprint = JSON.stringify([
            params.value['MetricDataQueries'],
            startMs,
            endMs,
            scanBy,
        ]);
        const offset = decodeToken(params.text('NextToken'), fingerprint);
        let position = 0;
        let truncated = false;
        const out: Array<Record<string, unknown>> = [];
        for (const query of queries) {
            if (!query.returnData) {
                continue;
            }
            for (const series of results.get(query.id) ?? []) {
                const times = sortedTimes(series);
                if (scanBy === 'TimestampDescending') {
                    times.reverse();
                }
                const from = Math.max(0, offset - position);
                const to = Math.max(
                    from,
                    Math.min(times.length, offset + maxDatapoints - position),
                );
                const page = times.slice(from, to);
                const partial = to < times.length;
                truncated ||= partial;
                position += times.length;
                out.push({
                    Id: query.id,
                    Label: series.label,
                    Timestamps: page.map((t) => epochSeconds(t)),
                    Values: page.map((t) => series.points.get(t) ?? 0),
                    StatusCode: partial ? 'PartialData' : 'Complete',
                    Messages: [],
                });
            }
        }
        return {
            MetricDataResults: out,
            Messages: [],
            ...(truncated ? { NextToken: encodeToken(offset + maxDatapoints, fingerprint) } : {}),
        };
    }

    listMetrics(scope: Scope, params: Params): Record<string, unknown> {
        const namespace = params.text('Namespace', { min: 1, max: 255 });
        const metricName = params.text('MetricName', { min: 1, max: 255 });
        const filters = params.objects('Dimensions', { max: 10 }).map((d) => ({
            name: d.text('Name', { required: true, min: 1, max: 255 }),
            value: d.text('Value', { min: 1, max: 1024 }),
        }));
        const recentlyActive = params.text('RecentlyActive', { oneOf: ['PT3H'] });
        if (params.bool('IncludeLinkedAccounts') === false && params.has('OwningAccount')) {
            throw combination('OwningAccount requires IncludeLinkedAccounts.');
        }
        const since = this.now() - THREE_HOURS_MS;
        const metrics = this.store
            .all(scope.accountId, scope.region)
            .filter((s) => namespace === undefined || s.namespace === namespace)
            .filter((s) => metricName === undefined || s.metricName === metricName)
            .filter((s) =>
                filters.every((f) =>
                    s.dimensions.some(
                        (d) => d.name === f.name && (f.value === undefined || d.value === f.value),
                    ),
                ),
            )
            .filter(
                (s) => recentlyActive === undefined || s.points.some((p) => p.timestampMs >= since),
            )
            .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        const fingerprint = JSON.stringify([namespace, metricName, filters, recentlyActive]);
        const offset = decodeToken(params.text('NextToken'), fingerprint);
        const page = metrics.slice(offset, offset + LIST_METRICS_PAGE);
        const end = offset + page.length;
        return {
            Metrics: page.map((s) => ({
                Namespace: s.namespace,
                MetricName: s.metricName,
                Dimensions: s.dimensions.map((d) => ({ Name: d.name, Value: d.value })),
            })),
            ...(end < metrics.length ? { NextToken: encodeToken(end, fingerprint) } : {}),
        };
    }
}

function datapoint(entry: Params, timestampMs: number, unit: string): Datapoint {
    const hasValue = entry.has('Value');
    const hasValues = entry.has('Values');
    const hasStats = entry.has('StatisticValues');
    if (Number(hasValue) + Number(hasValues) + Number(hasStats) !== 1) {
        throw combination(
            `Exactly one of Value, Values and StatisticValues must be set in ${entry.path}.`,
        );
    }
    if (hasValue) {
        const value = entry.number('Value', { required: true });
        return {
            timestampMs,
            sampleCount: 1,
            sum: value,
            minimum: value,
            maximum: value,
            values: [value],
            unit,
        };
    }
    if (hasValues) {
        const values = entry.list('Values', { max: 150 }).map((v, i) => {
            if (typeof v !== 'number' || !Number.isFinite(v)) {
                throw invalidValue(
                    `The value for parameter ${entry.name('Values')}.member.${i + 1} ` +
                        'is not a valid number.',
                );
            }
            return v;
        });
        const counts = entry.list('Counts', { max: 150 }).map((c) => Number(c));
        if (counts.length > 0 && counts.length !== values.length) {
            throw combination(
                `The parameters ${entry.name('Values')} and ${entry.name('Counts')} ` +
                    'must have the same length.',
            );
        }
        const expanded = values.flatMap((v, i) =>
            Array.from({ length: Math.max(0, Math.round(counts[i] ?? 1)) }, () => v),
        );
        if (expanded.length === 0) {
            throw invalidValue(
                `The parameter ${entry.name('Values')} must contain at least one value.`,
            );
        }
        return {
            timestampMs,
            sampleCount: expanded.length,
            sum: expanded.reduce((a, b) => a + b, 0),
            minimum: Math.min(...expanded),
            maximum: Math.max(...expanded),
            values: expanded,
            unit,
        };
    }
    const stats = entry.child('StatisticValues') ?? Params.of({});
    const sampleCount = stats.number('SampleCount', { required: true, min: 0 });
    const sum = stats.number('Sum', { required: true });
    const minimum = stats.number('Minimum', { required: true });
    const maximum = stats.number('Maximum', { required: true });
    if (minimum > maximum) {
        throw invalidValue(
            `The parameter ${stats.name('Minimum')} must not be greater than ` +
                `${stats.name('Maximum')}.`,
        );
    }
    return { timestampMs, sampleCount, sum, minimum, maximum, unit };
}

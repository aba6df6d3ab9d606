/** Stored datapoints, per account and region, per metric (namespace, name, exact dimension set). */

export interface Dimension {
    readonly name: string;
    readonly value: string;
}

/** One PutMetricData entry (a value, a value list or a statistic set) at one time. */
export interface Datapoint {
    readonly timestampMs: number;
    readonly sampleCount: number;
    readonly sum: number;
    readonly minimum: number;
    readonly maximum: number;
    /** Raw values (repeated by their counts), when known: percentiles need them. */
    readonly values?: readonly number[];
    readonly unit: string;
}

export interface MetricSeries {
    readonly namespace: string;
    readonly metricName: string;
    /** Sorted by name. */
    readonly dimensions: readonly Dimension[];
    readonly key: string;
    /** Sorted by time. */
    readonly points: Datapoint[];
}

export function seriesKey(
    namespace: string,
    metricName: string,
    dimensions: readonly Dimension[],
): string {
    return JSON.stringify([
        namespace,
        metricName,
        sortDimensions(dimensions).map((d) => [d.name, d.value]),
    ]);
}

export function sortDimensions(dimensions: readonly Dimension[]): Dimension[] {
    return [...dimensions].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export class MetricStore {
    private readonly scopes = new Map<string, Map<string, MetricSeries>>();

    private scope(accountId: string, region: string): Map<string, MetricSeries> {
        const key = `${accountId}/${region}`;
        let scope = this.scopes.get(key);
        if (scope === undefined) {
            scope = new Map();
            this.scopes.set(key, scope);
        }
        return scope;
    }

    put(
        accountId: string,
        region: string,
        metric: { namespace: string; metricName: string; dimensions: readonly Dimension[] },
        point: Datapoint,
    ): void {
        const scope = this.scope(accountId, region);
        const key = seriesKey(metric.namespace, metric.metricName, metric.dimensions);
        let series = scope.get(key);
        if (series === undefined) {
            series = {
                namespace: metric.namespace,
                metricName: metric.metricName,
                dimensions: sortDimensions(metric.dimensions),
                key,
                points: [],
            };
            scope.set(key, series);
        }
        const points = series.points;
        let at = points.length;
        while (at > 0 && (points[at - 1]?.timestampMs ?? 0) > point.timestampMs) {
            at -= 1;
        }
        points.splice(at, 0, point);
    }

    /** The series with exactly these dimensions, if any datapoint was put to it. */
    find(
        accountId: string,
        region: string,
        namespace: string,
        metricName: string,
        dimensions: readonly Dimension[],
    ): MetricSeries | undefined {
        return this.scope(accountId, region).get(seriesKey(namespace, metricName, dimensions));
    }

    all(accountId: string, region: string): MetricSeries[] {
        return [...this.scope(accountId, region).values()];
    }
}

/** Datapoints in [startMs, endMs). */
export function pointsBetween(series: MetricSeries, startMs: number, endMs: number): Datapoint[] {
    return series.points.filter((p) => p.timestampMs >= startMs && p.timestampMs < endMs);
}

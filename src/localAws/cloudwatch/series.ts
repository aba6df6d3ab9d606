/** Time series on a period grid, as GetMetricData and alarms compute them. */
import type { Datapoint } from './metricStore';

export interface TimeSeries {
    label: string;
    /** Bucket start (ms) -> value. */
    readonly points: Map<number, number>;
}

export interface Grid {
    readonly startMs: number;
    readonly endMs: number;
    readonly periodMs: number;
}

/** Bucket starts of the grid: startMs, startMs + period, ... below endMs. */
export function bucketStarts(grid: Grid): number[] {
    const out: number[] = [];
    for (let t = grid.startMs; t < grid.endMs; t += grid.periodMs) {
        out.push(t);
    }
    return out;
}

/** Groups datapoints by the bucket of the grid they fall in. */
export function bucketize(points: readonly Datapoint[], grid: Grid): Map<number, Datapoint[]> {
    const buckets = new Map<number, Datapoint[]>();
    for (const point of points) {
        if (point.timestampMs < grid.startMs || point.timestampMs >= grid.endMs) {
            continue;
        }
        const start =
            grid.startMs +
            Math.floor((point.timestampMs - grid.startMs) / grid.periodMs) * grid.periodMs;
        const bucket = buckets.get(start) ?? [];
        bucket.push(point);
        buckets.set(start, bucket);
    }
    return buckets;
}

export function sortedTimes(series: TimeSeries): number[] {
    return [...series.points.keys()].sort((a, b) => a - b);
}

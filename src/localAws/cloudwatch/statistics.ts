/** CloudWatch statistics over the datapoints of one period. */
import type { Datapoint } from './metricStore';

export const BASIC_STATISTICS = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'] as const;

const PERCENTILE = /^p(\d{1,2}(\.\d{1,10})?|100)$/;

export function isStatistic(stat: string): boolean {
    return (BASIC_STATISTICS as readonly string[]).includes(stat) || isPercentile(stat);
}

export function isPercentile(stat: string): boolean {
    return PERCENTILE.test(stat);
}

/** The statistic of the datapoints; undefined without data (or without raw values, for pNN). */
export function statistic(stat: string, points: readonly Datapoint[]): number | undefined {
    if (points.length === 0) {
        return undefined;
    }
    switch (stat) {
        case 'SampleCount':
            return points.reduce((n, p) => n + p.sampleCount, 0);
        case 'Sum':
            return points.reduce((n, p) => n + p.sum, 0);
        case 'Average': {
            const count = points.reduce((n, p) => n + p.sampleCount, 0);
            return count === 0 ? undefined : points.reduce((n, p) => n + p.sum, 0) / count;
        }
        case 'Minimum':
            return Math.min(...points.map((p) => p.minimum));
        case 'Maximum':
            return Math.max(...points.map((p) => p.maximum));
        default:
            return percentile(stat, points);
    }
}

function percentile(stat: string, points: readonly Datapoint[]): number | undefined {
    const match = PERCENTILE.exec(stat);
    if (match === null || points.some((p) => p.values === undefined)) {
        return undefined;
    }
    const values = points.flatMap((p) => p.values ?? []).sort((a, b) => a - b);
    if (values.length === 0) {
        return undefined;
    }
    const rank = Math.ceil((Number(match[1]) / 100) * values.length);
    return values[Math.min(values.length - 1, Math.max(0, rank - 1))];
}

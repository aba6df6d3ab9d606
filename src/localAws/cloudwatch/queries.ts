/** MetricDataQuery parsing and evaluation, shared by GetMetricData and metric math alarms. */
import { LocalAwsError } from '../types';
import { Params } from './input';
import { evaluateInsights, isInsightsQuery, parseInsights } from './insights';
import type { InsightsQuery } from './insights';
import { evaluateMath, parseMath } from './metricMath';
import type { ParsedExpression } from './metricMath';
import type { Dimension, MetricSeries } from './metricStore';
import { isStatistic } from './statistics';
import { statistic } from './statistics';
import { bucketize } from './series';
import type { Grid, TimeSeries } from './series';
import { invalidValue } from './wire';

export interface MetricRef {
    readonly namespace: string;
    readonly metricName: string;
    readonly dimensions: readonly Dimension[];
}

interface QueryBase {
    readonly id: string;
    readonly label?: string;
    readonly returnData: boolean;
    readonly periodSeconds?: number;
}

export type MetricQuery =
    | (QueryBase & {
          readonly kind: 'stat';
          readonly metric: MetricRef;
          readonly stat: string;
          readonly unit?: string;
          readonly periodSeconds: number;
      })
    | (QueryBase & {
          readonly kind: 'insights';
          readonly expression: string;
          readonly insights: InsightsQuery;
      })
    | (QueryBase & {
          readonly kind: 'math';
          readonly expression: string;
          readonly math: ParsedExpression;
      });

export const UNITS = [
    'Seconds',
    'Microseconds',
    'Milliseconds',
    'Bytes',
    'Kilobytes',
    'Megabytes',
    'Gigabytes',
    'Terabytes',
    'Bits',
    'Kilobits',
    'Megabits',
    'Gigabits',
    'Terabits',
    'Percent',
    'Count',
    'Bytes/Second',
    'Kilobytes/Second',
    'Megabytes/Second',
    'Gigabytes/Second',
    'Terabytes/Second',
    'Bits/Second',
    'Kilobits/Second',
    'Megabits/Second',
    'Gigabits/Second',
    'Terabits/Second',
    'Count/Second',
    'None',
];

const ID = /^[a-z][a-zA-Z0-9_]*$/;

export function validPeriod(seconds: number): boolean {
    return [1, 5, 10, 20, 30].includes(seconds) || (seconds >= 60 && seconds % 60 === 0);
}

export function parseDimensions(params: Params, member: string, max = 30): Dimension[] {
    return params.objects(member, { max }).map((d) => ({
        name: d.text('Name', { required: true, min: 1, max: 255 }),
        value: d.text('Value', { required: true, min: 1, max: 1024 }),
    }));
}

export function parseMetric(params: Params): MetricRef {
    return {
        namespace: params.text('Namespace', { required: true, min: 1, max: 255 }),
        metricName: params.text('MetricName', { required: true, min: 1, max: 255 }),
        dimensions: parseDimensions(params, 'Dimensions'),
    };
}

export function parseQueries(items: readonly Params[]): MetricQuery[] {
    const queries = items.map((q) => parseQuery(q));
    const ids = new Set<string>();
    for (const query of queries) {
        if (ids.has(query.id)) {
            throw invalidValue(
                `The value ${query.id} for parameter Id is not unique across MetricDataQueries.`,
            );
        }
        ids.add(query.id);
    }
    for (const query of queries) {
        if (query.kind === 'math') {
            for (const ref of query.math.references) {
                if (ref !== '*' && !ids.has(ref)) {
                    throw invalidValue(
                        `Error in expression ${query.id}: ` +
                            `Unrecognized metric or expression id ${ref}.`,
                    );
                }
            }
        }
    }
    return queries;
}

function parseQuery(q: Params): MetricQuery {
    const id = q.text('Id', { required: true, min: 1, max: 255 });
    if (!ID.test(id)) {
        throw invalidValue(
            `The value ${id} for parameter ${q.name('Id')} is not valid. It must start with a ` +
                'lowercase letter and contain only letters, digits and underscores.',
        );
    }
    const label = q.text('Label');
    const returnData = q.bool('ReturnData') ?? true;
    const period = q.number('Period', { min: 1, integer: true });
    const base = {
        id,
        returnData,
        ...(label === undefined ? {} : { label }),
        ...(period === undefined ? {} : { periodSeconds: period }),
    };
    const stat = q.child('MetricStat');
    const expression = q.text('Expression', { min: 1, max: 2048 });
    if ((stat === undefined) === (expression === undefined)) {
        throw invalidValue(`Exactly one of MetricStat and Expression must be set in ${q.path}.`);
    }
    if (stat !== undefined) {
        const statPeriod = stat.number('Period', { required: true, min: 1, integer: true });
        if (!validPeriod(statPeriod)) {
            throw invalidValue(
                `The parameter ${stat.name('Period')} must be 1, 5, 10, 20, 30 ` +
                    'or a multiple of 60.',
            );
        }
        const statName = stat.text('Stat', { required: true });
        if (!isStatistic(statName)) {
            throw invalidValue(
                `The value ${statName} for parameter ${stat.name('Stat')} ` +
                    'is not a supported statistic.',
            );
        }
        const unit = stat.text('Unit', { oneOf: UNITS });
        const metric = stat.child('Metric') ?? Params.of({}, stat.name('Metric'));
        return {
            ...base,
            kind: 'stat',
            metric: parseMetric(metric),
            stat: statName,
            periodSeconds: statPeriod,
            ...(unit === undefined ? {} : { unit }),
        };
    }
    const text = expression ?? '';
    if (isInsightsQuery(text)) {
        if (period === undefined) {
            throw invalidValue(
                `The parameter ${q.name('Period')} is required for a Metrics Insights query.`,
            );
        }
        return { ...base, kind: 'insights', expression: text, insights: parseInsights(text, id) };
    }
    return { ...base, kind: 'math', expression: text, math: parseMath(text, id) };
}

/** Computed series by query id. Expressions see the results of every other query. */
export function evaluateQueries(
    queries: readonly MetricQuery[],
    series: readonly MetricSeries[],
    startMs: number,
    endMs: number,
): Map<string, TimeSeries[]> {
    const results = new Map<string, TimeSeries[]>();
    const byId = new Map(queries.map((q) => [q.id, q]));
    const visiting = new Set<string>();
    const grids = new Map<string, Grid>();

    const gridOf = (query: MetricQuery): Grid => {
        const known = grids.get(query.id);
        if (known !== undefined) {
            return known;
        }
        let periodSeconds = query.periodSeconds;
        if (periodSeconds === undefined && query.kind === 'math') {
            const periods = [...query.math.references]
                .map((ref) => (ref === '*' ? undefined : byId.get(ref)))
                .filter((q): q is MetricQuery => q !== undefined)
                .map((q) => gridOf(q).periodMs / 1000);
            periodSeconds = periods.length > 0 ? Math.max(...periods) : 60;
        }
        const periodMs = (periodSeconds ?? 60) * 1000;
        const grid = { startMs: alignStart(startMs, periodMs), endMs, periodMs };
        grids.set(query.id, grid);
        return grid;
    };

    const compute = (query: MetricQuery): TimeSeries[] => {
        const done = results.get(query.id);
        if (done !== undefined) {
            return done;
        }
        if (visiting.has(query.id)) {
            throw invalidValue(
                `Error in expression ${query.id}: the expressions refer to each other in a cycle.`,
            );
        }
        visiting.add(query.id);
        const grid = gridOf(query);
        let out: TimeSeries[];
        switch (query.kind) {
            case 'stat':
                out = [statSeries(query, series, grid)];
                break;
            case 'insights':
                out = evaluateInsights(query.insights, series, grid, query.label ?? query.id);
                break;
            case 'math':
                try {
                    out = evaluateMath(query.math, {
                        grid,
                        expressionId: query.id,
                        resolve: (id) => {
                            const target = byId.get(id);
                            return target === undefined ? undefined : compute(target);
                        },
                        all: () =>
                            queries.filter((q) => q.kind === 'stat').flatMap((q) => compute(q)),
                    });
                } catch (error) {
                    if (error instanceof LocalAwsError) {
                        throw error;
                    }
                    throw invalidValue(
                        error instanceof Error ? error.message : `Error in expression ${query.id}`,
                    );
                }
                out = out.map((s) => ({
                    label: query.label ?? (out.length === 1 ? query.id : s.label),
                    points: s.points,
                }));
                break;
        }
        visiting.delete(query.id);
        results.set(query.id, out);
        return out;
    };

    for (const query of queries) {
        compute(query);
    }
    return results;
}

/** Below one minute of period the start stays as given; otherwise it rounds down to the minute. */
function alignStart(startMs: number, periodMs: number): number {
    return periodMs >= 60_000
        ? Math.floor(startMs / 60_000) * 60_000
        : Math.floor(startMs / 1000) * 1000;
}

function statSeries(
    query: Extract<MetricQuery, { kind: 'stat' }>,
    all: readonly MetricSeries[],
    grid: Grid,
): TimeSeries {
    const { metric } = query;
    const key = JSON.stringify([...metric.dimensions].map((d) => [d.name, d.value]).sort());
    const found = all.find(
        (s) =>
            s.namespace === metric.namespace &&
            s.metricName === metric.metricName &&
            JSON.stringify(s.dimensions.map((d) => [d.name, d.value]).sort()) === key,
    );
    const points = new Map<number, number>();
    if (found !== undefined) {
        const usable =
            query.unit === undefined
                ? found.points
                : found.points.filter((p) => p.unit === query.unit);
        for (const [start, bucket] of bucketize(usable, grid)) {
            const value = statistic(query.stat, bucket);
            if (value !== undefined) {
                points.set(start, value);
            }
        }
    }
    return { label: query.label ?? metric.metricName, points };
}

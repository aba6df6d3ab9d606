/**
 * Metrics Insights: `SELECT FUNC(Metric) FROM SCHEMA("Namespace", Dim, ...) | FROM "Namespace"
 * [WHERE ...] [GROUP BY ...] [ORDER BY FUNC() [ASC|DESC]] [LIMIT n]`, evaluated over the store.
 */
import { TokenStream, tokenize } from './lexer';
import type { Datapoint, MetricSeries } from './metricStore';
import { bucketize } from './series';
import type { Grid, TimeSeries } from './series';

export const INSIGHTS_FUNCTIONS = ['AVG', 'SUM', 'MIN', 'MAX', 'COUNT'] as const;
type InsightsFunction = (typeof INSIGHTS_FUNCTIONS)[number];

type Condition =
    | { readonly kind: 'and' | 'or'; readonly left: Condition; readonly right: Condition }
    | { readonly kind: 'not'; readonly inner: Condition }
    | {
          readonly kind: 'compare';
          readonly key: string;
          readonly equal: boolean;
          readonly value: string;
      }
    | {
          readonly kind: 'in';
          readonly key: string;
          readonly negate: boolean;
          readonly values: readonly string[];
      }
    | {
          readonly kind: 'like';
          readonly key: string;
          readonly negate: boolean;
          readonly pattern: RegExp;
      };

export interface InsightsQuery {
    readonly fn: InsightsFunction;
    readonly metricName: string;
    readonly namespace: string;
    /** Dimension keys of SCHEMA(...); undefined for the `FROM "Namespace"` form. */
    readonly schemaKeys?: readonly string[];
    readonly where?: Condition;
    readonly groupBy: readonly string[];
    readonly orderBy?: { readonly fn: InsightsFunction; readonly descending: boolean };
    readonly limit?: number;
}

export const MAX_INSIGHTS_SERIES = 500;

export function isInsightsQuery(expression: string): boolean {
    return /^\s*SELECT\b/i.test(expression);
}

export function parseInsights(expression: string, id: string): InsightsQuery {
    const what = `Error in Metrics Insights query ${id}`;
    const s = new TokenStream(tokenize(expression, what), what);
    s.expectKeyword('SELECT');
    const fn = aggregate(s);
    s.expectSymbol('(');
    const metricName = s.identifier('a metric name');
    s.expectSymbol(')');
    s.expectKeyword('FROM');
    let namespace: string;
    let schemaKeys: string[] | undefined;
    if (s.acceptKeyword('SCHEMA')) {
        s.expectSymbol('(');
        namespace = s.identifier('a namespace');
        schemaKeys = [];
        while (s.acceptSymbol(',')) {
            schemaKeys.push(s.identifier('a dimension name'));
        }
        s.expectSymbol(')');
    } else {
        namespace = s.identifier('a namespace or SCHEMA(...)');
    }
    const where = s.acceptKeyword('WHERE') ? orCondition(s) : undefined;
    const groupBy: string[] = [];
    if (s.acceptKeyword('GROUP')) {
        s.expectKeyword('BY');
        do {
            groupBy.push(s.identifier('a dimension name'));
        } while (s.acceptSymbol(','));
    }
    let orderBy: InsightsQuery['orderBy'];
    if (s.acceptKeyword('ORDER')) {
        s.expectKeyword('BY');
        const orderFn = aggregate(s);
        s.expectSymbol('(');
        s.expectSymbol(')');
        const descending = s.acceptKeyword('DESC');
        if (!descending) {
            s.acceptKeyword('ASC');
        }
        orderBy = { fn: orderFn, descending };
    }
    let limit: number | undefined;
    if (s.acceptKeyword('LIMIT')) {
        const token = s.next();
        limit = Number(token.text);
        if (
            token.kind !== 'number' ||
            !Number.isInteger(limit) ||
            limit < 1 ||
            limit > MAX_INSIGHTS_SERIES
        ) {
            throw s.error(`expected a LIMIT between 1 and ${MAX_INSIGHTS_SERIES}`);
        }
    }
    if (s.peek().kind !== 'end') {
        throw s.error('expected end of query');
    }
    return {
        fn,
        metricName,
        namespace,
        ...(schemaKeys === undefined ? {} : { schemaKeys }),
        ...(where === undefined ? {} : { where }),
        groupBy,
        ...(orderBy === undefined ? {} : { orderBy }),
        ...(limit === undefined ? {} : { limit }),
    };
}

function aggregate(s: TokenStream): InsightsFunction {
    const token = s.peek();
    const name = token.text.toUpperCase();
    if (token.kind !== 'word' || !(INSIGHTS_FUNCTIONS as readonly string[]).includes(name)) {
        throw s.error(`expected one of ${INSIGHTS_FUNCTIONS.join(', ')}`);
    }
    s.next();
    return name as InsightsFunction;
}

function orCondition(s: TokenStream): Condition {
    let left = andCondition(s);
    while (s.acceptKeyword('OR')) {
        left = { kind: 'or', left, right: andCondition(s) };
    }
    return left;
}

function andCondition(s: TokenStream): Condition {
    let left = basicCondition(s);
    while (s.acceptKeyword('AND')) {
        left = { kind: 'and', left, right: basicCondition(s) };
    }
    return left;
}

function basicCondition(s: TokenStream): Condition {
    if (s.acceptKeyword('NOT')) {
        return { kind: 'not', inner: basicCondition(s) };
    }
    if (s.acceptSymbol('(')) {
        const inner = orCondition(s);
        s.expectSymbol(')');
        return inner;
    }
    const key = s.identifier('a dimension name');
    const negate = s.acceptKeyword('NOT');
    if (s.acceptKeyword('IN')) {
        s.expectSymbol('(');
        const values: string[] = [];
        do {
            values.push(stringLiteral(s));
        } while (s.acceptSymbol(','));
        s.expectSymbol(')');
        return { kind: 'in', key, negate, values };
    }
    if (s.acceptKeyword('LIKE')) {
        const pattern = stringLiteral(s);
        const source = pattern
            .split('%')
            .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
            .join('.*');
        return { kind: 'like', key, negate, pattern: new RegExp(`^${source}$`) };
    }
    if (negate) {
        throw s.error('expected IN or LIKE after NOT');
    }
    if (s.acceptSymbol('=')) {
        return { kind: 'compare', key, equal: true, value: stringLiteral(s) };
    }
    if (s.acceptSymbol('!=') || s.acceptSymbol('<>')) {
        return { kind: 'compare', key, equal: false, value: stringLiteral(s) };
    }
    throw s.error('expected =, !=, IN or LIKE');
}

function stringLiteral(s: TokenStream): string {
    const token = s.peek();
    if (token.kind !== 'string') {
        throw s.error('expected a quoted string');
    }
    s.next();
    return token.text;
}

function matches(condition: Condition, dims: ReadonlyMap<string, string>): boolean {
    switch (condition.kind) {
        case 'and':
            return matches(condition.left, dims) && matches(condition.right, dims);
        case 'or':
            return matches(condition.left, dims) || matches(condition.right, dims);
        case 'not':
            return !matches(condition.inner, dims);
        case 'compare':
            return (dims.get(condition.key) === condition.value) === condition.equal;
        case 'in':
            return (
                condition.values.includes(dims.get(condition.key) ?? '\u0000') !== condition.negate
            );
        case 'like':
            return condition.pattern.test(dims.get(condition.key) ?? '') !== condition.negate;
    }
}

function combine(fn: InsightsFunction, points: readonly Datapoint[]): number | undefined {
    if (points.length === 0) {
        return undefined;
    }
    switch (fn) {
        case 'SUM':
            return points.reduce((n, p) => n + p.sum, 0);
        case 'COUNT':
            return points.reduce((n, p) => n + p.sampleCount, 0);
        case 'MIN':
            return Math.min(...points.map((p) => p.minimum));
        case 'MAX':
            return Math.max(...points.map((p) => p.maximum));
        case 'AVG': {
            const count = points.reduce((n, p) => n + p.sampleCount, 0);
            return count === 0 ? undefined : points.reduce((n, p) => n + p.sum, 0) / count;
        }
    }
}

/** One series per group (a single series without GROUP BY), labelled by the group's values. */
export function evaluateInsights(
    query: InsightsQuery,
    all: readonly MetricSeries[],
    grid: Grid,
    label?: string,
): TimeSeries[] {
    const groups = new Map<string, { values: string[]; points: Datapoint[] }>();
    for (const series of all) {
        if (series.namespace !== query.namespace || series.metricName !== query.metricName) {
            continue;
        }
        const dims = new Map(series.dimensions.map((d) => [d.name, d.value]));
        if (query.schemaKeys !== undefined) {
            const keys = [...dims.keys()].sort();
            const wanted = [...query.schemaKeys].sort();
            if (keys.length !== wanted.length || keys.some((k, i) => k !== wanted[i])) {
                continue;
            }
        }
        if (query.where !== undefined && !matches(query.where, dims)) {
            continue;
        }
        const values = query.groupBy.map((key) => dims.get(key) ?? 'Other');
        const groupKey = JSON.stringify(values);
        const group = groups.get(groupKey) ?? { values, points: [] };
        group.points.push(
            ...series.points.filter(
                (p) => p.timestampMs >= grid.startMs && p.timestampMs < grid.endMs,
            ),
        );
        groups.set(groupKey, group);
    }
    let ranked = [...groups.values()].filter((g) => g.points.length > 0);
    if (query.orderBy !== undefined) {
        const { fn, descending } = query.orderBy;
        ranked.sort(
            (a, b) =>
                ((combine(fn, a.points) ?? 0) - (combine(fn, b.points) ?? 0)) *
                (descending ? -1 : 1),
        );
    } else {
        ranked.sort((a, b) => a.values.join(' ').localeCompare(b.values.join(' ')));
    }
    ranked = ranked.slice(0, query.limit ?? MAX_INSIGHTS_SERIES);
    return ranked.map((group) => {
        const points = new Map<number, number>();
        for (const [start, bucket] of bucketize(group.points, grid)) {
            const value = combine(query.fn, bucket);
            if (value !== undefined) {
                points.set(start, value);
            }
        }
        const groupLabel = group.values.join(' ');
        return { label: query.groupBy.length === 0 ? (label ?? '') : groupLabel, points };
    });
}

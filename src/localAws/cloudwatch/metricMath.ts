/**
 * A subset of CloudWatch metric math over the other queries of a request: numbers, query ids,
 * + - * /, comparisons (> < >= <= == !=), AND, OR, unary minus, [a, b] arrays, and the functions
 * IF, FILL (with a number), ABS, SUM, AVG, MIN, MAX and METRICS(). As in CloudWatch, an
 * operation on two series keeps the timestamps both have; a function of an array works
 * timestamp by timestamp; SUM/AVG/MIN/MAX of a single series give a scalar.
 */
import { TokenStream, tokenize } from './lexer';
import { bucketStarts } from './series';
import type { Grid, TimeSeries } from './series';

type Node =
    | { readonly kind: 'number'; readonly value: number }
    | { readonly kind: 'ref'; readonly id: string }
    | { readonly kind: 'array'; readonly items: readonly Node[] }
    | { readonly kind: 'unary'; readonly operand: Node }
    | { readonly kind: 'binary'; readonly op: string; readonly left: Node; readonly right: Node }
    | { readonly kind: 'call'; readonly name: string; readonly args: readonly Node[] };

type Value =
    | { readonly kind: 'scalar'; readonly value: number }
    | { readonly kind: 'series'; readonly series: TimeSeries }
    | { readonly kind: 'list'; readonly items: readonly TimeSeries[] };

const FUNCTIONS = ['IF', 'FILL', 'ABS', 'SUM', 'AVG', 'MIN', 'MAX', 'METRICS'];

export interface ParsedExpression {
    readonly root: Node;
    /** Query ids the expression reads. */
    readonly references: ReadonlySet<string>;
}

export function parseMath(expression: string, id: string): ParsedExpression {
    const what = `Error in expression ${id}`;
    const s = new TokenStream(tokenize(expression, what), what);
    const references = new Set<string>();
    const root = orExpr(s, references);
    if (s.peek().kind !== 'end') {
        throw s.error('expected an operator or end of expression');
    }
    return { root, references };
}

function orExpr(s: TokenStream, refs: Set<string>): Node {
    let left = andExpr(s, refs);
    while (s.acceptKeyword('OR')) {
        left = { kind: 'binary', op: 'OR', left, right: andExpr(s, refs) };
    }
    return left;
}

function andExpr(s: TokenStream, refs: Set<string>): Node {
    let left = compareExpr(s, refs);
    while (s.acceptKeyword('AND')) {
        left = { kind: 'binary', op: 'AND', left, right: compareExpr(s, refs) };
    }
    return left;
}

function compareExpr(s: TokenStream, refs: Set<string>): Node {
    const left = addExpr(s, refs);
    for (const op of ['>=', '<=', '==', '!=', '>', '<']) {
        if (s.acceptSymbol(op)) {
            return { kind: 'binary', op, left, right: addExpr(s, refs) };
        }
    }
    return left;
}

function addExpr(s: TokenStream, refs: Set<string>): Node {
    let left = mulExpr(s, refs);
    for (;;) {
        const op = s.acceptSymbol('+') ? '+' : s.acceptSymbol('-') ? '-' : undefined;
        if (op === undefined) {
            return left;
        }
        left = { kind: 'binary', op, left, right: mulExpr(s, refs) };
    }
}

function mulExpr(s: TokenStream, refs: Set<string>): Node {
    let left = unary(s, refs);
    for (;;) {
        const op = s.acceptSymbol('*') ? '*' : s.acceptSymbol('/') ? '/' : undefined;
        if (op === undefined) {
            return left;
        }
        left = { kind: 'binary', op, left, right: unary(s, refs) };
    }
}

function unary(s: TokenStream, refs: Set<string>): Node {
    if (s.acceptSymbol('-')) {
        return { kind: 'unary', operand: unary(s, refs) };
    }
    return primary(s, refs);
}

function primary(s: TokenStream, refs: Set<string>): Node {
    const token = s.peek();
    if (token.kind === 'number') {
        s.next();
        return { kind: 'number', value: Number(token.text) };
    }
    if (s.acceptSymbol('(')) {
        const inner = orExpr(s, refs);
        s.expectSymbol(')');
        return inner;
    }
    if (s.acceptSymbol('[')) {
        const items: Node[] = [];
        do {
            items.push(orExpr(s, refs));
        } while (s.acceptSymbol(','));
        s.expectSymbol(']');
        return { kind: 'array', items };
    }
    if (token.kind === 'word') {
        s.next();
        if (s.acceptSymbol('(')) {
            const name = token.text.toUpperCase();
            if (!FUNCTIONS.includes(name)) {
                throw s.error(`unknown function ${token.text}`);
            }
            const args: Node[] = [];
            if (!s.acceptSymbol(')')) {
                do {
                    args.push(orExpr(s, refs));
                } while (s.acceptSymbol(','));
                s.expectSymbol(')');
            }
            if (name === 'METRICS') {
                refs.add('*');
            }
            return { kind: 'call', name, args };
        }
        refs.add(token.text);
        return { kind: 'ref', id: token.text };
    }
    throw s.error('expected a number, a query id or a function');
}

export interface MathContext {
    readonly grid: Grid;
    /** Results of other queries by id (one series, or several for Insights queries). */
    resolve(id: string): readonly TimeSeries[] | undefined;
    /** Every metric query result, for METRICS(). */
    all(): readonly TimeSeries[];
    readonly expressionId: string;
}

/** Evaluates to one or more series; a scalar result is spread over the grid. */
export function evaluateMath(parsed: ParsedExpression, context: MathContext): TimeSeries[] {
    const value = evaluate(parsed.root, context);
    switch (value.kind) {
        case 'scalar':
            return [
                {
                    label: context.expressionId,
                    points: new Map(bucketStarts(context.grid).map((t) => [t, value.value])),
                },
            ];
        case 'series':
            return [value.series];
        case 'list':
            return [...value.items];
    }
}

function evaluate(node: Node, context: MathContext): Value {
    switch (node.kind) {
        case 'number':
            return { kind: 'scalar', value: node.value };
        case 'ref': {
            const found = context.resolve(node.id);
            if (found === undefined) {
                throw new Error(
                    `Error in expression ${context.expressionId}: unknown query id ${node.id}`,
                );
            }
            return found.length === 1 && found[0] !== undefined
                ? { kind: 'series', series: found[0] }
                : { kind: 'list', items: found };
        }
        case 'array': {
            const items = node.items.flatMap((item) => asList(evaluate(item, context), context));
            return { kind: 'list', items };
        }
        case 'unary':
            return map(evaluate(node.operand, context), (x) => -x);
        case 'binary':
            return binary(node.op, evaluate(node.left, context), evaluate(node.right, context));
        case 'call':
            return call(
                node.name,
                node.args.map((arg) => evaluate(arg, context)),
                context,
            );
    }
}

function asList(value: Value, context: MathContext): TimeSeries[] {
    switch (value.kind) {
        case 'list':
            return [...value.items];
        case 'series':
            return [value.series];
        case 'scalar':
            return evaluateMath(
                { root: { kind: 'number', value: value.value }, references: new Set() },
                context,
            );
    }
}

function map(value: Value, f: (x: number) => number): Value {
    switch (value.kind) {
        case 'scalar':
            return { kind: 'scalar', value: f(value.value) };
        case 'series':
            return { kind: 'series', series: mapSeries(value.series, f) };
        case 'list':
            return { kind: 'list', items: value.items.map((s) => mapSeries(s, f)) };
    }
}

function mapSeries(series: TimeSeries, f: (x: number) => number): TimeSeries {
    const points = new Map<number, number>();
    for (const [t, x] of series.points) {
        const y = f(x);
        if (Number.isFinite(y)) {
            points.set(t, y);
        }
    }
    return { label: series.label, points };
}

function zip(a: TimeSeries, b: TimeSeries, f: (x: number, y: number) => number): TimeSeries {
    const points = new Map<number, number>();
    for (const [t, x] of a.points) {
        const y = b.points.get(t);
        if (y !== undefined) {
            const z = f(x, y);
            if (Number.isFinite(z)) {
                points.set(t, z);
            }
        }
    }
    return { label: a.label, points };
}

function operator(op: string): (x: number, y: number) => number {
    switch (op) {
        case '+':
            return (x, y) => x + y;
        case '-':
            return (x, y) => x - y;
        case '*':
            return (x, y) => x * y;
        case '/':
            return (x, y) => x / y;
        case '>':
            return (x, y) => Number(x > y);
        case '<':
            return (x, y) => Number(x < y);
        case '>=':
            return (x, y) => Number(x >= y);
        case '<=':
            return (x, y) => Number(x <= y);
        case '==':
            return (x, y) => Number(x === y);
        case '!=':
            return (x, y) => Number(x !== y);
        case 'AND':
            return (x, y) => Number(x !== 0 && y !== 0);
        default:
            return (x, y) => Number(x !== 0 || y !== 0);
    }
}

function binary(op: string, left: Value, right: Value): Value {
    const f = operator(op);
    if (left.kind === 'scalar' && right.kind === 'scalar') {
        return { kind: 'scalar', value: f(left.value, right.value) };
    }
    if (left.kind === 'scalar') {
        return map(right, (y) => f(left.value, y));
    }
    if (right.kind === 'scalar') {
        return map(left, (x) => f(x, right.value));
    }
    if (left.kind === 'series' && right.kind === 'series') {
        return { kind: 'series', series: zip(left.series, right.series, f) };
    }
    if (left.kind === 'list' && right.kind === 'series') {
        return { kind: 'list', items: left.items.map((s) => zip(s, right.series, f)) };
    }
    if (left.kind === 'series' && right.kind === 'list') {
        return { kind: 'list', items: right.items.map((s) => zip(left.series, s, f)) };
    }
    throw new Error('Metric math cannot combine two arrays of time series with an operator');
}

function call(name: string, args: readonly Value[], context: MathContext): Value {
    const [first, second, third] = args;
    switch (name) {
        case 'METRICS':
            return { kind: 'list', items: [...context.all()] };
        case 'ABS':
            return map(required(first, name), Math.abs);
        case 'IF':
            return conditional(required(first, name), required(second, name), third);
        case 'FILL':
            return fill(required(first, name), required(second, name), context);
        default:
            return reduce(name, required(first, name));
    }
}

function required(value: Value | undefined, name: string): Value {
    if (value === undefined) {
        throw new Error(`${name} needs more arguments`);
    }
    return value;
}

function valueAt(value: Value | undefined, t: number): number | undefined {
    if (value === undefined) {
        return undefined;
    }
    if (value.kind === 'scalar') {
        return value.value;
    }
    if (value.kind === 'series') {
        return value.series.points.get(t);
    }
    return undefined;
}

function conditional(condition: Value, whenTrue: Value, whenFalse: Value | undefined): Value {
    if (condition.kind === 'scalar') {
        return condition.value !== 0 ? whenTrue : (whenFalse ?? { kind: 'list', items: [] });
    }
    const apply = (series: TimeSeries): TimeSeries => {
        const points = new Map<number, number>();
        for (const [t, c] of series.points) {
            const picked = c !== 0 ? valueAt(whenTrue, t) : valueAt(whenFalse, t);
            if (picked !== undefined) {
                points.set(t, picked);
            }
        }
        return { label: series.label, points };
    };
    return condition.kind === 'series'
        ? { kind: 'series', series: apply(condition.series) }
        : { kind: 'list', items: condition.items.map(apply) };
}

function fill(value: Value, filler: Value, context: MathContext): Value {
    if (filler.kind !== 'scalar') {
        throw new Error('FILL supports a number as its second argument');
    }
    const apply = (series: TimeSeries): TimeSeries => {
        const points = new Map<number, number>();
        for (const t of bucketStarts(context.grid)) {
            points.set(t, series.points.get(t) ?? filler.value);
        }
        return { label: series.label, points };
    };
    switch (value.kind) {
        case 'scalar':
            return value;
        case 'series':
            return { kind: 'series', series: apply(value.series) };
        case 'list':
            return { kind: 'list', items: value.items.map(apply) };
    }
}

function reduce(name: string, value: Value): Value {
    const pick = (values: number[]): number => {
        switch (name) {
            case 'SUM':
                return values.reduce((a, b) => a + b, 0);
            case 'AVG':
                return values.reduce((a, b) => a + b, 0) / values.length;
            case 'MIN':
                return Math.min(...values);
            default:
                return Math.max(...values);
        }
    };
    if (value.kind === 'scalar') {
        return value;
    }
    if (value.kind === 'series') {
        const values = [...value.series.points.values()];
        return values.length === 0
            ? { kind: 'list', items: [] }
            : { kind: 'scalar', value: pick(values) };
    }
    const byTime = new Map<number, number[]>();
    for (const series of value.items) {
        for (const [t, x] of series.points) {
            const list = byTime.get(t) ?? [];
            list.push(x);
            byTime.set(t, list);
        }
    }
    const points = new Map<number, number>();
    for (const [t, values] of byTime) {
        points.set(t, pick(values));
    }
    return { kind: 'series', series: { label: name, points } };
}

/**
 * Metrics Insights query text: the default query, the checks worth making before sending one
 * (anything subtler is the service's to judge, and its message is shown as is), and model
 * filters with label values quoted the way the query language wants them.
 */
import { batchNamespace, modelDimension } from './metricCatalog';

export const defaultInsightsQuery =
    'SELECT AVG(NumberOfInputTokensProcessedPerMinute) ' +
    `FROM SCHEMA("${batchNamespace}", ${modelDimension}) ` +
    `GROUP BY ${modelDimension}`;

/** GetMetricData's limit on a query expression. */
export const maxInsightsQueryLength = 2048;

/** A label value as a single-quoted literal: quotes and backslashes escaped with a backslash. */
export function quoteLabelValue(value: string): string {
    return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** `ModelId = '...'` for one model, `ModelId IN ('...', '...')` for several. */
export function modelCondition(modelIds: readonly string[]): string | undefined {
    if (modelIds.length === 0) {
        return undefined;
    }
    if (modelIds.length === 1) {
        return `${modelDimension} = ${quoteLabelValue(modelIds[0] ?? '')}`;
    }
    return `${modelDimension} IN (${modelIds.map(quoteLabelValue).join(', ')})`;
}

/**
 * The query narrowed to the given models: a WHERE clause before GROUP BY / ORDER BY / LIMIT,
 * or an AND onto the WHERE the query already has.
 */
export function withModelFilter(query: string, modelIds: readonly string[]): string {
    const condition = modelCondition(modelIds);
    if (condition === undefined) {
        return query;
    }
    const trimmed = query.trim();
    const masked = maskLiterals(trimmed);
    const tail = /\b(GROUP\s+BY|ORDER\s+BY|LIMIT)\b/i.exec(masked);
    const cut = tail?.index ?? trimmed.length;
    const head = trimmed.slice(0, cut).trimEnd();
    const rest = trimmed.slice(cut);
    const joiner = /\bWHERE\b/i.test(masked.slice(0, cut)) ? ' AND ' : ' WHERE ';
    return `${head}${joiner}${condition}${rest === '' ? '' : ` ${rest}`}`;
}

/** Problems that make the query certain to fail; empty when it is worth sending. */
export function insightsQueryProblems(query: string): string[] {
    const text = query.trim();
    if (text === '') {
        return ['Enter a query.'];
    }
    const problems: string[] = [];
    if (text.length > maxInsightsQueryLength) {
        problems.push(
            `The query is ${text.length} characters long; the limit is ${maxInsightsQueryLength}.`,
        );
    }
    if (!/^SELECT\b/i.test(text)) {
        problems.push('A Metrics Insights query starts with SELECT.');
    }
    const masked = maskLiterals(text);
    if (masked.includes('\u0000')) {
        problems.push('A quoted value or name is not closed.');
        return problems;
    }
    if (!/\bFROM\b/i.test(masked)) {
        problems.push(
            'The query needs a FROM clause, e.g. FROM SCHEMA("AWS/Bedrock/Batch", ModelId).',
        );
    }
    if (/\bFROM\s+(SCHEMA\s*\(\s*)?[A-Za-z0-9_]+\//i.test(masked)) {
        problems.push(`A namespace with "/" must be in double quotes: "${batchNamespace}".`);
    }
    if (!parenthesesBalance(masked)) {
        problems.push('The parentheses do not match.');
    }
    return problems;
}

/**
 * The query with the insides of '...' and "..." blanked, so keywords inside model ids are not
 * mistaken for clauses. An unclosed literal leaves a NUL marker.
 */
function maskLiterals(text: string): string {
    let out = '';
    let quote: string | undefined;
    for (let i = 0; i < text.length; i++) {
        const ch = text[i] ?? '';
        if (quote === undefined) {
            if (ch === "'" || ch === '"') {
                quote = ch;
            }
            out += ch;
        } else if (ch === '\\') {
            out += '  ';
            i++;
        } else if (ch === quote) {
            quote = undefined;
            out += ch;
        } else {
            out += ' ';
        }
    }
    return quote === undefined ? out : `${out}\u0000`;
}

function parenthesesBalance(text: string): boolean {
    let depth = 0;
    for (const ch of text) {
        depth += ch === '(' ? 1 : ch === ')' ? -1 : 0;
        if (depth < 0) {
            return false;
        }
    }
    return depth === 0;
}

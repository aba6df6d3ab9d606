/**
 * Plain-language summaries of a check: how many problems, records and tokens, and what the job
 * would cost at the batch price. Shared by "Check JSONL" and the submit confirmation.
 */
import { FAMILY_LABELS, isEmbeddingsTarget } from '../checker/modelTarget';
import type { JobCheckResult } from '../checker/types';
import { formatBytes } from '../shared/formatBytes';
import { formatPrice, formatUsd } from '../shared/formatUsd';

export { formatBytes, formatUsd };

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function plural(count: number, one: string, many = `${one}s`): string {
    return `${integer.format(count)} ${count === 1 ? one : many}`;
}

/** "about $1.20", or "< $0.0001" without a redundant "about". */
export function approximately(usd: number): string {
    const text = formatUsd(usd);
    return text.startsWith('<') ? text : `about ${text}`;
}

/** "2 errors, 1 warning" or "no problems". Infos are hints and are not counted as problems. */
export function problemCounts(result: Pick<JobCheckResult, 'errors' | 'warnings'>): string {
    if (result.errors === 0 && result.warnings === 0) {
        return 'no problems';
    }
    const parts = [];
    if (result.errors > 0) {
        parts.push(plural(result.errors, 'error'));
    }
    if (result.warnings > 0) {
        parts.push(plural(result.warnings, 'warning'));
    }
    return parts.join(', ');
}

/** What the model choice means for the check, e.g. "Anthropic Claude (InvokeModel)". */
export function targetLabel(result: JobCheckResult): string {
    const { target } = result;
    if (target.modelId === undefined) {
        return 'generic rules (no model chosen)';
    }
    return `${FAMILY_LABELS[target.family]} rules, ${target.invocationType}`;
}

export interface EstimateLines {
    readonly records: string;
    readonly tokens: string;
    readonly cost: string;
}

const noOutput = 'no output tokens (embeddings)';

/**
 * Embedding models return vectors: there are no output tokens to bound or to pay for. This holds
 * for the embedders checked with generic rules too (Cohere Embed...), told by their id.
 */
function isEmbeddings(result: JobCheckResult): boolean {
    return isEmbeddingsTarget(result.target);
}

/** The three lines the confirmation step shows. */
export function estimateLines(result: JobCheckResult): EstimateLines {
    const { stats } = result;
    const files = result.files.length > 1 ? ` in ${plural(result.files.length, 'file')}` : '';
    const records = `${plural(stats.records, 'record')}${files}, ${formatBytes(stats.bytes)}`;
    const outputBound = isEmbeddings(result)
        ? noOutput
        : stats.recordsWithoutOutputLimit > 0
          ? `output not bounded for ${plural(stats.recordsWithoutOutputLimit, 'record')}`
          : `at most ${integer.format(stats.maxOutputTokens)} output tokens`;
    const unestimated =
        stats.recordsNotEstimated > 0
            ? ` (${plural(stats.recordsNotEstimated, 'unreadable record')} not counted)`
            : '';
    const input = integer.format(stats.estimatedInputTokens);
    const tokens = `about ${input} input tokens, ${outputBound}${unestimated}`;
    const model = result.target.baseModelId ?? result.target.modelId;
    const cost =
        result.cost === undefined
            ? model === undefined
                ? 'cost unknown: no model chosen'
                : `cost unknown: no price for ${model} (add one in the bedrockBatch.prices setting)`
            : costLine(result);
    return { records, tokens, cost };
}

function costLine(result: JobCheckResult): string {
    const cost = result.cost;
    if (cost === undefined) {
        return '';
    }
    const input = approximately(cost.inputUsd);
    const where = `at the batch price (${cost.modelPrefix})`;
    if (isEmbeddings(result)) {
        return `${input} for input ${where}; ${noOutput}`;
    }
    const bounded = result.stats.recordsWithoutOutputLimit === 0;
    const total = cost.inputUsd + cost.maxOutputUsd;
    const output = bounded
        ? `up to ${formatUsd(total)} with every output at its limit`
        : 'plus output';
    return `${input} for input ${where}, ${output}`;
}

/** The estimate as short rows for the confirmation step (quick pick rows are one line each). */
export interface EstimateRows {
    readonly records: string;
    readonly tokens: string;
    readonly cost: string;
    /** Where the cost comes from, or why it is unknown. */
    readonly costBasis: string;
}

export function estimateRows(result: JobCheckResult): EstimateRows {
    const { stats, cost } = result;
    const embeddings = isEmbeddings(result);
    const files = result.files.length > 1 ? ` in ${plural(result.files.length, 'file')}` : '';
    const output = embeddings
        ? noOutput
        : stats.recordsWithoutOutputLimit > 0
          ? `output not bounded for ${plural(stats.recordsWithoutOutputLimit, 'record')}`
          : `at most ${integer.format(stats.maxOutputTokens)} output`;
    const base = {
        records: `Records: ${plural(stats.records, 'record')}${files}, ${formatBytes(stats.bytes)}`,
        tokens: `Tokens: about ${integer.format(stats.estimatedInputTokens)} input, ${output}`,
    };
    if (cost === undefined) {
        return { ...base, cost: 'Cost: unknown', costBasis: estimateLines(result).cost };
    }
    const input = `${approximately(cost.inputUsd)} input`;
    const inputPrice = formatPrice(cost.batchInputPerMillion);
    const basis = `batch price of ${cost.modelPrefix}: ${inputPrice} input`;
    if (embeddings) {
        return {
            ...base,
            cost: `Cost: ${input}, ${noOutput}`,
            costBasis: `${basis} per 1M tokens`,
        };
    }
    const outputCost =
        stats.recordsWithoutOutputLimit > 0
            ? 'plus output'
            : `up to ${formatUsd(cost.maxOutputUsd)} output`;
    return {
        ...base,
        cost: `Cost: ${input} + ${outputCost}`,
        costBasis: `${basis}, ${formatPrice(cost.batchOutputPerMillion)} output per 1M tokens`,
    };
}

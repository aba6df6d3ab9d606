/** A summary as label/value lines and a warning, shared by the tooltip and the results view. */
import { isEmbeddingsModel } from '../checker/modelTarget';
import { noOutputTokensText } from '../metrics/embeddingModels';
import type { ResultSummary } from './summary';

export interface SummaryLine {
    readonly label: string;
    readonly value: string;
}

export interface SummaryDisplay {
    readonly lines: readonly SummaryLine[];
    /** Set when every record failed. */
    readonly warning: string | undefined;
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function count(value: number): string {
    return integer.format(value);
}

export function percent(rate: number): string {
    return `${(rate * 100).toFixed(1)}%`;
}

/** Dollars with cents, or four decimals for the small sums of test jobs. */
export function usd(value: number): string {
    if (value === 0 || value >= 1) {
        return `$${value.toFixed(2)}`;
    }
    return value < 0.0001 ? 'under $0.0001' : `$${value.toFixed(4)}`;
}

export function describeSummary(summary: ResultSummary, modelId?: string): SummaryDisplay {
    const lines: SummaryLine[] = [];
    const add = (label: string, value: string | undefined): void => {
        if (value !== undefined) {
            lines.push({ label, value });
        }
    };
    add('Records', recordsText(summary));
    if (summary.succeeded !== undefined) {
        const rate = summary.successRate === undefined ? '' : ` (${percent(summary.successRate)})`;
        add('Succeeded', `${count(summary.succeeded)}${rate}`);
    }
    add('Failed', summary.failed === undefined ? undefined : count(summary.failed));
    const embeddings =
        summary.embeddings === true || (modelId !== undefined && isEmbeddingsModel(modelId));
    add('Tokens', tokensText(summary, embeddings));
    add('Cost at batch price', costText(summary, modelId, embeddings));
    if (summary.topError !== undefined && (summary.failed ?? 0) > 0 && !summary.allFailed) {
        add('Most common error', topErrorText(summary));
    }
    if (summary.malformedLines > 0) {
        add(
            'Unreadable lines',
            `${count(summary.malformedLines)} output lines are not valid records`,
        );
    }
    return { lines, warning: summary.allFailed ? allFailedWarning(summary) : undefined };
}

function recordsText(summary: ResultSummary): string | undefined {
    if (summary.total === undefined) {
        return undefined;
    }
    const parts = [`${count(summary.total)} total`];
    if (summary.processed !== undefined) {
        parts.push(`${count(summary.processed)} processed`);
    }
    if (summary.unprocessed !== undefined && summary.unprocessed > 0) {
        parts.push(`${count(summary.unprocessed)} never processed`);
    }
    return parts.join(', ');
}

function tokensText(summary: ResultSummary, embeddings: boolean): string | undefined {
    if (embeddings) {
        return summary.inputTokens === undefined
            ? undefined
            : `${count(summary.inputTokens)} input (${noOutputTokensText})`;
    }
    if (summary.inputTokens === undefined && summary.outputTokens === undefined) {
        return undefined;
    }
    return `${count(summary.inputTokens ?? 0)} input, ${count(summary.outputTokens ?? 0)} output`;
}

function costText(
    summary: ResultSummary,
    modelId: string | undefined,
    embeddings: boolean,
): string | undefined {
    const cost = summary.cost;
    if (cost === undefined) {
        return modelId === undefined || summary.inputTokens === undefined
            ? undefined
            : `unknown: no price for ${modelId} (add one in the bedrockBatch.prices setting)`;
    }
    if (embeddings) {
        return (
            `${usd(cost.inputUsd)} (input tokens only, ${cost.modelPrefix} at ` +
            `$${cost.inputPerMillion} per million tokens)`
        );
    }
    return (
        `${usd(cost.totalUsd)} (${usd(cost.inputUsd)} input + ${usd(cost.outputUsd)} output, ` +
        `${cost.modelPrefix} at $${cost.inputPerMillion}/$${cost.outputPerMillion} ` +
        'per million tokens)'
    );
}

function topErrorText(summary: ResultSummary): string | undefined {
    const top = summary.topError;
    if (top === undefined) {
        return undefined;
    }
    const sampled = top.outOf === summary.failed ? '' : ' sampled';
    return `${top.message} (${count(top.count)} of ${count(top.outOf)}${sampled})`;
}

function allFailedWarning(summary: ResultSummary): string {
    const failed = count(summary.failed ?? 0);
    const head = `Every record failed (${failed} of ${failed}), whatever the job status says.`;
    const top = topErrorText(summary);
    return top === undefined
        ? `${head} Download the results to see the errors.`
        : `${head} Most common error: ${top}.`;
}

/** Renders a job's check result as text (one line per diagnostic, then a summary) or JSON. */
import { CHARS_PER_TOKEN, TOKENS_PER_MEDIA_BLOCK } from '../checker/tokenEstimate';
import { FAMILY_LABELS, isEmbeddingsTarget } from '../checker/modelTarget';
import type { CostEstimate, FileCheckResult, JobCheckResult, ModelTarget } from '../checker/types';
import { formatBytes } from '../shared/formatBytes';
import { formatUsd } from '../shared/formatUsd';
import { jsonWithVisibleText, showInvisible } from '../shared/visibleText';

const number = new Intl.NumberFormat('en-US');

function plural(n: number, word: string): string {
    return `${number.format(n)} ${word}${n === 1 ? '' : 's'}`;
}

function approx(amount: number): string {
    const shown = formatUsd(amount);
    return shown.startsWith('<') ? shown : `~${shown}`;
}

function omittedLine(file: FileCheckResult): string {
    const shown = new Map<string, number>();
    for (const d of file.diagnostics) {
        shown.set(d.code, (shown.get(d.code) ?? 0) + 1);
    }
    const hidden = Object.entries(file.counts)
        .map(([code, count]) => [code, (count ?? 0) - (shown.get(code) ?? 0)] as const)
        .filter(([, count]) => count > 0)
        .map(([code, count]) => `${code} ${number.format(count)}`);
    const more = plural(file.omitted, 'more diagnostic');
    return `${showInvisible(file.path)}: ${more} not listed (${hidden.join(', ')})\n`;
}

/**
 * Text for a terminal. Paths, messages and the model id are passed through showInvisible, so no
 * control character from a file name or a file's content reaches the terminal raw.
 */
export function formatText(result: JobCheckResult): string {
    const out: string[] = [];
    for (const file of result.files) {
        const path = showInvisible(file.path);
        for (const d of file.diagnostics) {
            const message = showInvisible(d.message);
            out.push(`${path}:${d.line}:${d.column} ${d.severity} ${d.code} ${message}\n`);
        }
        if (file.omitted > 0) {
            out.push(omittedLine(file));
        }
    }
    if (out.length > 0) {
        out.push('\n');
    }
    out.push(...summary(result));
    return out.join('');
}

function summary(result: JobCheckResult): string[] {
    const { stats, target } = result;
    const lines: string[] = [];
    const model =
        target.modelId === undefined
            ? 'no model given: only the record structure was checked (pass --model to check ' +
              'request bodies and estimate cost)'
            : `${showInvisible(target.modelId)} (${FAMILY_LABELS[target.family]}, ` +
              `${target.invocationType})`;
    lines.push(`Checked ${plural(result.files.length, 'file')} as one job; model: ${model}`);
    lines.push(`  records        ${number.format(stats.records)}`);
    lines.push(`  size           ${formatBytes(stats.bytes)}`);
    lines.push(...estimates(result));
    lines.push(
        `  result         ${plural(result.errors, 'error')}, ` +
            `${plural(result.warnings, 'warning')}, ${plural(result.infos, 'info')}`,
    );
    return lines.map((line) => `${line}\n`);
}

function estimates(result: JobCheckResult): string[] {
    const { stats, target, cost } = result;
    const estimated = stats.records - stats.recordsNotEstimated;
    if (estimated === 0) {
        return stats.records === 0
            ? []
            : ['  estimates      none (no record has a usable modelInput)'];
    }
    const lines: string[] = [];
    const left = stats.recordsNotEstimated;
    const leftOut =
        left > 0 ? `; ${plural(left, 'record')} without a usable modelInput left out` : '';
    const media = stats.mediaBlocks > 0 ? `, ${plural(stats.mediaBlocks, 'media block')}` : '';
    lines.push(
        `  input tokens   ~${number.format(stats.estimatedInputTokens)} (estimate: text ` +
            `characters / ${CHARS_PER_TOKEN}, ${number.format(TOKENS_PER_MEDIA_BLOCK)} per ` +
            `image/document${media}${leftOut})`,
    );
    if (target.modelId === undefined) {
        return lines;
    }
    if (isEmbeddingsTarget(target)) {
        lines.push('  output tokens  0 (embeddings are billed for input only)');
    } else if (stats.recordsWithoutOutputLimit === estimated) {
        lines.push('  output tokens  unknown (no record sets an output limit)');
    } else {
        const unbounded =
            stats.recordsWithoutOutputLimit > 0
                ? `; ${plural(stats.recordsWithoutOutputLimit, 'record')} set no limit`
                : '';
        lines.push(
            `  output tokens  <= ${number.format(stats.maxOutputTokens)} (sum of the records' ` +
                `output limits${unbounded})`,
        );
    }
    if (cost === undefined) {
        lines.push('  batch cost     unknown (no price for this model)');
    } else {
        // Without any output limit there is no upper bound to price: "unknown", not "<= $0".
        const output = isEmbeddingsTarget(target)
            ? 'no output'
            : stats.recordsWithoutOutputLimit === estimated
              ? 'unknown output'
              : `<= ${formatUsd(cost.maxOutputUsd)} output`;
        lines.push(
            `  batch cost     ${approx(cost.inputUsd)} input + ${output} ` +
                `(price row ${cost.modelPrefix}: $${cost.batchInputPerMillion} / ` +
                `$${cost.batchOutputPerMillion} per 1M tokens; default prices, check them)`,
        );
    }
    return lines;
}

/** A model id was given but the checker has no request-body rules for it. */
export function isUnknownModel(target: ModelTarget): boolean {
    return target.modelId !== undefined && target.family === 'generic';
}

/** The stderr warning for a model the checker does not know; undefined when there is none. */
export function modelWarning(target: ModelTarget): string | undefined {
    if (target.modelId === undefined || !isUnknownModel(target)) {
        return undefined;
    }
    return (
        `bedrock-batch: warning: "${showInvisible(target.modelId)}" is not a model the checker ` +
        'knows, so request bodies are not checked against its format (only the rules every ' +
        'model shares)\n'
    );
}

/** Dollars to the millionth: enough for per-record prices, without float noise. */
function roundUsd(amount: number): number {
    return Math.round(amount * 1e6) / 1e6;
}

function costJson(cost: CostEstimate): CostEstimate {
    return { ...cost, inputUsd: roundUsd(cost.inputUsd), maxOutputUsd: roundUsd(cost.maxOutputUsd) };
}

export function formatJson(result: JobCheckResult): string {
    const files = result.files.map((file) => ({
        path: file.path,
        diagnostics: file.diagnostics.map((d) => ({
            line: d.line,
            column: d.column,
            ...(d.endColumn === undefined ? {} : { endColumn: d.endColumn }),
            severity: d.severity,
            code: d.code,
            message: d.message,
            ...(d.fix === undefined ? {} : { fix: d.fix }),
        })),
        omittedDiagnostics: file.omitted,
        counts: file.counts,
        errors: file.errors,
        warnings: file.warnings,
        infos: file.infos,
        stats: file.stats,
    }));
    const job = {
        modelId: result.target.modelId ?? null,
        baseModelId: result.target.baseModelId ?? null,
        family: result.target.family,
        invocationType: result.target.invocationType,
        stats: result.stats,
        errors: result.errors,
        warnings: result.warnings,
        infos: result.infos,
        cost: result.cost === undefined ? null : costJson(result.cost),
    };
    const target = result.target;
    const model =
        target.modelId === undefined ? null : { id: target.modelId, known: !isUnknownModel(target) };
    const output = { ok: result.errors === 0, model, files, job };
    return `${jsonWithVisibleText(JSON.stringify(output))}\n`;
}

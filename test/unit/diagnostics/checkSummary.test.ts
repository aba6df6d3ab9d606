import * as assert from 'node:assert/strict';
import { checkText } from '../../../src/checker/check';
import {
    approximately,
    estimateLines,
    estimateRows,
    formatBytes,
    formatUsd,
    problemCounts,
    targetLabel,
} from '../../../src/diagnostics/checkSummary';
import { combineChecks } from '../../../src/submit/combineChecks';

function claudeRecords(count: number): string {
    const lines: string[] = [];
    for (let i = 0; i < count; i++) {
        lines.push(
            JSON.stringify({
                recordId: `r${i}`,
                modelInput: {
                    anthropic_version: 'bedrock-2023-05-31',
                    max_tokens: 100,
                    messages: [
                        {
                            role: 'user',
                            content: [
                                {
                                    type: 'text',
                                    text: 'Summarize this call transcript in one line.',
                                },
                            ],
                        },
                    ],
                },
            }),
        );
    }
    return `${lines.join('\n')}\n`;
}

describe('check summaries', () => {
    it('formats counts, sizes and money for people', () => {
        assert.equal(problemCounts({ errors: 0, warnings: 0 }), 'no problems');
        assert.equal(problemCounts({ errors: 1, warnings: 2 }), '1 error, 2 warnings');
        assert.equal(formatBytes(999), '999 bytes');
        assert.equal(formatBytes(1_500_000), '1.5 MB');
        assert.equal(formatBytes(157_340), '157.3 KB');
        assert.equal(formatUsd(0.004), '$0.0040');
        assert.equal(formatUsd(12.345), '$12.35');
    });

    it('states records, tokens and the batch cost of a Claude file', () => {
        const result = checkText(claudeRecords(150), {
            modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
        }).job;
        const lines = estimateLines(result);
        assert.match(lines.records, /^150 records, /);
        assert.match(lines.tokens, /input tokens, at most 15,000 output tokens/);
        assert.match(lines.cost, /for input at the batch price \(anthropic\.claude-3-haiku\)/);
        assert.equal(targetLabel(result), 'Anthropic Claude rules, InvokeModel');
    });

    it('gives the confirmation its short rows, with the price they come from', () => {
        const rows = estimateRows(
            checkText(claudeRecords(3000), { modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0' })
                .job,
        );
        assert.match(rows.records, /^Records: 3,000 records, \d+\.\d KB$/);
        assert.equal(rows.tokens.endsWith('input, at most 300,000 output'), true, rows.tokens);
        assert.match(rows.cost, /^Cost: about \$0\.\d\d input \+ up to \$2\.25 output$/);
        assert.equal(
            rows.costBasis,
            'batch price of anthropic.claude-3-5-sonnet: $1.50 input, $7.50 output per 1M tokens',
        );
        assert.equal(approximately(0.001), 'about $0.0010');
        assert.equal(approximately(0.00001), '< $0.0001');
        assert.equal(approximately(3), 'about $3.00');
    });

    it('says an embeddings job has no output tokens instead of "at most 0 output"', () => {
        const lines = Array.from({ length: 200 }, (_, i) =>
            JSON.stringify({
                recordId: `e${i}`,
                modelInput: { inputText: `Sentence number ${i} to embed.`, dimensions: 512 },
            }),
        );
        const result = checkText(`${lines.join('\n')}\n`, {
            modelId: 'amazon.titan-embed-text-v2:0',
        }).job;
        const rows = estimateRows(result);
        assert.match(rows.tokens, /^Tokens: about [\d,]+ input, no output tokens \(embeddings\)$/);
        assert.equal(rows.cost, 'Cost: < $0.0001 input, no output tokens (embeddings)');
        assert.equal(
            rows.costBasis,
            'batch price of amazon.titan-embed-text-v2: $0.01 input per 1M tokens',
        );
        const lines2 = estimateLines(result);
        assert.match(lines2.tokens, /input tokens, no output tokens \(embeddings\)$/);
        assert.doesNotMatch(`${lines2.cost} ${rows.cost}`, /\$0 output|at most 0/);
    });

    it('says the same of embedders checked with generic rules, priced or not', () => {
        const cohere = 'cohere.embed-english-v3';
        const text = Array.from({ length: 120 }, (_, i) =>
            JSON.stringify({
                recordId: `c${i}`,
                modelInput: { texts: [`Sentence ${i} to embed.`], input_type: 'search_document' },
            }),
        ).join('\n');
        const unpriced = checkText(text, { modelId: `us.${cohere}` }).job;
        assert.equal(unpriced.target.family, 'generic');
        const rows = estimateRows(unpriced);
        assert.match(rows.tokens, /^Tokens: about [\d,]+ input, no output tokens \(embeddings\)$/);
        assert.equal(rows.cost, 'Cost: unknown');
        assert.match(estimateLines(unpriced).tokens, /input tokens, no output tokens/);

        const prices = [{ modelPrefix: 'cohere.embed', inputPerMillion: 0.1, outputPerMillion: 0 }];
        const priced = checkText(text, { modelId: cohere, prices }).job;
        const { cost, costBasis } = estimateRows(priced);
        assert.match(cost, /^Cost: (about \$[\d.]+|< \$0\.0001) input, no output tokens/);
        assert.equal(costBasis, 'batch price of cohere.embed: $0.05 input per 1M tokens');
        assert.match(
            estimateLines(priced).cost,
            /for input at the batch price \(cohere\.embed\); no output tokens \(embeddings\)$/,
        );
    });

    it('keeps the output bound of a text model checked with generic rules', () => {
        const text = Array.from({ length: 3 }, (_, i) =>
            JSON.stringify({ recordId: `d${i}`, modelInput: { prompt: `Question ${i}` } }),
        ).join('\n');
        const rows = estimateRows(checkText(text, { modelId: 'deepseek.r1-v1:0' }).job);
        assert.doesNotMatch(rows.tokens, /embeddings/);
    });

    it('says when broken records are left out of the token estimate', () => {
        const text = `${claudeRecords(100)}{"recordId": "x", "modelInput": \n`;
        const lines = estimateLines(
            checkText(text, { modelId: 'anthropic.claude-3-haiku-20240307-v1:0' }).job,
        );
        assert.match(lines.tokens, /\(1 unreadable record not counted\)$/);
    });

    it('says why there is no cost without a model', () => {
        const result = checkText(claudeRecords(120)).job;
        assert.equal(estimateLines(result).cost, 'cost unknown: no model chosen');
        assert.equal(targetLabel(result), 'generic rules (no model chosen)');
    });

    it('adds per-file jobs up for one confirmation', () => {
        const options = { modelId: 'anthropic.claude-3-haiku-20240307-v1:0' };
        const a = checkText(claudeRecords(100), options).job;
        const b = checkText(claudeRecords(200), options).job;
        const total = combineChecks([a, b]);
        assert.equal(total?.stats.records, 300);
        assert.equal(total?.files.length, 2);
        assert.ok(
            Math.abs(
                (total?.cost?.inputUsd ?? 0) - ((a.cost?.inputUsd ?? 0) + (b.cost?.inputUsd ?? 0)),
            ) < 1e-12,
        );
        assert.equal(combineChecks([]), undefined);
    });
});

// Benchmarks the editor's check of a 45 MB .jsonl document (the largest VS Code hands to an
// extension is 50 MB), in one run: the longest event-loop stall and the total time of what the
// extension did before (document.getText(), a join of the document's lines, then checkText, in
// one task) against what it does now (checkTextInSlices reading the document's lines, with a
// turn of the event loop every few milliseconds). The stall is the longest gap between ticks of
// a 1 ms interval: what the extension host's other work would have waited.
// Run: npx tsc -p tsconfig.json && node out/bench/editorCheck.js (writes
// bench/results/editorCheck.json)
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
    checkText,
    checkTextInSlices,
    type LineSource,
    type TextCheckResult,
} from '../src/checker/check';

const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
const TARGET_BYTES = 45e6;
const RUNS = 5;
/** Targets: the sliced check may block the loop this long at most, and cost this much more. */
const MAX_STALL_MS = 50;
const MAX_SLOWDOWN = 1.15;

function rng(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const WORDS = (
    'the customer order invoice shipment delayed refund product quality support ticket agent ' +
    'summarize classify extract sentiment warehouse delivery address payment subscription ' +
    'Müller café naïve résumé 東京 配送 заказ доставка'
).split(' ');

function words(random: () => number, chars: number): string {
    let text = '';
    while (text.length < chars) {
        const word = WORDS[Math.floor(random() * WORDS.length)] ?? 'x';
        text += `${word}${random() < 0.05 ? '\n' : ' '}`;
    }
    return text;
}

/** ~1 KB Claude records; every third one loses its closing braces, as a file being fixed. */
function documentLines(): string[] {
    const random = rng(45);
    const lines: string[] = [];
    let bytes = 0;
    for (let i = 0; bytes < TARGET_BYTES; i++) {
        const line = JSON.stringify({
            recordId: `R${i}`,
            modelInput: {
                anthropic_version: 'bedrock-2023-05-31',
                max_tokens: 100,
                messages: [{ role: 'user', content: words(random, 800) }],
            },
        });
        const written = i % 3 === 0 ? line.slice(0, -2) : line;
        lines.push(written);
        bytes += Buffer.byteLength(written) + 1;
    }
    return lines;
}

interface Measured<T> {
    readonly value: T;
    readonly ms: number;
    readonly stallMs: number;
}

/** Runs `work` while a 1 ms interval ticks; the stall is the longest gap between ticks. */
async function measure<T>(work: () => T | Promise<T>): Promise<Measured<T>> {
    let last = performance.now();
    let worst = 0;
    const ticker = setInterval(() => {
        const now = performance.now();
        worst = Math.max(worst, now - last);
        last = now;
    }, 1);
    // Let the interval start ticking before the work begins.
    await new Promise((resolve) => setTimeout(resolve, 5));
    last = performance.now();
    const started = performance.now();
    const value = await work();
    const ms = performance.now() - started;
    worst = Math.max(worst, performance.now() - last);
    clearInterval(ticker);
    return { value, ms, stallMs: worst };
}

function say(line: string): void {
    process.stdout.write(`${line}\n`);
}

function median(values: readonly number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function sameFindings(a: TextCheckResult, b: TextCheckResult): boolean {
    return JSON.stringify(a.diagnostics) === JSON.stringify(b.diagnostics) &&
        JSON.stringify(a.stats) === JSON.stringify(b.stats);
}

async function main(): Promise<void> {
    const lines = documentLines();
    const options = { modelId: MODEL, jobQuotas: false };
    // The document as the extension host holds it: an array of lines.
    const document: LineSource = {
        lineCount: lines.length,
        lineAt: (index) => lines[index] ?? '',
        eol: '\n',
    };
    const snapshot = await measure(() => lines.join('\n'));
    const bytes = Buffer.byteLength(snapshot.value);
    say(`document: ${(bytes / 1e6).toFixed(1)} MB, ${lines.length} lines`);
    const loadBefore = loadavg()[0] ?? 0;
    const sync: Measured<TextCheckResult>[] = [];
    const sliced: Measured<TextCheckResult>[] = [];
    for (let run = 0; run < RUNS; run++) {
        sync.push(await measure(() => checkText(lines.join('\n'), options, 'big.jsonl')));
        sliced.push(await measure(() => checkTextInSlices(document, options, 'big.jsonl')));
    }
    const loadAfter = loadavg()[0] ?? 0;
    const reference = sync[0]?.value;
    if (reference === undefined || !sliced.every((m) => sameFindings(m.value, reference))) {
        throw new Error('the sliced check and checkText disagree');
    }
    const best = (all: readonly Measured<unknown>[]): number => Math.min(...all.map((m) => m.ms));
    const results = {
        date: new Date().toISOString(),
        node: process.version,
        document: { bytes, lines: lines.length, diagnostics: reference.diagnostics.length },
        getTextStallMs: snapshot.stallMs,
        checkText: {
            bestMs: best(sync),
            stallMedianMs: median(sync.map((m) => m.stallMs)),
            stallMaxMs: Math.max(...sync.map((m) => m.stallMs)),
        },
        checkTextInSlices: {
            bestMs: best(sliced),
            stallMedianMs: median(sliced.map((m) => m.stallMs)),
            stallMaxMs: Math.max(...sliced.map((m) => m.stallMs)),
        },
        slowdown: best(sliced) / best(sync),
        runs: RUNS,
        loadAverage: [loadBefore, loadAfter],
        target: { stallMedianMs: `<= ${MAX_STALL_MS}`, slowdown: `<= ${MAX_SLOWDOWN}` },
        pass: {
            stall: median(sliced.map((m) => m.stallMs)) <= MAX_STALL_MS,
            slowdown: best(sliced) / best(sync) <= MAX_SLOWDOWN,
        },
    };
    const ms = (value: number): string => `${value.toFixed(0)} ms`;
    const rows = [
        ['measure', 'getText + checkText (before)', 'checkTextInSlices (now)', 'target'],
        [
            'longest stall, median',
            ms(results.checkText.stallMedianMs),
            ms(results.checkTextInSlices.stallMedianMs),
            `<= ${MAX_STALL_MS} ms`,
        ],
        [
            'longest stall, worst run',
            ms(results.checkText.stallMaxMs),
            ms(results.checkTextInSlices.stallMaxMs),
            '',
        ],
        [
            `total, best of ${RUNS}`,
            ms(results.checkText.bestMs),
            `${ms(results.checkTextInSlices.bestMs)} (${results.slowdown.toFixed(2)}x)`,
            `<= ${MAX_SLOWDOWN}x`,
        ],
        ['of which getText', ms(results.getTextStallMs), 'not called', ''],
        ['load average', `${loadBefore.toFixed(1)} -> ${loadAfter.toFixed(1)}`, '', '(2 cores)'],
    ];
    const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
    for (const row of rows) {
        say(row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  '));
    }
    say(`pass: ${JSON.stringify(results.pass)}`);
    if (Math.max(loadBefore, loadAfter) > availableParallelism()) {
        say('warning: the machine was busy; stalls include time other processes took.');
    }
    const out = join(__dirname, '..', '..', 'bench', 'results');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'editorCheck.json'), `${JSON.stringify(results, null, 2)}\n`);
    say('wrote bench/results/editorCheck.json');
}

void main();

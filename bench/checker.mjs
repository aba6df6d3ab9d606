// Benchmarks the JSONL checker: throughput of `bedrock-batch check` against a bare
// read-split-JSON.parse loop on a 50,000-record Claude file, then the checker's peak RSS on
// 250 MB and 1 GB files. Run `node scripts/build.mjs` first. Writes bench/results/checker.json.
import { spawn } from 'node:child_process';
import {
    closeSync,
    existsSync,
    mkdirSync,
    mkdtempSync,
    openSync,
    rmSync,
    statSync,
    writeFileSync,
    writeSync,
} from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
const RUNS = 5;

if (!existsSync(cli)) {
    console.error('bench: dist/cli.js is missing; run `node scripts/build.mjs` first');
    process.exit(2);
}

// ---- realistic Claude Messages records ----

function rng(seed) {
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
    'summarize classify extract sentiment positive negative neutral warehouse delivery address ' +
    'payment card account subscription cancel upgrade coffee maker blender headphones jacket ' +
    'size colour material cotton denim leather review rating stars return policy days receipt ' +
    'please thank you regards manager escalate issue resolved pending follow-up call email chat ' +
    'Müller café naïve résumé 東京 配送 заказ доставка'
).split(' ');

function sentence(random, words) {
    const out = [];
    for (let i = 0; i < words; i++) {
        out.push(WORDS[Math.floor(random() * WORDS.length)]);
    }
    return `${out.join(' ')}.`;
}

function text(random, chars) {
    let s = '';
    while (s.length < chars) {
        s += sentence(random, 8 + Math.floor(random() * 12)) + (random() < 0.1 ? '\n' : ' ');
    }
    return s;
}

function body(random) {
    const turns = random() < 0.7 ? 1 : 3;
    const messages = [];
    for (let t = 0; t < turns; t++) {
        const role = t % 2 === 0 ? 'user' : 'assistant';
        const size = role === 'user' ? 2000 / turns + random() * 1200 : 300;
        messages.push({ role, content: [{ type: 'text', text: text(random, size) }] });
    }
    const modelInput = {
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: [256, 512, 1024, 2048][Math.floor(random() * 4)],
        messages,
    };
    if (random() < 0.5) {
        modelInput.system = text(random, 200);
    }
    if (random() < 0.5) {
        modelInput.temperature = Math.round(random() * 100) / 100;
    }
    return JSON.stringify(modelInput);
}

/** Writes records until `records` or `bytes` is reached; bodies come from a pool of 4,000. */
function generate(path, { records = Infinity, bytes = Infinity }) {
    const random = rng(42);
    const pool = Array.from({ length: 4000 }, () => body(random));
    const fd = openSync(path, 'w');
    let written = 0;
    let count = 0;
    let batch = [];
    let batchBytes = 0;
    const hex = (n) => Math.floor(random() * 16 ** n).toString(16).padStart(n, '0');
    while (count < records && written + batchBytes < bytes) {
        // UUID-shaped ids like most real inputs; the count keeps them unique.
        const serial = count.toString(16).padStart(12, '0');
        const id = `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${serial}`;
        const line = `{"recordId": "${id}", "modelInput": ${pool[count % pool.length]}}\n`;
        batch.push(line);
        batchBytes += Buffer.byteLength(line);
        count++;
        if (batch.length === 2000) {
            written += writeSync(fd, batch.join(''));
            batch = [];
            batchBytes = 0;
        }
    }
    writeSync(fd, batch.join(''));
    closeSync(fd);
    return { records: count, bytes: statSync(path).size };
}

// ---- child processes ----

// The bare loop: one reused 4 MiB buffer, split on LF, decode, JSON.parse. Only a line that
// spans two reads is copied, as in the checker, so the comparison measures the checking.
const BASELINE = `
const fs = require('node:fs');
const fd = fs.openSync(process.argv[1], 'r');
const buf = Buffer.allocUnsafe(4 * 1024 * 1024);
let carry = null;
let records = 0;
for (;;) {
    const n = fs.readSync(fd, buf, 0, buf.length, null);
    if (n === 0) break;
    const view = buf.subarray(0, n);
    let start = 0;
    let lf = view.indexOf(10);
    if (carry !== null && lf !== -1) {
        JSON.parse(Buffer.concat([carry, view.subarray(0, lf)]).toString('utf8'));
        records++;
        carry = null;
        start = lf + 1;
        lf = view.indexOf(10, start);
    }
    while (lf !== -1) {
        if (lf > start) { JSON.parse(view.toString('utf8', start, lf)); records++; }
        start = lf + 1;
        lf = view.indexOf(10, start);
    }
    if (start < n) {
        const rest = Buffer.from(view.subarray(start));
        carry = carry === null ? rest : Buffer.concat([carry, rest]);
    }
}
if (carry !== null) { JSON.parse(carry.toString('utf8')); records++; }
process.stdout.write(String(records));
`;

function writePreload(dir) {
    const path = join(dir, 'report-max-rss.cjs');
    writeFileSync(
        path,
        "process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write(" +
            "'\\nBENCH_MAX_RSS_KB=' + u.maxRSS + ' BENCH_CPU_US=' + " +
            "(u.userCPUTime + u.systemCPUTime) + '\\n'); });\n",
    );
    return path;
}

function run(args) {
    return new Promise((resolve, reject) => {
        const started = process.hrtime.bigint();
        const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => {
            if (stdout.length < 64 * 1024) {
                stdout += d;
            }
        });
        child.stderr.on('data', (d) => (stderr += d));
        child.on('error', reject);
        child.on('close', (code) => {
            const seconds = Number(process.hrtime.bigint() - started) / 1e9;
            const rss = /BENCH_MAX_RSS_KB=(\d+) BENCH_CPU_US=(\d+)/.exec(stderr);
            resolve({
                code,
                seconds,
                stdout,
                stderr,
                maxRssKiB: rss ? Number(rss[1]) : undefined,
                cpuSeconds: rss ? Number(rss[2]) / 1e6 : undefined,
            });
        });
    });
}

const checkArgs = (preload, file) => [
    '--require',
    preload,
    cli,
    'check',
    '--json',
    '--model',
    MODEL,
    file,
];
const baselineArgs = (preload, file) => ['--require', preload, '-e', BASELINE, file];

function check(result) {
    if (result.code !== 0 && result.code !== 1) {
        throw new Error(`child failed (${result.code}): ${result.stderr.slice(0, 2000)}`);
    }
    return result;
}

/** Alternates the two commands RUNS times and keeps each one's fastest run (wall and CPU). */
async function bestOfBoth(first, second) {
    const best = [undefined, undefined];
    const cpu = [Infinity, Infinity];
    for (let i = 0; i < RUNS; i++) {
        for (const [k, args] of [first, second].entries()) {
            const result = check(await run(args));
            if (best[k] === undefined || result.seconds < best[k].seconds) {
                best[k] = result;
            }
            cpu[k] = Math.min(cpu[k], result.cpuSeconds);
        }
    }
    return best.map((result, k) => ({ ...result, cpuSeconds: cpu[k] }));
}

// ---- main ----

const dir = mkdtempSync(join(tmpdir(), 'bedrock-batch-bench-'));
const results = { date: new Date().toISOString(), node: process.version, model: MODEL };
try {
    const preload = writePreload(dir);
    const file = join(dir, 'claude-50k.jsonl');
    const made = generate(file, { records: 50_000 });
    const mb = made.bytes / 1e6;
    console.log(`generated ${made.records} records, ${mb.toFixed(1)} MB`);

    const loadBefore = loadavg()[0];
    const [baseline, checker] = await bestOfBoth(
        baselineArgs(preload, file),
        checkArgs(preload, file),
    );
    const parsed = JSON.parse(checker.stdout);
    if (parsed.job.stats.records !== made.records || parsed.job.errors !== 0) {
        throw new Error(`checker disagrees: ${JSON.stringify(parsed.job).slice(0, 500)}`);
    }
    results.throughput = {
        records: made.records,
        bytes: made.bytes,
        baselineSeconds: baseline.seconds,
        checkerSeconds: checker.seconds,
        baselineMBps: mb / baseline.seconds,
        checkerMBps: mb / checker.seconds,
        ratio: baseline.seconds / checker.seconds,
        baselineCpuSeconds: baseline.cpuSeconds,
        checkerCpuSeconds: checker.cpuSeconds,
        cpuRatio: baseline.cpuSeconds / checker.cpuSeconds,
        target: '>= 0.8',
        runs: RUNS,
        loadAverage: [loadBefore, loadavg()[0]],
    };
    rmSync(file);

    results.memory = [];
    for (const [label, bytes] of [['250 MB', 250e6], ['1 GB', 1e9]]) {
        const big = join(dir, `claude-${label.replace(' ', '')}.jsonl`);
        const info = generate(big, { bytes });
        const check = await run(checkArgs(preload, big));
        const base = await run(baselineArgs(preload, big));
        results.memory.push({
            label,
            bytes: info.bytes,
            records: info.records,
            checkerMaxRssMiB: check.maxRssKiB / 1024,
            baselineMaxRssMiB: base.maxRssKiB / 1024,
            checkerSeconds: check.seconds,
            checkerMBps: info.bytes / 1e6 / check.seconds,
        });
        rmSync(big);
    }
} finally {
    rmSync(dir, { recursive: true, force: true });
}

const t = results.throughput;
const speed = (mbps, seconds) => `${mbps.toFixed(1)} MB/s (${seconds.toFixed(2)} s)`;
const rows = [
    ['measure', 'value', 'target'],
    ['file', `${(t.bytes / 1e6).toFixed(1)} MB, ${t.records} records`, ''],
    ['bare parse loop', speed(t.baselineMBps, t.baselineSeconds), ''],
    ['bedrock-batch check', speed(t.checkerMBps, t.checkerSeconds), ''],
    ['ratio (wall, best of ' + RUNS + ')', `${t.ratio.toFixed(2)}x`, '>= 0.80x'],
    ['ratio (CPU time)', `${t.cpuRatio.toFixed(2)}x`, ''],
    ['load average', t.loadAverage.map((l) => l.toFixed(1)).join(' -> '), '(2 cores)'],
    ...results.memory.map((m) => [
        `peak RSS, ${m.label}`,
        `${m.checkerMaxRssMiB.toFixed(1)} MiB (bare loop ${m.baselineMaxRssMiB.toFixed(1)} MiB, ` +
            `${m.checkerMBps.toFixed(0)} MB/s)`,
        '< 150 MiB, flat',
    ]),
];
const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length)));
for (const row of rows) {
    console.log(row.map((cell, c) => cell.padEnd(widths[c])).join('  '));
}
const [small, large] = results.memory;
results.pass = {
    ratio: t.ratio >= 0.8,
    rss: results.memory.every((m) => m.checkerMaxRssMiB < 150),
    flat: large.checkerMaxRssMiB < small.checkerMaxRssMiB * 1.25,
};
console.log(`pass: ${JSON.stringify(results.pass)}`);
if (Math.max(...t.loadAverage) > availableParallelism()) {
    console.log(
        `warning: the machine was busy (load ${t.loadAverage[1].toFixed(1)} on ` +
            `${availableParallelism()} cores): wall-clock numbers are unreliable; ` +
            'the CPU-time ratio is the steadier one. Re-run on an idle machine.',
    );
}
const out = join(root, 'bench', 'results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'checker.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('wrote bench/results/checker.json');

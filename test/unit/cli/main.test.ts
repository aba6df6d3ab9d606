import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');
const CLI = join(ROOT, 'dist', 'cli.js');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'checker');
const CLAUDE = 'anthropic.claude-3-haiku-20240307-v1:0';

interface Run {
    readonly status: number | null;
    readonly stdout: string;
    readonly stderr: string;
}

function cli(...args: string[]): Run {
    const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function fixture(name: string): string {
    return join(FIXTURES, name);
}

function claudeRecords(count: number, prefix: string): string {
    const line = (i: number): string =>
        JSON.stringify({
            recordId: `${prefix}${i}`,
            modelInput: {
                anthropic_version: 'bedrock-2023-05-31',
                max_tokens: 100,
                messages: [{ role: 'user', content: 'Summarize this order note.' }],
            },
        });
    return `${Array.from({ length: count }, (_, i) => line(i)).join('\n')}\n`;
}

interface JsonOutput {
    ok: boolean;
    files: {
        path: string;
        diagnostics: {
            line: number;
            column: number;
            severity: string;
            code: string;
            message: string;
        }[];
        stats: { records: number; bytes: number; estimatedInputTokens: number };
    }[];
    job: { stats: { records: number }; errors: number; cost: { inputUsd: number } | null };
}

describe('bedrock-batch check (dist/cli.js)', function () {
    this.timeout(60_000);
    let dir = '';

    before(() => {
        if (!existsSync(CLI)) {
            const build = spawnSync(process.execPath, ['scripts/build.mjs'], {
                cwd: ROOT,
                encoding: 'utf8',
            });
            assert.equal(build.status, 0, build.stderr);
        }
        dir = mkdtempSync(join(tmpdir(), 'bedrock-batch-cli-test-'));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('prints usage for --help and exits 0', () => {
        const run = cli('--help');
        assert.equal(run.status, 0);
        assert.match(run.stdout, /^Usage: bedrock-batch check FILE\.\.\. \[options\]/);
        assert.match(run.stdout, /--invocation-type TYPE/);
    });

    it('exits 0 with a summary and cost for a clean 120-record job', () => {
        const path = join(dir, 'clean.jsonl');
        writeFileSync(path, claudeRecords(120, 'ok-'));
        const run = cli('check', path, '--model', CLAUDE);
        assert.equal(run.status, 0, run.stdout);
        assert.equal(run.stderr, '');
        assert.match(run.stdout, /^Checked 1 file as one job; model: anthropic\.claude-3-haiku/);
        assert.match(run.stdout, /records {8}120\n/);
        assert.match(run.stdout, /batch cost {5}~\$0\.\d+ input \+ <= \$0\.\d+ output/);
        assert.match(run.stdout, /result {9}0 errors, 0 warnings, 0 infos\n$/);
    });

    it('says the output cost is unknown, not "<= $0", when no record limits its output', () => {
        const path = join(dir, 'nova-unbounded.jsonl');
        const line = (i: number): string =>
            JSON.stringify({
                recordId: `nova-${i}`,
                modelInput: { messages: [{ role: 'user', content: [{ text: 'Classify this.' }] }] },
            });
        writeFileSync(path, `${Array.from({ length: 120 }, (_, i) => line(i)).join('\n')}\n`);
        const run = cli('check', path, '--model', 'amazon.nova-lite-v1:0');
        assert.equal(run.status, 0, run.stdout);
        assert.match(run.stdout, /output tokens {2}unknown \(no record sets an output limit\)/);
        assert.match(run.stdout, /batch cost {5}(~\$0\.\d+|< \$0\.0001) input \+ unknown output /);
        assert.match(run.stdout, /size {11}\d+\.\d KB\n/);
    });

    it('exits 1 and prints file:line:col severity code message per diagnostic', () => {
        const path = fixture('bad/strayModelId.jsonl');
        const run = cli('check', path, '--model', CLAUDE);
        assert.equal(run.status, 1);
        const lines = run.stdout.split('\n').filter((l) => l.startsWith(path));
        assert.deepEqual(
            lines.map((l) => l.slice(path.length).split(' ').slice(0, 3).join(' ')),
            [
                ':1:1 error job-too-few-records',
                ':1:35 error model-input-model-id',
                ':2:146 error model-input-model-id',
            ],
        );
        assert.match(run.stdout, /result {9}3 errors, 0 warnings, 0 infos/);
    });

    it('prints one JSON object with --json', () => {
        const path = fixture('bad/duplicateIds.jsonl');
        const run = cli('check', '--json', path, '--model', CLAUDE, '--min-records', '1');
        assert.equal(run.status, 1);
        const output = JSON.parse(run.stdout) as JsonOutput;
        assert.equal(output.ok, false);
        assert.equal(output.files.length, 1);
        const [file] = output.files;
        assert.equal(file?.path, path);
        assert.deepEqual(
            file?.diagnostics.map(({ line, column, severity, code }) => ({
                line,
                column,
                severity,
                code,
            })),
            [
                { line: 3, column: 14, severity: 'error', code: 'record-id-duplicate' },
                { line: 5, column: 14, severity: 'error', code: 'record-id-duplicate' },
            ],
        );
        assert.equal(file?.stats.records, 5);
        assert.ok((file?.stats.bytes ?? 0) > 0 && (file?.stats.estimatedInputTokens ?? 0) > 0);
        assert.ok((output.job.cost?.inputUsd ?? 0) > 0);
    });

    it('exits 0 when there are only warnings and infos', () => {
        const blank = fixture('bad/blankLines.jsonl');
        const run = cli('check', blank, '--model', CLAUDE, '--min-records', '3');
        assert.equal(run.status, 0);
        assert.match(run.stdout, /:2:1 info blank-line /);
    });

    it('checks several files as one job', () => {
        const a = join(dir, 'a.jsonl');
        const b = join(dir, 'b.jsonl');
        writeFileSync(a, claudeRecords(60, 'r'));
        writeFileSync(b, claudeRecords(30, 'r'));
        const run = cli('check', '--json', a, b, '--model', CLAUDE);
        assert.equal(run.status, 1);
        const output = JSON.parse(run.stdout) as JsonOutput;
        assert.equal(output.job.stats.records, 90);
        const codes = output.files.map((f) => f.diagnostics.map((d) => d.code));
        assert.deepEqual(codes[0], ['job-too-few-records']);
        assert.equal(codes[1]?.length, 30);
        assert.ok(codes[1]?.every((code) => code === 'record-id-duplicate'));
    });

    it('prints no raw control character from file names or file content', () => {
        const name = join(dir, 'evil\u001b[2J\u202E.jsonl');
        const id = '\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202Etxt';
        const record = (key: string): string =>
            JSON.stringify({
                recordId: id,
                [key]: 1,
                modelInput: {
                    anthropic_version: 'bedrock-2023-05-31\u2066',
                    max_tokens: 10,
                    messages: [{ role: 'user', content: 'hi' }],
                },
            });
        writeFileSync(name, `${record('a\u0085')}\n${record('b\u2028')}\n`);
        const raw =
            // eslint-disable-next-line no-control-regex
            /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
        const text = cli('check', name, '--model', CLAUDE);
        assert.equal(text.status, 1);
        assert.doesNotMatch(text.stdout, raw, JSON.stringify(text.stdout));
        assert.match(text.stdout, /evil\\u001B\[2J\\u202E\.jsonl:2:\d+ error record-id-duplicate /);
        assert.match(text.stdout, /recordId "\\u001B\]0;pwned\\u0007\\u001B\[2J\\u009B31m/);
        const json = cli('check', '--json', name, '--model', CLAUDE);
        assert.doesNotMatch(json.stdout, raw, json.stdout);
        const parsed = JSON.parse(json.stdout) as JsonOutput;
        assert.equal(parsed.files[0]?.path, name, 'the JSON output still holds the real path');
    });

    it('warns on stderr, and says known: false in JSON, for a model it has no rules for', () => {
        const good = fixture('good/claude.jsonl');
        const unknown = 'acme.novel-model-v1:0';
        const text = cli('check', good, '--model', unknown, '--min-records', '1');
        assert.equal(text.status, 0, text.stderr);
        assert.match(text.stderr, /warning: "acme\.novel-model-v1:0" is not a model the checker/);
        const json = cli('check', good, '--json', '--model', unknown, '--min-records', '1');
        assert.deepEqual((JSON.parse(json.stdout) as { model: unknown }).model, {
            id: unknown,
            known: false,
        });
        const known = cli('check', good, '--json', '--model', CLAUDE, '--min-records', '1');
        assert.equal(known.stderr, '');
        assert.deepEqual((JSON.parse(known.stdout) as { model: unknown }).model, {
            id: CLAUDE,
            known: true,
        });
    });

    it('exits 2 with a message on stderr for usage errors and unreadable input', () => {
        const bare = cli();
        assert.equal(bare.status, 2);
        assert.match(bare.stderr, /^Usage: bedrock-batch check/);
        const cases: [string[], RegExp][] = [
            [['check'], /check needs at least one FILE/],
            [
                ['check', fixture('good/claude.jsonl'), '--invocation-type', 'Batch'],
                /InvokeModel or Converse/,
            ],
            [['check', join(dir, 'missing.jsonl')], /cannot read .*missing\.jsonl: no such file/],
            [['check', dir], /cannot read .*: not a file \(a folder\)/],
        ];
        if (process.platform !== 'win32') {
            // The engine refuses a FIFO before opening it: no wait for a writer.
            const fifo = join(dir, 'pipe.jsonl');
            spawnSync('mkfifo', [fifo]);
            const good = fixture('good/claude.jsonl');
            cases.push([['check', good, fifo], /not a file \(a named pipe/]);
        }
        for (const [args, message] of cases) {
            const run = cli(...args);
            assert.equal(run.status, 2, args.join(' '));
            assert.equal(run.stdout, '');
            assert.match(run.stderr, message);
        }
    });
});

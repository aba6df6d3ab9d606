// `npm test`: installs what is missing, builds, type-checks, lints, runs the unit tests and the
// integration tests inside a real VS Code (code-server + headless Chromium), and ends with one
// "N passed, N failed" line. `--only <stage>` / `--skip <stage>` run part of it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const only = valuesOf('--only');
const skip = valuesOf('--skip');
const artifacts = join(root, 'test-artifacts');
const scratch = mkdtempSync(join(tmpdir(), 'bbtest-'));

// Tests and tools must never find real credentials or reach an instance metadata endpoint.
const isolatedEnv = isolateAws(process.env, scratch);

const stages = [
    { name: 'setup', run: setup },
    { name: 'build', run: () => step('node', ['scripts/build.mjs']) },
    { name: 'typecheck', run: typecheck },
    { name: 'lint', run: () => step('npx', ['eslint', '--max-warnings=0', '.']) },
    { name: 'unit', run: unit },
    { name: 'integration', run: integration },
    { name: 'tour', run: tour },
];

// Tests run compiled code: asking for them alone still builds and compiles first.
const testStages = ['unit', 'integration', 'tour'];
const wanted = new Set(only.length > 0 ? only : stages.map((stage) => stage.name));
if (testStages.some((name) => wanted.has(name)) && only.length > 0) {
    for (const needed of ['setup', 'build', 'typecheck']) {
        wanted.add(needed);
    }
}

const summary = [];
let abort = false;
for (const stage of stages) {
    if (!wanted.has(stage.name) || skip.includes(stage.name)) {
        continue;
    }
    if (abort) {
        summary.push({ name: stage.name, passed: 0, failed: 0, note: 'not run: an earlier stage failed' });
        continue;
    }
    banner(stage.name);
    const started = Date.now();
    const result = stage.run();
    summary.push({ name: stage.name, ...result, seconds: Math.round((Date.now() - started) / 1000) });
    // Nothing after a failed setup or build can be trusted to mean anything.
    abort = (stage.name === 'setup' || stage.name === 'build') && result.failed > 0;
}

rmSync(scratch, { recursive: true, force: true });
banner('summary');
let passed = 0;
let failed = 0;
for (const s of summary) {
    passed += s.passed;
    failed += s.failed;
    const time = s.seconds === undefined ? '' : ` in ${s.seconds}s`;
    process.stdout.write(`  ${s.name.padEnd(12)} ${s.passed} passed, ${s.failed} failed${time}${s.note ? ` (${s.note})` : ''}\n`);
}
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

function setup() {
    const lock = join(root, 'node_modules', '.package-lock.json');
    if (!existsSync(lock) || readFileSync(lock, 'utf8') === '') {
        const installed = step('npm', ['ci', '--no-audit', '--no-fund']);
        if (installed.failed > 0) {
            return installed;
        }
    }
    // Only the real-VS-Code stages need code-server and Chromium.
    if (!wanted.has('integration') && !wanted.has('tour')) {
        return { passed: 1, failed: 0 };
    }
    return step('node', ['test/host/install.mjs']);
}

function typecheck() {
    // Compiled tests of deleted sources must not linger: the test indexes run every *.test.js.
    rmSync(join(root, 'out'), { recursive: true, force: true });
    const results = [
        step('npx', ['tsc', '-p', 'tsconfig.json']),
        step('npx', ['tsc', '-p', 'webview/tsconfig.json']),
    ];
    return { passed: results.filter((r) => r.failed === 0).length, failed: results.filter((r) => r.failed > 0).length };
}

function unit() {
    const resultsFile = join(scratch, 'unit.json');
    const run = spawnSync(
        'npx',
        ['mocha', '--reporter', './out/test/support/resultsReporter.js', '--timeout', '60000', 'out/test/unit/**/*.test.js'],
        { cwd: root, stdio: 'inherit', env: { ...isolatedEnv, BEDROCK_BATCH_TEST_RESULTS: resultsFile } },
    );
    return countsFrom(resultsFile, run.status);
}

function integration() {
    const resultsFile = join(scratch, 'integration.json');
    const dir = join(artifacts, 'integration');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const run = spawnSync(
        'node',
        [
            'test/host/run.mjs',
            '--extension', root,
            '--tests', join(root, 'out', 'test', 'integration', 'index.js'),
            '--workspace-template', join(root, 'test', 'fixtures', 'workspace'),
            '--artifacts', dir,
            '--results', resultsFile,
            // The host passes the workbench no BEDROCK_BATCH_* variable of its own environment.
            ...(process.env.BEDROCK_BATCH_TEST_GREP === undefined
                ? []
                : ['--grep', process.env.BEDROCK_BATCH_TEST_GREP]),
        ],
        { cwd: root, stdio: 'inherit', env: isolatedEnv },
    );
    return countsFrom(resultsFile, run.status);
}

// The sandbox tour (`npm start -- --tour`): the newcomer's loop in a real VS Code on the local
// endpoint, a screenshot per step in test-artifacts/tour; each step counts as one test.
function tour() {
    const dir = join(artifacts, 'tour');
    const run = spawnSync('node', ['scripts/start.mjs', '--tour', dir], { cwd: root, stdio: 'inherit', env: isolatedEnv });
    const counts = countsFrom(join(dir, 'results.json'), run.status);
    process.stdout.write(`tour: ${counts.passed} passed, ${counts.failed} failed\n`);
    return counts;
}

function countsFrom(file, status) {
    if (!existsSync(file)) {
        return { passed: 0, failed: 1, note: `no results (exit ${status})` };
    }
    const results = JSON.parse(readFileSync(file, 'utf8'));
    const failed = results.failed + (status !== 0 && results.failed === 0 ? 1 : 0);
    return { passed: results.passed, failed, note: status !== 0 && results.failed === 0 ? `exit ${status}` : undefined };
}

function step(command, commandArgs) {
    const run = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env: isolatedEnv });
    return run.status === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
}

function isolateAws(env, dir) {
    const clean = Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith('AWS_')));
    const config = join(dir, 'aws-config');
    const credentials = join(dir, 'aws-credentials');
    writeFileSync(config, '');
    writeFileSync(credentials, '');
    return {
        ...clean,
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_CONFIG_FILE: config,
        AWS_SHARED_CREDENTIALS_FILE: credentials,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        // The Python CLI reads this for TLS; loopback tests use plain http, so it is harmless.
        ...(env.AWS_CA_BUNDLE === undefined ? {} : { AWS_CA_BUNDLE: env.AWS_CA_BUNDLE }),
    };
}

function valuesOf(flag) {
    return args.flatMap((arg, i) => (arg === flag && args[i + 1] !== undefined ? args[i + 1].split(',') : []));
}

function banner(title) {
    process.stdout.write(`\n=== ${title} ===\n`);
}

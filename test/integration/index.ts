// Test entry loaded by the VS Code extension host (code-server via test/host/run.mjs, or
// @vscode/test-electron via scripts/testElectron.mjs): both call the exported run().
import Mocha from 'mocha';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { hasBridge, screenshot } from './support/bridge';

export interface TestResults {
    passed: number;
    failed: number;
    pending: number;
    failures: { title: string; error: string }[];
}

const { EVENT_SUITE_BEGIN, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_RUN_END } =
    Mocha.Runner.constants;

// The extension host forwards console.* to the workbench and garbles printf-style arguments,
// while process.stdout reaches the host's log verbatim.
function writeLine(...parts: unknown[]): void {
    process.stdout.write(`${format(...parts)}\n`);
}

function describeError(error: unknown): string {
    if (error instanceof Error) {
        return error.stack ?? `${error.name}: ${error.message}`;
    }
    return format(error);
}

function writeResults(results: TestResults): void {
    const resultsFile = process.env['BEDROCK_BATCH_TEST_RESULTS'];
    if (resultsFile !== undefined && resultsFile !== '') {
        writeFileSync(resultsFile, `${JSON.stringify(results, undefined, 2)}\n`);
    }
}

class StdoutReporter extends Mocha.reporters.Base {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
        super(runner, options);
        const results: TestResults = { passed: 0, failed: 0, pending: 0, failures: [] };
        const indent = (item: Mocha.Runnable | Mocha.Suite): string =>
            '  '.repeat(item.titlePath().length - 1);
        runner.on(EVENT_SUITE_BEGIN, (suite: Mocha.Suite) => {
            if (suite.title !== '') {
                writeLine('%s%s', indent(suite), suite.title);
            }
        });
        runner.on(EVENT_TEST_PASS, (test: Mocha.Test) => {
            results.passed += 1;
            writeLine('%sok   %s (%d ms)', indent(test), test.title, test.duration ?? 0);
        });
        runner.on(EVENT_TEST_PENDING, (test: Mocha.Test) => {
            results.pending += 1;
            writeLine('%sskip %s', indent(test), test.title);
        });
        runner.on(EVENT_TEST_FAIL, (test: Mocha.Test, error: unknown) => {
            results.failed += 1;
            results.failures.push({ title: test.fullTitle(), error: describeError(error) });
            writeLine('%sFAIL %s', indent(test), test.title);
        });
        runner.on(EVENT_RUN_END, () => {
            writeLine('%d passing, %d failing, %d pending',
                results.passed, results.failed, results.pending);
            results.failures.forEach((failure, index) => {
                writeLine('%d) %s\n%s', index + 1, failure.title, failure.error);
            });
            writeResults(results);
        });
    }
}

// Under test/host/run.mjs, a screenshot of the workbench as it was when a test failed.
async function screenshotFailure(this: Mocha.Context): Promise<void> {
    const test = this.currentTest;
    if (test?.state !== 'failed' || !hasBridge()) {
        return;
    }
    try {
        await screenshot(`failure-${test.fullTitle()}`);
    } catch (error) {
        writeLine('    no failure screenshot: %s', describeError(error));
    }
}

function findTestFiles(directory: string): string[] {
    return readdirSync(directory, { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.test.js') && !file.includes('node_modules'))
        .sort()
        .map((file) => join(directory, file));
}

export function run(): Promise<void> {
    return runTestsIn(__dirname);
}

/** Runs every *.test.js under a folder; the sandbox tour (test/tour) reuses this runner. */
export function runTestsIn(directory: string): Promise<void> {
    const grep = process.env['BEDROCK_BATCH_TEST_GREP'];
    const mocha = new Mocha({
        ui: 'bdd',
        timeout: 60_000,
        color: false,
        reporter: StdoutReporter,
        rootHooks: { afterEach: screenshotFailure },
        ...(grep !== undefined && grep !== '' ? { grep } : {}),
    });
    for (const file of findTestFiles(directory)) {
        mocha.addFile(file);
    }
    return new Promise((resolve, reject) => {
        try {
            mocha.run((failures) => {
                if (failures > 0) {
                    reject(new Error(`${failures} integration test(s) failed`));
                } else {
                    resolve();
                }
            });
        } catch (error) {
            // A test file that throws while loading stops the run before the reporter starts.
            writeLine('could not load the tests: %s', describeError(error));
            writeResults({
                passed: 0,
                failed: 1,
                pending: 0,
                failures: [{ title: 'loading the test files', error: describeError(error) }],
            });
            reject(error instanceof Error ? error : new Error(format(error)));
        }
    });
}

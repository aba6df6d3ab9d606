#!/usr/bin/env node
// Runs the extension's integration tests in a real VS Code: code-server on 127.0.0.1 opened by
// headless Chromium. The workbench loads the extension under development and hands the
// compiled test index to the Node extension host, which reports back through the page.
import {
    createWriteStream, existsSync, mkdirSync, readdirSync, rmSync, statSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { closeBrowser, launchBrowser, chromiumPath } from './lib/browser.mjs';
import { startBridge } from './lib/bridgeServer.mjs';
import { codeServerEntry, startCodeServer, stopCodeServer } from './lib/codeServer.mjs';
import { createExtensionHostRelay } from './lib/relay.mjs';
import { printResults, readResults } from './lib/results.mjs';
import { createSandbox, removeSandbox, sandboxEnvironment } from './lib/sandbox.mjs';
import { workbenchUrl } from './lib/workbenchUrl.mjs';

const usage = `Usage: node test/host/run.mjs --extension <dir> --tests <compiled test index .js>
  [--workspace-template <dir>]  folder copied in as the opened workspace (default: empty)
  [--artifacts <dir>]           screenshots and logs (default: ./.vscode-test/artifacts)
  [--results <file>]            results JSON (default: <artifacts>/results.json)
  [--timeout <sec>]             whole-run timeout (default: 900)
  [--env KEY=VALUE ...]         extra environment for the extension host (repeatable)
  [--grep <pattern>]            only tests whose full title matches
  [--keep]                      keep the temporary root (HOME, user data, workspace)
  [--verbose]                   print every code-server and workbench log line`;

const progress = (line) => process.stdout.write(`[host] ${line}\n`);

function fail(message) {
    process.stderr.write(`run.mjs: ${message}\n${usage}\n`);
    process.exit(2);
}

function parseCli() {
    let parsed;
    try {
        parsed = parseArgs({
            options: {
                extension: { type: 'string' },
                tests: { type: 'string' },
                'workspace-template': { type: 'string' },
                artifacts: { type: 'string' },
                results: { type: 'string' },
                timeout: { type: 'string', default: '900' },
                env: { type: 'string', multiple: true, default: [] },
                grep: { type: 'string' },
                keep: { type: 'boolean', default: false },
                verbose: { type: 'boolean', default: false },
                help: { type: 'boolean', default: false },
            },
        }).values;
    } catch (error) {
        fail(error.message);
    }
    if (parsed.help) {
        process.stdout.write(`${usage}\n`);
        process.exit(0);
    }
    if (parsed.extension === undefined || parsed.tests === undefined) {
        fail('--extension and --tests are required');
    }
    const extension = resolve(parsed.extension);
    if (!existsSync(join(extension, 'package.json'))) {
        fail(`no package.json in the extension folder ${extension}`);
    }
    const tests = resolve(parsed.tests);
    if (!existsSync(tests) || !statSync(tests).isFile()) {
        fail(`--tests must name a compiled test index (.js file), got ${parsed.tests}`);
    }
    const template = parsed['workspace-template'];
    if (template !== undefined && !statSync(template, { throwIfNoEntry: false })?.isDirectory()) {
        fail(`--workspace-template ${template} is not a folder`);
    }
    const timeoutSeconds = Number(parsed.timeout);
    if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
        fail(`--timeout must be a positive number of seconds, got ${parsed.timeout}`);
    }
    const extraEnv = {};
    for (const pair of parsed.env) {
        const equals = pair.indexOf('=');
        if (equals <= 0) {
            fail(`--env expects KEY=VALUE, got ${pair}`);
        }
        extraEnv[pair.slice(0, equals)] = pair.slice(equals + 1);
    }
    const artifacts = resolve(parsed.artifacts ?? join('.vscode-test', 'artifacts'));
    return {
        extension,
        tests,
        template: template === undefined ? undefined : resolve(template),
        artifacts,
        results: resolve(parsed.results ?? join(artifacts, 'results.json')),
        timeoutMs: timeoutSeconds * 1000,
        extraEnv,
        grep: parsed.grep,
        keep: parsed.keep,
        verbose: parsed.verbose,
    };
}

function checkHost() {
    if (!existsSync(codeServerEntry)) {
        fail('the test host is not installed: run `node test/host/install.mjs` first');
    }
    if (!existsSync(chromiumPath)) {
        fail(`${chromiumPath} is missing: apt-get install chromium`);
    }
}

function testWorkbenchUrl(port, options, workspace) {
    return workbenchUrl(port, {
        folder: workspace,
        extensionDevelopmentPath: options.extension,
        extensionTestsPath: options.tests,
    });
}

/** Stops whatever was started, once; safe to call from a signal handler mid-start-up. */
function createCleanup(options, dirs, resources) {
    let done;
    return (failed) => {
        done ??= (async () => {
            const { page, browser, server, bridge } = resources;
            if (failed && page !== undefined && !page.isClosed()) {
                const shot = join(options.artifacts, 'failure-workbench.png');
                await page.screenshot({ path: shot, timeout: 15_000 })
                    .then(() => progress(`failure screenshot ${shot}`))
                    .catch((error) => progress(`no failure screenshot: ${error.message}`));
            }
            if (browser !== undefined) {
                await closeBrowser(browser);
            }
            if (server !== undefined) {
                await stopCodeServer(server.child);
            }
            await bridge?.close();
            resources.logs.forEach((stream) => stream.end());
            if (options.keep) {
                progress(`kept ${dirs.root}`);
            } else {
                removeSandbox(dirs);
            }
        })();
        return done;
    };
}

function waitForOutcome(options, resources) {
    const { server, browser, page, exitCalled } = resources;
    let timer;
    const timedOut = new Promise((done) => {
        timer = setTimeout(() => done({ code: 1,
            reason: `timed out after ${options.timeoutMs / 1000} s` }), options.timeoutMs);
    });
    return Promise.race([
        exitCalled,
        timedOut,
        server.exited.then((reason) => ({ code: 1, reason })),
        new Promise((done) => browser.on('disconnected',
            () => done({ code: 1, reason: 'Chromium disconnected' }))),
        new Promise((done) => page.on('crash',
            () => done({ code: 1, reason: 'the workbench page crashed' }))),
    ]).finally(() => clearTimeout(timer));
}

async function startAll(options, dirs, resources) {
    const [serverLog, workbenchLog] = resources.logs;
    const logWorkbench = (line) => {
        workbenchLog.write(`${line}\n`);
        if (options.verbose) {
            process.stdout.write(`[workbench] ${line}\n`);
        }
    };
    resources.bridge = await startBridge({
        artifactsDir: options.artifacts,
        getPage: () => resources.page,
        onLog: (line) => progress(line),
    });
    const env = sandboxEnvironment(dirs, {
        BEDROCK_BATCH_TEST_BRIDGE: resources.bridge.url,
        BEDROCK_BATCH_TEST_RESULTS: options.results,
        BEDROCK_BATCH_TEST_ARTIFACTS: options.artifacts,
        ...(options.grep === undefined ? {} : { BEDROCK_BATCH_TEST_GREP: options.grep }),
        ...options.extraEnv,
    });
    const relay = createExtensionHostRelay();
    resources.server = startCodeServer({
        dirs,
        env,
        onLine: (line) => {
            serverLog.write(`${line}\n`);
            const output = relay(line);
            if (options.verbose) {
                process.stdout.write(`[code-server] ${line}\n`);
            } else if (output !== undefined) {
                process.stdout.write(`${output}\n`);
            }
        },
    });
    const port = await resources.server.listening;
    progress(`code-server listening on 127.0.0.1:${port}`);

    // Playwright keeps its browser profile in the runner's own temporary folder.
    process.env['TMPDIR'] = dirs.tmp;
    const launched = await launchBrowser({ env: sandboxEnvironment(dirs, {}),
        onLog: logWorkbench });
    Object.assign(resources, launched);
    const { page } = launched;
    resources.exitCalled = new Promise((done) => {
        void page.exposeFunction('codeAutomationExit', (code) => {
            done({ code: code === 0 ? 0 : 1, reason: `the workbench reported exit ${code}` });
        });
    });
    await page.exposeFunction('codeAutomationLog', (level, message) => {
        logWorkbench(`[${level}] ${message}`);
        // Errors such as a test index that cannot load only show up here; the index's own
        // "N integration test(s) failed" is already in the results.
        const summary = /integration test\(s\) failed/.test(message);
        if (level === 'error' && !options.verbose && !summary) {
            const lines = String(message).split('\n').slice(0, 8);
            const text = lines.map((line) => `[workbench error] ${line}`).join('\n');
            process.stdout.write(`${text}\n`);
        }
    });
    page.on('console', (message) => logWorkbench(`[console.${message.type()}] ${message.text()}`));
    await page.goto(testWorkbenchUrl(port, options, dirs.workspace),
        { waitUntil: 'domcontentloaded', timeout: 60_000 });
    progress('workbench opened, waiting for the tests');
}

function report(options, outcome, network, started) {
    const results = readResults(options.results);
    printResults(results, options.results);
    let final = outcome;
    if (final.code === 0 && results !== undefined && results.failed > 0) {
        final = { code: 1, reason: 'the results file lists failed tests' };
    }
    if (network !== undefined && network.blocked.length > 0 && final.code === 0) {
        // The tests must reach nothing but loopback; a request elsewhere is a failure even if
        // it was blocked and the tests passed without it.
        final = { code: 1, reason: 'the browser tried to reach an address other than 127.0.0.1' };
    }
    if (network !== undefined) {
        const blocked = network.blocked.length;
        const list = blocked > 0 ? ` (${network.blocked.join(', ')})` : '';
        progress(`browser requests: ${network.seen}, websockets: ${network.sockets.length}, `
            + `webview resources served by the service worker: ${network.serviceWorker}, `
            + `outside 127.0.0.1: ${blocked}${list}`);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    progress(`${final.code === 0 ? 'PASSED' : 'FAILED'}: ${final.reason} (${seconds} s)`);
    return final.code;
}

async function main() {
    const options = parseCli();
    checkHost();
    const started = Date.now();
    mkdirSync(options.artifacts, { recursive: true });
    rmSync(options.results, { force: true });
    for (const file of readdirSync(options.artifacts)) {
        if (/^failure-.*\.png$/.test(file)) {
            rmSync(join(options.artifacts, file), { force: true });
        }
    }
    const dirs = createSandbox(options.template);
    progress(`temporary root ${dirs.root}`);
    const resources = {
        logs: [
            createWriteStream(join(options.artifacts, 'code-server.log')),
            createWriteStream(join(options.artifacts, 'workbench.log')),
        ],
    };
    const cleanup = createCleanup(options, dirs, resources);
    const interrupt = (signal) => {
        progress(`interrupted by ${signal}, stopping`);
        void cleanup(true).finally(() => process.exit(130));
    };
    process.once('SIGINT', interrupt);
    process.once('SIGTERM', interrupt);
    process.once('SIGHUP', interrupt);

    let outcome;
    try {
        await startAll(options, dirs, resources);
        outcome = await waitForOutcome(options, resources);
    } catch (error) {
        outcome = { code: 1, reason: error instanceof Error ? error.message : String(error) };
    }
    await cleanup(outcome.code !== 0);
    process.exitCode = report(options, outcome, resources.network, started) === 0 ? 0 : 1;
}

await main();

#!/usr/bin/env node
// `npm start`: the extension working in a real VS Code, against the local AWS stand-in, in one
// command. Installs what is missing (Debian packages, the code-server test host), builds, starts
// the sandbox endpoint (seeded bucket and service role, jobs at sandbox pace) and code-server
// with the extension under development and a workspace of sample files, then prints the URL.
// Ctrl-C stops everything it started and exits 0.
//
// `npm start -- --tour DIR` runs the same loop unattended in headless Chromium (test/tour, run by
// test/host/run.mjs) and writes a screenshot of each step into DIR; non-zero exit on a failure.
import { fork, spawnSync } from 'node:child_process';
import {
    createWriteStream, existsSync, mkdtempSync, readdirSync, rmSync, statSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { codeServerEntry, startCodeServer, stopCodeServer } from '../test/host/lib/codeServer.mjs';
import { readResults } from '../test/host/lib/results.mjs';
import { createSandbox, removeSandbox, sandboxEnvironment } from '../test/host/lib/sandbox.mjs';
import { workbenchUrl } from '../test/host/lib/workbenchUrl.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sandboxScript = join(root, 'dist', 'sandbox.js');
const tourIndex = join(root, 'out', 'test', 'tour', 'index.js');

const usage = `Usage: npm start [-- options]
  --tour <dir>     run the tour unattended in headless Chromium, screenshots into <dir>
  --speed <x>      job simulator speed (default 1: a 300-record job takes about two minutes)
  --port <n>       code-server port (default: a free one)
  --skip-setup     do not check system packages, the test host, the build or compiled tests
  --verbose        print every code-server log line`;

const say = (line) => process.stdout.write(`[start] ${line}\n`);

function fail(message, code = 1) {
    process.stderr.write(`start: ${message}\n`);
    process.exit(code);
}

function parseCli() {
    let values;
    try {
        values = parseArgs({
            options: {
                tour: { type: 'string' },
                speed: { type: 'string', default: '1' },
                port: { type: 'string', default: '0' },
                'skip-setup': { type: 'boolean', default: false },
                verbose: { type: 'boolean', default: false },
                help: { type: 'boolean', default: false },
            },
        }).values;
    } catch (error) {
        fail(`${error.message}\n${usage}`, 2);
    }
    if (values.help) {
        process.stdout.write(`${usage}\n`);
        process.exit(0);
    }
    const speed = Number(values.speed);
    if (!Number.isFinite(speed) || speed <= 0 || speed > 60) {
        fail(`--speed must be a number above 0 and at most 60, got ${values.speed}`, 2);
    }
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
        fail(`--port must be an integer from 0 to 65535, got ${values.port}`, 2);
    }
    return {
        tour: values.tour === undefined ? undefined : resolve(values.tour),
        speed,
        port,
        skipSetup: values['skip-setup'],
        verbose: values.verbose,
    };
}

/** Runs a command in the repository with inherited output; fails the start when it fails. */
function run(command, args, what) {
    const started = Date.now();
    const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) {
        const why = result.error?.message ?? `exit ${result.status ?? result.signal}`;
        fail(`${what} failed (${why})`);
    }
    say(`${what}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** What scripts/install-system-deps.sh provides that this run needs and does not find. */
function missingSystemPieces(tour) {
    const files = [];
    if (!existsSync(codeServerEntry)) {
        // Only building the test host needs compilers and headers.
        files.push('/usr/bin/rg', '/usr/include/krb5.h', '/usr/include/gssapi/gssapi.h',
            '/usr/include/node/node.h', '/usr/bin/make', '/usr/bin/g++', '/usr/bin/python3',
            '/usr/bin/pkg-config');
    }
    if (tour) {
        files.push('/usr/bin/chromium');
    }
    return files.filter((file) => !existsSync(file));
}

function newestSource(dir) {
    let newest = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.name === 'node_modules' || entry.name === 'host') {
            continue;
        }
        const path = join(dir, entry.name);
        newest = Math.max(newest, entry.isDirectory() ? newestSource(path)
            : entry.name.endsWith('.ts') ? statSync(path).mtimeMs : 0);
    }
    return newest;
}

function setup(options) {
    if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) {
        fail('the project\'s packages are missing: run `npm install` first');
    }
    const missing = missingSystemPieces(options.tour !== undefined);
    if (missing.length > 0) {
        say(`missing ${missing.join(', ')}: installing the Debian packages`);
        run('bash', [join('scripts', 'install-system-deps.sh')], 'system packages');
    }
    run(process.execPath, [join('test', 'host', 'install.mjs')], 'test host (code-server)');
    run(process.execPath, [join('scripts', 'build.mjs')], 'build');
    if (options.tour !== undefined) {
        const compiled = existsSync(tourIndex) ? statSync(tourIndex).mtimeMs : 0;
        const sources = Math.max(newestSource(join(root, 'src')), newestSource(join(root, 'test')));
        if (sources > compiled) {
            run('npx', ['tsc', '-p', 'tsconfig.json'], 'compiling the tour');
        }
    }
}

/**
 * Forks dist/sandbox.js and resolves with { info, line, child, stop } once it prints its JSON
 * line. The child also stops by itself if this process dies (its IPC channel closes).
 */
function startEndpoint(args, onLog) {
    const env = Object.fromEntries(
        Object.entries(process.env).filter(([key]) => !/^AWS_/i.test(key)));
    const child = fork(sandboxScript, args, {
        cwd: root,
        env,
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
        execArgv: [],
    });
    const exited = new Promise((done) => {
        child.once('exit', (code, signal) => done(signal ?? `exit code ${code}`));
        child.once('error', (error) => done(`could not start: ${error.message}`));
    });
    createInterface({ input: child.stderr }).on('line', onLog);
    const stop = async () => {
        if (child.exitCode !== null || child.signalCode !== null) {
            return;
        }
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
    };
    return new Promise((done, reject) => {
        const timer = setTimeout(() => {
            void stop();
            reject(new Error('the sandbox endpoint did not start within 30 s'));
        }, 30_000);
        createInterface({ input: child.stdout }).once('line', (line) => {
            clearTimeout(timer);
            let info;
            try {
                info = JSON.parse(line);
            } catch {
                void stop();
                reject(new Error(`the sandbox endpoint printed something unexpected: ${line}`));
                return;
            }
            done({ info, line, child, exited, stop });
        });
        void exited.then((reason) => {
            clearTimeout(timer);
            reject(new Error(`the sandbox endpoint stopped before it served (${reason})`));
        });
    });
}

function onSignals(handler) {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
        process.once(signal, () => handler(signal));
    }
}

/** Settings of the sandbox window: quick polls, live metrics, the README on start. */
const interactiveSettings = {
    'workbench.startupEditor': 'readme',
    'bedrockBatch.explorer.pollIntervalSeconds': 5,
    'bedrockBatch.metrics.refreshIntervalSeconds': 15,
};

async function interactive(options) {
    const dirs = createSandbox(undefined, { settings: interactiveSettings });
    const log = createWriteStream(join(dirs.root, 'code-server.log'));
    const resources = {};
    let stopping;
    const stopAll = (code) => {
        stopping ??= (async () => {
            if (resources.server !== undefined) {
                await stopCodeServer(resources.server.child);
            }
            await resources.endpoint?.stop();
            log.end();
            removeSandbox(dirs);
            say('stopped code-server and the sandbox endpoint');
            process.exit(code);
        })();
        return stopping;
    };
    onSignals(() => {
        process.stdout.write('\n');
        say('stopping');
        void stopAll(0);
    });
    try {
        resources.endpoint = await startEndpoint(
            ['--speed', String(options.speed), '--samples', dirs.workspace],
            (line) => (options.verbose ? say(line) : log.write(`${line}\n`)),
        );
        const { info } = resources.endpoint;
        say(`sandbox endpoint ${info.endpoint} (pid ${resources.endpoint.child.pid}), bucket `
            + `${info.bucket}, role ${info.roleArn}`);
        const env = sandboxEnvironment(dirs, { BEDROCK_BATCH_SANDBOX: resources.endpoint.line });
        resources.server = startCodeServer({
            dirs,
            env,
            port: options.port,
            onLine: (line) => {
                log.write(`${line}\n`);
                if (options.verbose) {
                    process.stdout.write(`[code-server] ${line}\n`);
                }
            },
        });
        const port = await resources.server.listening;
        const url = workbenchUrl(port, { folder: dirs.workspace, extensionDevelopmentPath: root });
        process.stdout.write([
            '',
            'Bedrock Batch is running in VS Code (code-server) on the local sandbox. Open:',
            '',
            `    ${url}`,
            '',
            `Sample workspace: ${dirs.workspace} (README.md says what to try)`,
            `Logs: ${join(dirs.root, 'code-server.log')}`,
            'Press Ctrl-C to stop everything.',
            '',
        ].join('\n'));
        const reason = await Promise.race([
            resources.server.exited,
            resources.endpoint.exited.then((why) => `the sandbox endpoint stopped (${why})`),
        ]);
        if (stopping === undefined) {
            say(`${reason}; stopping`);
            await stopAll(1);
        }
    } catch (error) {
        say(`could not start: ${error.message}`);
        await stopAll(1);
    }
}

function listScreenshots(dir) {
    return existsSync(dir) ? readdirSync(dir).filter((file) => file.endsWith('.png')).sort() : [];
}

async function tour(options) {
    const started = Date.now();
    const samples = mkdtempSync('/tmp/bbs-');
    let endpoint;
    let interrupted = false;
    onSignals((signal) => {
        interrupted = true;
        say(`interrupted by ${signal}`);
    });
    try {
        endpoint = await startEndpoint(
            ['--speed', String(options.speed), '--samples', samples],
            (line) => (options.verbose ? say(line) : undefined),
        );
        say(`sandbox endpoint ${endpoint.info.endpoint} (pid ${endpoint.child.pid})`);
        rmSync(options.tour, { recursive: true, force: true });
        const args = [
            join('test', 'host', 'run.mjs'),
            '--extension', root,
            '--tests', tourIndex,
            '--workspace-template', samples,
            '--artifacts', options.tour,
            '--timeout', '600',
            '--env', `BEDROCK_BATCH_SANDBOX=${endpoint.line}`,
            ...(options.verbose ? ['--verbose'] : []),
        ];
        const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
        const results = readResults(join(options.tour, 'results.json'));
        const shots = listScreenshots(options.tour);
        const seconds = ((Date.now() - started) / 1000).toFixed(0);
        say(`tour: ${results?.passed ?? 0} steps passed, ${results?.failed ?? 0} failed, `
            + `${shots.length} screenshots in ${options.tour} (${seconds} s)`);
        for (const shot of shots) {
            say(`    ${shot}`);
        }
        const passed = result.status === 0 && results !== undefined && results.failed === 0
            && results.passed > 0 && !interrupted;
        process.exitCode = passed ? 0 : 1;
    } catch (error) {
        say(`tour failed: ${error.message}`);
        process.exitCode = 1;
    } finally {
        await endpoint?.stop();
        rmSync(samples, { recursive: true, force: true });
    }
}

const options = parseCli();
if (!options.skipSetup) {
    setup(options);
}
if (!existsSync(sandboxScript)) {
    fail(`${sandboxScript} is missing: run \`node scripts/build.mjs\``);
}
if (options.tour !== undefined) {
    await tour(options);
} else {
    await interactive(options);
}

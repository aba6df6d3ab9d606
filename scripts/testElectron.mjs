#!/usr/bin/env node
// Runs the integration tests (out/test/integration/index.js) in desktop VS Code through
// @vscode/test-electron. That downloads VS Code unless --vscode names an installed one; on an
// offline machine use test/host/run.mjs (code-server + Chromium) instead.
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const testsIndex = join(root, 'out', 'test', 'integration', 'index.js');
const defaultVersion = '1.100.3';

const usage = `Usage: node scripts/testElectron.mjs [options]
  --vscode <path>     VS Code executable to use instead of downloading one
  --version <v>       VS Code version to download (default ${defaultVersion})
  --grep <pattern>    only tests whose full title matches
  --dry-run           print what would run, download nothing
  --help`;

const say = (line) => process.stdout.write(`test:electron: ${line}\n`);

function stop(message, code = 1) {
    process.stderr.write(`test:electron: ${message}\n`);
    process.exit(code);
}

function parseCli() {
    try {
        return parseArgs({
            options: {
                vscode: { type: 'string' },
                version: { type: 'string', default: defaultVersion },
                grep: { type: 'string' },
                'dry-run': { type: 'boolean', default: false },
                help: { type: 'boolean', default: false },
            },
        }).values;
    } catch (error) {
        return stop(`${error.message}\n${usage}`, 2);
    }
}

/** The same environment contract as test/host/run.mjs: no AWS settings of the developer. */
function testEnvironment(sandbox, grep) {
    for (const key of Object.keys(process.env)) {
        if (/^AWS_/i.test(key)) {
            delete process.env[key];
        }
    }
    const awsDir = join(sandbox, 'aws');
    mkdirSync(awsDir, { recursive: true });
    writeFileSync(join(awsDir, 'config'), '');
    writeFileSync(join(awsDir, 'credentials'), '');
    return {
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        AWS_CONFIG_FILE: join(awsDir, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: join(awsDir, 'credentials'),
        BEDROCK_BATCH_TEST_RESULTS: join(sandbox, 'results.json'),
        ...(grep === undefined ? {} : { BEDROCK_BATCH_TEST_GREP: grep }),
    };
}

/** The VS Code executable, or undefined after explaining why there is none. */
async function resolveExecutable(options) {
    if (options.vscode !== undefined) {
        const executable = resolve(options.vscode);
        if (!existsSync(executable)) {
            process.stderr.write(`test:electron: --vscode ${executable} does not exist\n`);
            return undefined;
        }
        return executable;
    }
    try {
        return await downloadAndUnzipVSCode({
            version: options.version,
            cachePath: join(root, '.vscode-test'),
            timeout: 15_000,
        });
    } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        process.stderr.write(`test:electron: could not download VS Code ${options.version} `
            + `(${reason}).\nThis machine is probably offline. Either pass --vscode <VS Code `
            + 'executable>, or run the same tests in code-server:\n'
            + '  node test/host/install.mjs && node test/host/run.mjs --extension . '
            + `--tests ${testsIndex}\n`);
        return undefined;
    }
}

async function main() {
    const options = parseCli();
    if (options.help) {
        process.stdout.write(`${usage}\n`);
        return;
    }
    if (!existsSync(testsIndex)) {
        stop(`${testsIndex} is missing: compile the tests with npx tsc -p tsconfig.json`);
    }
    if (!existsSync(join(root, 'dist', 'extension.js'))) {
        stop('dist/extension.js is missing: build the extension with node scripts/build.mjs');
    }
    const sandbox = mkdtempSync(join(tmpdir(), 'bbt-electron-'));
    const workspace = join(sandbox, 'workspace');
    mkdirSync(workspace);
    const launchArgs = [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${join(sandbox, 'user-data')}`,
        `--extensions-dir=${join(sandbox, 'extensions')}`,
    ];
    try {
        const extensionTestsEnv = testEnvironment(sandbox, options.grep);
        if (options['dry-run']) {
            say(`would run VS Code ${options.vscode ?? options.version} with`);
            say(`  extensionDevelopmentPath ${root}`);
            say(`  extensionTestsPath ${testsIndex}`);
            say(`  launchArgs ${launchArgs.join(' ')}`);
            say(`  env ${Object.keys(extensionTestsEnv).join(' ')}`);
            return;
        }
        if (process.platform === 'linux' && process.env['DISPLAY'] === undefined) {
            say('no DISPLAY: desktop VS Code needs one (e.g. run this under xvfb-run -a)');
        }
        const vscodeExecutablePath = await resolveExecutable(options);
        if (vscodeExecutablePath === undefined) {
            process.exitCode = 1;
            return;
        }
        const code = await runTests({
            vscodeExecutablePath,
            extensionDevelopmentPath: root,
            extensionTestsPath: testsIndex,
            extensionTestsEnv,
            launchArgs,
        }).catch((error) => {
            say(`tests failed: ${error instanceof Error ? error.message : String(error)}`);
            return 1;
        });
        process.exitCode = code === 0 ? 0 : 1;
    } finally {
        rmSync(sandbox, { recursive: true, force: true });
    }
}

await main();

#!/usr/bin/env node
// Installs the integration-test host (code-server + playwright-core) into test/host/node_modules
// on an offline machine. Idempotent: a stamp holding the lockfile's hash makes reruns a no-op.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const hostDir = dirname(fileURLToPath(import.meta.url));
const lockPath = join(hostDir, 'package-lock.json');
const stampPath = join(hostDir, 'node_modules', '.bbt-install-stamp');
const aptPackages = 'chromium libkrb5-dev ripgrep build-essential python3 pkg-config';
// Where @vscode/ripgrep's postinstall looks before it tries to download rg from GitHub.
const ripgrepCache = join('vscode-ripgrep-cache-1.15.11',
    'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');

const log = (line) => process.stdout.write(`test-host install: ${line}\n`);

function fail(message) {
    process.stderr.write(`test-host install: ${message}\n`);
    process.exit(1);
}

function lockHash() {
    return createHash('sha256').update(readFileSync(lockPath)).digest('hex');
}

function lockedVersion(name) {
    const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
    return lock.packages?.[`node_modules/${name}`]?.version;
}

function installedVersion(name) {
    const manifest = join(hostDir, 'node_modules', name, 'package.json');
    return existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : undefined;
}

function isInstalled() {
    if (!existsSync(stampPath) || readFileSync(stampPath, 'utf8').trim() !== lockHash()) {
        return false;
    }
    return ['code-server', 'playwright-core']
        .every((name) => installedVersion(name) === lockedVersion(name));
}

function onPath(command) {
    return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function checkPrerequisites() {
    const missing = [];
    const files = {
        '/usr/bin/chromium': 'chromium',
        '/usr/bin/rg': 'ripgrep',
        '/usr/include/gssapi/gssapi.h': 'libkrb5-dev (kerberos headers)',
        '/usr/include/krb5.h': 'libkrb5-dev (kerberos headers)',
        '/usr/include/node/node.h': 'node headers (nodejs / libnode-dev)',
    };
    for (const [file, what] of Object.entries(files)) {
        if (!existsSync(file)) {
            missing.push(`${file} (${what})`);
        }
    }
    for (const command of ['make', 'g++', 'python3', 'pkg-config', 'tar']) {
        if (!onPath(command)) {
            missing.push(`${command} on PATH`);
        }
    }
    if (missing.length > 0) {
        fail(`missing prerequisites:\n  ${missing.join('\n  ')}\n`
            + `Install them as root with: apt-get install -y ${aptPackages}`);
    }
    const major = Number(process.versions.node.split('.')[0]);
    if (major !== 20) {
        fail(`code-server 4.100.3 needs Node 20, this is Node ${process.versions.node}`);
    }
}

function seedRipgrepCache(privateTmp) {
    const target = join(privateTmp, ripgrepCache);
    mkdirSync(dirname(target), { recursive: true });
    const tar = spawnSync('tar', ['-czf', target, '-C', '/usr/bin', 'rg'], { stdio: 'inherit' });
    if (tar.status !== 0) {
        throw new Error('could not pack /usr/bin/rg for @vscode/ripgrep');
    }
}

function runNpmCi(privateTmp) {
    const env = {
        ...process.env,
        TMPDIR: privateTmp,
        npm_config_nodedir: '/usr',
        npm_config_build_from_source: 'true',
        npm_config_yes: 'true',
        npm_config_unsafe_perm: 'true',
        npm_config_audit: 'false',
        npm_config_fund: 'false',
        npm_config_update_notifier: 'false',
    };
    return new Promise((resolve) => {
        const child = spawn('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
            cwd: hostDir,
            env,
            stdio: ['ignore', 'inherit', 'inherit'],
        });
        child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
        child.on('error', (error) => {
            process.stderr.write(`test-host install: ${error.message}\n`);
            resolve(1);
        });
    });
}

async function main() {
    if (isInstalled() && !process.argv.includes('--force')) {
        log(`up to date (code-server ${installedVersion('code-server')}, `
            + `playwright-core ${installedVersion('playwright-core')})`);
        return;
    }
    checkPrerequisites();
    const started = Date.now();
    const privateTmp = mkdtempSync(join(tmpdir(), 'bbt-inst-'));
    let code;
    try {
        seedRipgrepCache(privateTmp);
        log('npm ci (compiles native modules, takes a minute or two)');
        code = await runNpmCi(privateTmp);
    } finally {
        rmSync(privateTmp, { recursive: true, force: true });
    }
    if (code !== 0) {
        fail(`npm ci failed with exit code ${code}; if it tried to download something, `
            + `check that these apt packages are installed: ${aptPackages}`);
    }
    writeFileSync(stampPath, `${lockHash()}\n`);
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    log(`installed code-server ${installedVersion('code-server')} and playwright-core `
        + `${installedVersion('playwright-core')} in ${seconds} s`);
}

await main();

// Starts code-server on 127.0.0.1 inside the sandbox and relays its log line by line.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const hostDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const codeServerEntry = join(hostDir, 'node_modules', 'code-server', 'out', 'node',
    'entry.js');

const listeningLine = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/;

/**
 * Spawns code-server at once and returns { child, listening, exited }: listening resolves with
 * the port, exited with a description when the process ends. onLine gets every log line.
 * port 0 (default) picks a free one.
 */
export function startCodeServer({ dirs, env, onLine, port = 0, startTimeoutMs = 60_000 }) {
    const config = join(dirs.root, 'code-server.yaml');
    writeFileSync(config, 'auth: none\n');
    const args = [
        codeServerEntry,
        '--config', config,
        '--bind-addr', `127.0.0.1:${port}`,
        '--auth', 'none',
        '--user-data-dir', dirs.userData,
        '--extensions-dir', dirs.extensions,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--disable-proxy',
        '--ignore-last-opened',
    ];
    // Its own process group, so the extension host and helpers can be stopped with it.
    const child = spawn(process.execPath, args, {
        cwd: dirs.workspace,
        env: { ...env, EXTENSIONS_GALLERY: '{}' },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
    });
    const exited = new Promise((resolve) => {
        child.on('exit', (code, signal) => resolve(`code-server exited (${signal ?? code})`));
        child.on('error', (error) => resolve(`code-server failed to start: ${error.message}`));
    });
    const listening = new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(
            `code-server did not listen within ${startTimeoutMs / 1000} s`)), startTimeoutMs);
        for (const stream of [child.stdout, child.stderr]) {
            createInterface({ input: stream }).on('line', (line) => {
                onLine(line);
                const match = listeningLine.exec(line);
                if (match !== null) {
                    clearTimeout(timer);
                    resolve(Number(match[1]));
                }
            });
        }
        void exited.then((reason) => {
            clearTimeout(timer);
            reject(new Error(reason));
        });
    });
    // Settled promises ignore later resolve/reject calls; keep an unhandled rejection quiet.
    listening.catch(() => undefined);
    return { child, listening, exited };
}

/** Stops code-server's whole process group: SIGTERM, then SIGKILL after graceMs. */
export async function stopCodeServer(child, graceMs = 5_000) {
    if (child.pid === undefined) {
        return;
    }
    const signalGroup = (signal) => {
        try {
            process.kill(-child.pid, signal);
            return true;
        } catch {
            return false;
        }
    };
    if (!signalGroup('SIGTERM')) {
        return;
    }
    const deadline = Date.now() + graceMs;
    while (Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        if (!signalGroup(0)) {
            return;
        }
    }
    signalGroup('SIGKILL');
}

// Builds one node bundle of dist/ when it is missing or older than its sources, with the options
// scripts/build.mjs uses, and runs it in the foreground. Only that bundle: a full build would wipe
// dist/ under a running sandbox.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function newestMtime(dir) {
    let newest = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
    }
    return newest;
}

function isStale(bundle, sourceDirs) {
    if (!existsSync(bundle)) {
        return true;
    }
    const built = statSync(bundle).mtimeMs;
    return sourceDirs.some((dir) => newestMtime(join(root, dir)) > built);
}

/** `name` prefixes the messages; `banner` is the first line of the bundle (a shebang). */
export async function runFreshBundle({ name, entry, outfile, sourceDirs, banner, args }) {
    const bundle = join(root, outfile);
    if (isStale(bundle, sourceDirs)) {
        process.stderr.write(`${name}: building ${outfile}\n`);
        const esbuild = await import('esbuild');
        try {
            await esbuild.build({
                bundle: true,
                platform: 'node',
                format: 'cjs',
                target: 'node20',
                mainFields: ['module', 'main'],
                sourcemap: 'linked',
                logLevel: 'warning',
                absWorkingDir: root,
                entryPoints: [entry],
                outfile,
                ...(banner === undefined ? {} : { banner: { js: banner } }),
            });
        } catch {
            process.stderr.write(`${name}: build failed\n`);
            process.exit(1);
        }
        if (banner !== undefined) {
            chmodSync(bundle, 0o755);
        }
    }
    const child = spawn(process.execPath, [bundle, ...args], { stdio: 'inherit' });
    for (const signal of ['SIGINT', 'SIGTERM']) {
        process.on(signal, () => child.kill(signal));
    }
    child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 1 : 0)));
}

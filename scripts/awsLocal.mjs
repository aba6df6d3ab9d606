// `npm run aws-local -- [--port N] [--speed X] [--data-dir D] [--region R]`: builds
// dist/aws-local.js
// when it is missing or older than the sources, then runs it in the foreground.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'aws-local.js');

function newestMtime(dir) {
    let newest = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
    }
    return newest;
}

function isStale() {
    if (!existsSync(bundle)) {
        return true;
    }
    return newestMtime(join(root, 'src', 'localAws')) > statSync(bundle).mtimeMs;
}

if (isStale()) {
    // Only this bundle, with the options scripts/build.mjs uses: a full build would wipe dist/.
    process.stderr.write('aws-local: building dist/aws-local.js\n');
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
            entryPoints: ['src/localAws/cli.ts'],
            outfile: 'dist/aws-local.js',
        });
    } catch {
        process.stderr.write('aws-local: build failed\n');
        process.exit(1);
    }
}

const child = spawn(process.execPath, [bundle, ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 1 : 0)));

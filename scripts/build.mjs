// Bundles the extension, the lazily loaded AWS SDK, the CLIs and the webviews with esbuild.
import * as esbuild from 'esbuild';
import { chmodSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const node = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // The SDK's ES builds tree-shake far better than its CommonJS ones.
    mainFields: ['module', 'main'],
    sourcemap: production ? false : 'linked',
    minify: production,
    logLevel: 'warning',
    absWorkingDir: root,
};

// Each webview bundles its own copy of what it imports from webview/shared.
const browser = {
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    sourcemap: production ? false : 'linked',
    minify: production,
    logLevel: 'warning',
    absWorkingDir: root,
};

const entries = [
    { ...node, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
    // Loaded with require() on the first AWS call, never at activation.
    { ...node, entryPoints: ['src/aws/sdk.ts'], outfile: 'dist/sdk.js' },
    {
        ...node,
        entryPoints: ['src/cli/main.ts'],
        outfile: 'dist/cli.js',
        banner: { js: '#!/usr/bin/env node' },
    },
    { ...node, entryPoints: ['src/localAws/cli.ts'], outfile: 'dist/aws-local.js' },
    // Forked by Open Sandbox and scripts/start.mjs: the local endpoint, seeded, at sandbox pace.
    { ...node, entryPoints: ['src/sandbox/server.ts'], outfile: 'dist/sandbox.js' },
    {
        ...browser,
        entryPoints: ['webview/metrics/main.ts'],
        outfile: 'dist/webview/metrics.js',
        loader: { '.ttf': 'file' },
    },
    { ...browser, entryPoints: ['webview/results/main.ts'], outfile: 'dist/webview/results.js' },
];

const present = entries.filter((e) => existsSync(join(root, e.entryPoints[0])));
for (const missing of entries.filter((e) => !present.includes(e))) {
    process.stderr.write(`build: ${missing.entryPoints[0]} does not exist yet, skipped\n`);
}

rmSync(join(root, 'dist'), { recursive: true, force: true });
mkdirSync(join(root, 'dist'), { recursive: true });

if (watch) {
    for (const options of present) {
        const context = await esbuild.context(options);
        await context.watch();
    }
    process.stdout.write('build: watching\n');
} else {
    await Promise.all(present.map((options) => esbuild.build(options)));
    // The `bedrock-batch` bin of package.json: runnable by path and through npm's link.
    chmodSync(join(root, 'dist', 'cli.js'), 0o755);
}

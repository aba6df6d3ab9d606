// `npm run package`: a production build, then a .vsix with @vscode/vsce. The bundles carry every
// dependency, so the package ships no node_modules (.vscodeignore is an allowlist).
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { version, name } = JSON.parse(
    (await import('node:fs')).readFileSync(join(root, 'package.json'), 'utf8'),
);
const out = join(root, `${name}-${version}.vsix`);

function run(command, args) {
    const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) {
        process.exit(result.status ?? 1);
    }
}

// vsce runs `vscode:prepublish` (the production build) itself. --no-dependencies: every
// dependency is bundled into dist/ already. README images stay relative: they ship in media/.
run('npx', [
    'vsce',
    'package',
    '--no-dependencies',
    '--allow-missing-repository',
    '--no-rewrite-relative-links',
    '--out',
    out,
]);
const size = statSync(out).size;
process.stdout.write(`package: ${out} (${(size / 1024).toFixed(0)} KiB)\n`);

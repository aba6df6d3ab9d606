// `npm run check -- FILE... [options]`: the `bedrock-batch check` CLI from this repository.
// Builds dist/cli.js when it is missing or older than the sources, then runs it.
import { runFreshBundle } from './lib/freshBundle.mjs';

await runFreshBundle({
    name: 'check',
    entry: 'src/cli/main.ts',
    outfile: 'dist/cli.js',
    sourceDirs: ['src/cli', 'src/checker', 'src/shared', 'src/localAws/bedrock'],
    banner: '#!/usr/bin/env node',
    args: ['check', ...process.argv.slice(2)],
});

// `npm run aws-local -- [--port N] [--speed X] [--data-dir D] [--region R]`: builds
// dist/aws-local.js when it is missing or older than the sources, then runs it in the foreground.
import { runFreshBundle } from './lib/freshBundle.mjs';

await runFreshBundle({
    name: 'aws-local',
    entry: 'src/localAws/cli.ts',
    outfile: 'dist/aws-local.js',
    sourceDirs: ['src/localAws'],
    args: process.argv.slice(2),
});

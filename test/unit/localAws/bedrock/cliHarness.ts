/** A harness with the real AWS CLI bound to it, for suites that drive the endpoint with `aws`. */
import type { Context } from 'mocha';
import { AwsCli, awsCliAvailable } from './awsCli';
import { startHarness, type Harness } from './harness';

export interface CliHarness {
    readonly h: Harness;
    readonly cli: AwsCli;
}

/** Call from the suite's `before`: skips the suite when the aws command is not on PATH. */
export async function startCliHarness(suite: Context): Promise<CliHarness> {
    if (!awsCliAvailable()) {
        process.stdout.write('    (skipped: the aws command is not on PATH)\n');
        suite.skip();
    }
    const h = await startHarness();
    return { h, cli: new AwsCli(h.aws) };
}

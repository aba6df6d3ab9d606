// Mocha's spec output, plus the counts written as JSON to $BEDROCK_BATCH_TEST_RESULTS so
// scripts/test.mjs can add up every stage into one "N passed, N failed" line.
import Mocha from 'mocha';
import { writeFileSync } from 'node:fs';

class ResultsReporter extends Mocha.reporters.Spec {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
        super(runner, options);
        const failures: { title: string; error: string }[] = [];
        runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, (test: Mocha.Test, error: unknown) => {
            failures.push({ title: test.fullTitle(), error: error instanceof Error ? error.message : String(error) });
        });
        runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
            const file = process.env['BEDROCK_BATCH_TEST_RESULTS'];
            if (file === undefined || file === '') {
                return;
            }
            const stats = runner.stats;
            const results = {
                passed: stats?.passes ?? 0,
                failed: stats?.failures ?? failures.length,
                pending: stats?.pending ?? 0,
                failures,
            };
            writeFileSync(file, `${JSON.stringify(results, undefined, 2)}\n`);
        });
    }
}

export = ResultsReporter;

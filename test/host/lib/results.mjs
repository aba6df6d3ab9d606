// Reads and prints the results file that test/integration/index.ts writes.
import { existsSync, readFileSync } from 'node:fs';

export function readResults(file) {
    if (!existsSync(file)) {
        return undefined;
    }
    try {
        const results = JSON.parse(readFileSync(file, 'utf8'));
        return typeof results?.passed === 'number' ? results : undefined;
    } catch {
        return undefined;
    }
}

export function printResults(results, file) {
    const out = (line) => process.stdout.write(`[host] ${line}\n`);
    if (results === undefined) {
        out(`no results in ${file} (the test index did not finish or does not write one)`);
        return;
    }
    out(`results: ${results.passed} passed, ${results.failed} failed, `
        + `${results.pending} pending (${file})`);
    for (const [index, failure] of (results.failures ?? []).entries()) {
        out(`failure ${index + 1}: ${failure.title}`);
        for (const line of String(failure.error).split('\n').slice(0, 12)) {
            out(`    ${line}`);
        }
    }
}

/** Totals over several per-file jobs, so the confirmation shows one set of estimates. */
import type { CostEstimate, FileStats, JobCheckResult } from '../checker/types';

export function combineChecks(results: readonly JobCheckResult[]): JobCheckResult | undefined {
    const [first, ...rest] = results;
    if (first === undefined) {
        return undefined;
    }
    if (rest.length === 0) {
        return first;
    }
    const stats: FileStats = { ...first.stats };
    let cost: CostEstimate | undefined = first.cost;
    for (const result of rest) {
        for (const key of Object.keys(stats) as (keyof FileStats)[]) {
            stats[key] += result.stats[key];
        }
        cost =
            cost === undefined || result.cost === undefined
                ? undefined
                : {
                      ...cost,
                      inputUsd: cost.inputUsd + result.cost.inputUsd,
                      maxOutputUsd: cost.maxOutputUsd + result.cost.maxOutputUsd,
                  };
    }
    return {
        files: results.flatMap((r) => r.files),
        target: first.target,
        stats,
        errors: results.reduce((sum, r) => sum + r.errors, 0),
        warnings: results.reduce((sum, r) => sum + r.warnings, 0),
        infos: results.reduce((sum, r) => sum + r.infos, 0),
        cost,
    };
}

/** The counts a check keeps per file, and their job totals. */
import type { FileStats } from './types';

export function emptyFileStats(): FileStats {
    return {
        records: 0,
        bytes: 0,
        blankLines: 0,
        recordsWithoutId: 0,
        estimatedInputTokens: 0,
        mediaBlocks: 0,
        maxOutputTokens: 0,
        recordsWithoutOutputLimit: 0,
        recordsNotEstimated: 0,
    };
}

export function sumFileStats(all: readonly Readonly<FileStats>[]): FileStats {
    const total = emptyFileStats();
    for (const stats of all) {
        for (const key of Object.keys(total) as (keyof FileStats)[]) {
            total[key] += stats[key];
        }
    }
    return total;
}

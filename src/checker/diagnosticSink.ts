/**
 * Collects one file's diagnostics: keeps the first `limit` in full and only counts the rest, so a
 * gigabyte of bad lines costs a few counters, not a gigabyte of messages.
 */
import { showInvisible } from '../shared/visibleText';
import { ruleSeverity, type RuleCode } from './rules';
import type { Diagnostic } from './types';

/**
 * Rules quote file content with quoteVisible; this is the net under them, so no message can
 * carry a raw control or bidirectional character to a terminal or the Problems panel.
 */
function visible(diagnostic: Diagnostic): Diagnostic {
    const message = showInvisible(diagnostic.message);
    return message === diagnostic.message ? diagnostic : { ...diagnostic, message };
}

export class DiagnosticSink {
    readonly kept: Diagnostic[] = [];
    readonly counts: Partial<Record<RuleCode, number>> = {};
    errors = 0;
    warnings = 0;
    infos = 0;
    omitted = 0;

    constructor(private readonly limit: number) {}

    /** Counts a diagnostic; true when the caller should build and `keep` it. */
    count(code: RuleCode): boolean {
        this.tally(code);
        if (this.kept.length < this.limit) {
            return true;
        }
        this.omitted++;
        return false;
    }

    keep(diagnostic: Diagnostic): void {
        this.kept.push(visible(diagnostic));
    }

    /** File- and job-level summaries are kept even past the limit: there are only a few. */
    add(diagnostic: Diagnostic): void {
        this.tally(diagnostic.code);
        this.kept.push(visible(diagnostic));
    }

    private tally(code: RuleCode): void {
        this.counts[code] = (this.counts[code] ?? 0) + 1;
        const severity = ruleSeverity(code);
        if (severity === 'error') {
            this.errors++;
        } else if (severity === 'warning') {
            this.warnings++;
        } else {
            this.infos++;
        }
    }

    sorted(): Diagnostic[] {
        return [...this.kept].sort((a, b) => a.line - b.line || a.column - b.column);
    }
}

import type { Diagnostic, FileCheckResult } from '../checker/types';
import { plural } from '../diagnostics/checkSummary';

/** The editor's current check of one file about to be submitted. */
export interface EditorCheck {
    /** The file name as the user knows it. */
    readonly name: string;
    readonly result: Pick<FileCheckResult, 'errors' | 'warnings' | 'diagnostics'>;
}

/** The first error the editor shows, where "Show Problems" takes the user. */
export interface FirstError {
    /** Index of its file in the checks given. */
    readonly file: number;
    readonly diagnostic: Diagnostic;
}

export interface EditorErrorsNotice {
    readonly text: string;
    /** Errors and warnings of the files with errors. */
    readonly errors: number;
    readonly warnings: number;
    readonly first: FirstError | undefined;
}

/** A checker message can run to several sentences: the notice quotes its start. */
const quotedMessageLimit = 160;

/**
 * What to tell the user before the wizard when the editor already shows errors for the files
 * being submitted; undefined when it shows none.
 */
export function editorErrorsNotice(checks: readonly EditorCheck[]): EditorErrorsNotice | undefined {
    const withErrors = checks.filter((check) => check.result.errors > 0);
    const [only] = withErrors;
    if (only === undefined) {
        return undefined;
    }
    const errors = withErrors.reduce((sum, check) => sum + check.result.errors, 0);
    const subject =
        withErrors.length === 1 ? `${only.name} has` : `${withErrors.length} of the files have`;
    const found = firstError(checks);
    const where =
        found === undefined
            ? ''
            : ` (first: ${withErrors.length === 1 ? '' : `${found.name} `}` +
              `line ${found.diagnostic.line}: ${shortened(found.diagnostic.message)})`;
    return {
        text: `${subject} ${plural(errors, 'error')}${where}. Fix them before submitting.`,
        errors,
        warnings: withErrors.reduce((sum, check) => sum + check.result.warnings, 0),
        first: found === undefined ? undefined : { file: found.file, diagnostic: found.diagnostic },
    };
}

function firstError(
    checks: readonly EditorCheck[],
): { file: number; name: string; diagnostic: Diagnostic } | undefined {
    for (const [file, check] of checks.entries()) {
        const diagnostic = check.result.diagnostics.find((d) => d.severity === 'error');
        if (diagnostic !== undefined) {
            return { file, name: check.name, diagnostic };
        }
    }
    return undefined;
}

function shortened(message: string): string {
    const trimmed = message.trim().replace(/\.$/, '');
    if (trimmed.length <= quotedMessageLimit) {
        return trimmed;
    }
    const cut = trimmed.slice(0, quotedMessageLimit - 1);
    const lastSpace = cut.lastIndexOf(' ');
    return `${lastSpace > quotedMessageLimit / 2 ? cut.slice(0, lastSpace) : cut}\u2026`;
}

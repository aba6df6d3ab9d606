/**
 * Folds a file or folder name to plain ASCII: accents are dropped (é → e) and every other
 * character outside `allowed` becomes a dash, with runs of dashes collapsed.
 */
export function foldToAscii(name: string, allowed: RegExp): string {
    const withoutAccents = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    let folded = '';
    for (const char of withoutAccents) {
        folded += allowed.test(char) ? char : '-';
    }
    return folded.replace(/-{2,}/g, '-');
}

/** The name without its last extension: `calls.2024.jsonl` → `calls.2024`. */
export function stripExtension(fileName: string): string {
    const dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.slice(0, dot) : fileName;
}

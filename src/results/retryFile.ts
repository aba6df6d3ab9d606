/** Names and claims `<name>.retry-N.jsonl` next to an input, never replacing an existing file. */
import { link, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';

/** `data.jsonl` and `data.retry-2.jsonl` both give `data`, so retries of retries count on. */
export function retryBaseName(inputName: string): string {
    const name = basename(inputName).replace(/\.jsonl$/i, '');
    return name.replace(/\.retry-\d+$/i, '');
}

export function retryFileName(base: string, attempt: number): string {
    return `${base}.retry-${attempt}.jsonl`;
}

/**
 * Gives the finished `partial` file the first free `<base>.retry-N.jsonl` name in `directory`.
 * A hard link fails when the name exists, so two writers can never take the same name.
 */
export async function claimRetryName(
    partial: string,
    directory: string,
    base: string,
): Promise<string> {
    for (let attempt = 1; attempt < 10_000; attempt += 1) {
        const candidate = join(directory, retryFileName(base, attempt));
        try {
            await link(partial, candidate);
        } catch (error) {
            if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
                continue;
            }
            throw error;
        }
        await rm(partial, { force: true });
        return candidate;
    }
    throw new Error(`Every ${base}.retry-N.jsonl name is taken in ${directory}`);
}

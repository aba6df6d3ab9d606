import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** test/fixtures/results, from the compiled test in out/test/unit/results. */
export const fixtures = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'results');

export const mixed = {
    input: join(fixtures, 'mixed', 'input.jsonl'),
    output: join(fixtures, 'mixed', 'input.jsonl.out'),
    manifest: join(fixtures, 'mixed', 'manifest.json.out'),
};

export const familiesOutput = join(fixtures, 'families', 'families.jsonl.out');

/** A fresh temporary folder, removed after the suite. */
export function tempFolder(): { readonly path: string; remove(): void } {
    const path = mkdtempSync(join(tmpdir(), 'bb-results-'));
    return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

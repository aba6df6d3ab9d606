/** Paths and line lookups for the checker's fixture corpus in test/fixtures/checker. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** From out/test/unit/checker back to the repository's test/fixtures/checker. */
export const FIXTURES = resolve(__dirname, '../../../../test/fixtures/checker');

export function fixturePath(name: string): string {
    return join(FIXTURES, name);
}

export function fixtureText(name: string): string {
    return readFileSync(fixturePath(name), 'utf8');
}

/** Line `n` (1-based) as the checker sees it: BOM skipped, CR dropped. */
export function lineOf(name: string, n: number): string {
    const lines = fixtureText(name).replace(/^\uFEFF/, '').split('\n');
    const line = lines[n - 1];
    if (line === undefined) {
        throw new Error(`${name} has no line ${n}`);
    }
    return line.replace(/\r$/, '');
}

/** 1-based UTF-16 column of the `occurrence`-th `needle` on line `n`, plus `shift`. */
export function columnOf(
    name: string,
    n: number,
    needle: string,
    occurrence = 1,
    shift = 0,
): number {
    const line = lineOf(name, n);
    let index = -1;
    for (let i = 0; i < occurrence; i++) {
        index = line.indexOf(needle, index + 1);
        if (index < 0) {
            throw new Error(`${needle} not found ${occurrence} times on ${name}:${n}`);
        }
    }
    return index + 1 + shift;
}

export const CLAUDE = 'anthropic.claude-3-haiku-20240307-v1:0';

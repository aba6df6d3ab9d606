/** Stable hashing and pseudo-random choices, so the same record always gets the same output. */
import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so equal values hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
    if (Array.isArray(value)) {
        return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
    }
    if (value !== null && typeof value === 'object') {
        const entries = Object.entries(value as Record<string, unknown>)
            .filter(([, member]) => member !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    return JSON.stringify(value) ?? 'null';
}

export function digest(...parts: string[]): Buffer {
    const hash = createHash('sha256');
    for (const part of parts) {
        hash.update(part);
        hash.update('\u0000');
    }
    return hash.digest();
}

/** A small deterministic generator seeded from a digest (xorshift32). */
export class SeededRandom {
    private state: number;

    constructor(seed: Buffer) {
        this.state = seed.readUInt32BE(0) || 0x9e3779b9;
    }

    next(): number {
        let x = this.state;
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        this.state = x >>> 0;
        return this.state / 0x100000000;
    }

    int(maxExclusive: number): number {
        return Math.floor(this.next() * maxExclusive);
    }
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function alnum(
    seed: Buffer,
    length: number,
    alphabet: 'mixed' | 'lower' | 'upper' = 'mixed',
): string {
    const chars =
        alphabet === 'lower'
            ? LOWER_ALNUM
            : alphabet === 'upper'
              ? ALNUM.slice(0, 26) + ALNUM.slice(52)
              : ALNUM;
    const random = new SeededRandom(seed);
    let out = '';
    for (let i = 0; i < length; i += 1) {
        out += chars[random.int(chars.length)] ?? 'A';
    }
    return out;
}

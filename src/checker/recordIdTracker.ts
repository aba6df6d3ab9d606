/**
 * Finds repeated recordIds across all files of a job with bounded memory: it remembers ids up to
 * `limit` (by default the job's maximum record count, 50,000), then stops adding new ones. Later
 * ids are still compared with the remembered ones, so a repeat of an early id is found, but
 * repeats among ids past the limit are not. A job that big already breaks the records-per-job
 * quota, which is reported separately.
 *
 * The ids live in typed arrays (an open-addressing hash table over a character arena), not in a
 * Map of strings: a Map keeps every id string alive on the JS heap, and the garbage collector's
 * copying of those strings cost about a fifth of the checker's time. Comparisons stay exact.
 */
export interface RecordIdOrigin {
    readonly fileIndex: number;
    readonly line: number;
}

const EMPTY = -1;
const INITIAL_SLOTS = 1024;
const INITIAL_CHARS = 16 * 1024;

function hashOf(id: string): number {
    let hash = 0x811c9dc5;
    for (let i = 0; i < id.length; i++) {
        hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
    }
    return hash >>> 0;
}

export class RecordIdTracker {
    /** Entry index per slot, or EMPTY; the length is a power of two, at most half full. */
    private slots = new Int32Array(INITIAL_SLOTS).fill(EMPTY);
    private hashes = new Uint32Array(INITIAL_SLOTS / 2);
    private starts = new Int32Array(INITIAL_SLOTS / 2 + 1);
    private files = new Int32Array(INITIAL_SLOTS / 2);
    private lines = new Int32Array(INITIAL_SLOTS / 2);
    private chars = new Uint16Array(INITIAL_CHARS);
    private count = 0;
    private full = false;

    constructor(private readonly limit: number) {}

    /** True once the tracker stopped remembering new ids. */
    get limitReached(): boolean {
        return this.full;
    }

    /** Where the id was first seen, or undefined (and remembered, room permitting). */
    check(id: string, fileIndex: number, line: number): RecordIdOrigin | undefined {
        const hash = hashOf(id);
        const mask = this.slots.length - 1;
        let slot = hash & mask;
        for (;;) {
            const entry = this.slots[slot] ?? EMPTY;
            if (entry === EMPTY) {
                break;
            }
            if (this.hashes[entry] === hash && this.equals(entry, id)) {
                return { fileIndex: this.files[entry] ?? 0, line: this.lines[entry] ?? 0 };
            }
            slot = (slot + 1) & mask;
        }
        if (this.count >= this.limit) {
            this.full = true;
            return undefined;
        }
        this.add(slot, hash, id, fileIndex, line);
        return undefined;
    }

    private equals(entry: number, id: string): boolean {
        const start = this.starts[entry] ?? 0;
        if ((this.starts[entry + 1] ?? 0) - start !== id.length) {
            return false;
        }
        for (let i = 0; i < id.length; i++) {
            if (this.chars[start + i] !== id.charCodeAt(i)) {
                return false;
            }
        }
        return true;
    }

    private add(slot: number, hash: number, id: string, fileIndex: number, line: number): void {
        const entry = this.count;
        if (entry >= this.hashes.length) {
            this.growEntries();
        }
        const start = this.starts[entry] ?? 0;
        if (start + id.length > this.chars.length) {
            const bigger = new Uint16Array(Math.max(this.chars.length * 2, start + id.length));
            bigger.set(this.chars);
            this.chars = bigger;
        }
        for (let i = 0; i < id.length; i++) {
            this.chars[start + i] = id.charCodeAt(i);
        }
        this.starts[entry + 1] = start + id.length;
        this.hashes[entry] = hash;
        this.files[entry] = fileIndex;
        this.lines[entry] = line;
        this.count++;
        if (this.count * 2 > this.slots.length) {
            this.rehash();
        } else {
            this.slots[slot] = entry;
        }
    }

    private growEntries(): void {
        const size = this.hashes.length * 2;
        const starts = new Int32Array(size + 1);
        starts.set(this.starts);
        this.starts = starts;
        const hashes = new Uint32Array(size);
        hashes.set(this.hashes);
        this.hashes = hashes;
        const files = new Int32Array(size);
        files.set(this.files);
        this.files = files;
        const lines = new Int32Array(size);
        lines.set(this.lines);
        this.lines = lines;
    }

    /** Doubles the table and reinserts every entry (including the one just added). */
    private rehash(): void {
        const slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
        const mask = slots.length - 1;
        for (let entry = 0; entry < this.count; entry++) {
            let slot = (this.hashes[entry] ?? 0) & mask;
            while (slots[slot] !== EMPTY) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = entry;
        }
        this.slots = slots;
    }
}

/**
 * Bytes that only grow at the end, kept in a buffer with spare room so that appending does not
 * copy what is already there (the room doubles when it runs out). `bytes` is a view, not a copy:
 * appending later never changes the bytes an earlier view shows.
 */
const INITIAL_ROOM = 64 * 1024;

export class GrowingBuffer {
    private data = Buffer.alloc(0);
    private used = 0;

    get bytes(): Buffer {
        return this.data.subarray(0, this.used);
    }

    append(chunk: Buffer): void {
        const needed = this.used + chunk.length;
        if (needed > this.data.length) {
            const grown = Buffer.allocUnsafe(Math.max(needed, this.data.length * 2, INITIAL_ROOM));
            this.data.copy(grown, 0, 0, this.used);
            this.data = grown;
        }
        chunk.copy(this.data, this.used);
        this.used = needed;
    }
}

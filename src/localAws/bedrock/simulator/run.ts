/**
 * The processing of one validated job: its records in processing order, how many are done at a
 * given simulated time, and running totals of tokens and errors for counts, metrics and manifest.
 */

export interface PlannedRecord {
    /** Base name of the input object, which names the `.out` file. */
    readonly fileName: string;
    readonly recordId: string;
    readonly modelInput: unknown;
    readonly failed: boolean;
    readonly inputTokens: number;
    readonly outputTokens: number;
}

const MINUTE_MS = 60_000;
const EPSILON = 1e-9;

export class JobRun {
    readonly total: number;
    startedAtMs: number | undefined;
    private segmentStartMs = 0;
    private baseProcessed = 0;
    private rate = 1;
    private cap: number | undefined;
    private readonly inputPrefix: Float64Array;
    private readonly outputPrefix: Float64Array;
    private readonly errorPrefix: Uint32Array;

    constructor(
        /** Records in the order the job processes them (and writes them out). */
        readonly records: readonly PlannedRecord[],
        /** Input file names, in key order. */
        readonly fileNames: readonly string[],
    ) {
        this.total = records.length;
        this.inputPrefix = new Float64Array(records.length + 1);
        this.outputPrefix = new Float64Array(records.length + 1);
        this.errorPrefix = new Uint32Array(records.length + 1);
        records.forEach((record, i) => {
            this.inputPrefix[i + 1] = (this.inputPrefix[i] ?? 0) + record.inputTokens;
            this.outputPrefix[i + 1] = (this.outputPrefix[i] ?? 0) + record.outputTokens;
            this.errorPrefix[i + 1] = (this.errorPrefix[i] ?? 0) + (record.failed ? 1 : 0);
        });
    }

    get started(): boolean {
        return this.startedAtMs !== undefined;
    }

    get frozen(): boolean {
        return this.cap !== undefined;
    }

    start(atMs: number, recordsPerMinute: number): void {
        this.startedAtMs = atMs;
        this.segmentStartMs = atMs;
        this.baseProcessed = 0;
        this.rate = recordsPerMinute;
    }

    /** Changes the rate from `atMs` on without moving records already done. */
    setRate(atMs: number, recordsPerMinute: number): void {
        if (this.started) {
            this.baseProcessed = this.processedAt(atMs);
            this.segmentStartMs = atMs;
        }
        this.rate = recordsPerMinute;
    }

    processedAt(atMs: number): number {
        if (this.startedAtMs === undefined || atMs < this.startedAtMs) {
            return 0;
        }
        const running =
            atMs < this.segmentStartMs
                ? this.baseProcessed
                : this.baseProcessed +
                  Math.floor(((atMs - this.segmentStartMs) * this.rate) / MINUTE_MS + EPSILON);
        return Math.min(running, this.total, this.cap ?? Number.POSITIVE_INFINITY);
    }

    /** When the last record finishes, or undefined when the run is not started or was cut short. */
    completionAtMs(): number | undefined {
        if (this.startedAtMs === undefined || this.cap !== undefined) {
            return undefined;
        }
        const left = Math.max(0, this.total - this.baseProcessed);
        return this.segmentStartMs + Math.ceil((left * MINUTE_MS) / this.rate - EPSILON);
    }

    /** Stops processing at `atMs`: what is done stays done, nothing more is processed. */
    freeze(atMs: number): void {
        this.cap = this.processedAt(atMs);
    }

    /** Finishes every record now (a forced completion). */
    finishAll(atMs: number): void {
        if (this.startedAtMs === undefined) {
            this.startedAtMs = atMs;
        }
        this.cap = this.total;
        this.baseProcessed = this.total;
        this.segmentStartMs = atMs;
    }

    inputTokensUpTo(count: number): number {
        return this.inputPrefix[Math.min(count, this.total)] ?? 0;
    }

    outputTokensUpTo(count: number): number {
        return this.outputPrefix[Math.min(count, this.total)] ?? 0;
    }

    errorsUpTo(count: number): number {
        return this.errorPrefix[Math.min(count, this.total)] ?? 0;
    }
}

import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import { backoffDelay, type Backoff } from './backoff';
import { isActive } from './jobStatus';
import type { TimerHandle, Timers } from './timers';

export interface JobPollerOptions {
    readonly timers: Timers;
    /** Read before every delay, so a changed setting applies at the next poll. */
    readonly backoff: () => Backoff;
    /** GetModelInvocationJob; its answer has the summary's fields. */
    readonly fetch: (region: string, jobArn: string) => Promise<ModelInvocationJobSummary>;
    /** Every answer, changed or not. A job no longer active is dropped right after. */
    readonly onResult: (region: string, job: ModelInvocationJobSummary) => void;
    readonly onError: (region: string, jobArn: string, error: unknown) => void;
    /** Most requests in flight at once; the rest wait for the next tick. */
    readonly concurrency?: number;
}

interface Entry {
    readonly region: string;
    readonly jobArn: string;
    /** Unchanged or failed polls in a row: the backoff step. */
    attempt: number;
    dueAt: number;
    inFlight: boolean;
    signature: string | undefined;
}

/**
 * Polls just the jobs it is told to track, each on its own backoff, with one timer armed for the
 * earliest due job and none at all once nothing is tracked.
 */
export class JobPoller {
    private readonly entries = new Map<string, Entry>();
    private timer: { readonly handle: TimerHandle; readonly at: number } | undefined;
    private inFlight = 0;
    private disposed = false;

    constructor(private readonly options: JobPollerOptions) {}

    /** Starts polling a job (no-op if tracked); the first poll comes after the initial delay. */
    track(region: string, jobArn: string, signature?: string): void {
        if (this.disposed || this.entries.has(jobArn)) {
            return;
        }
        const dueAt = this.options.timers.now() + backoffDelay(0, this.options.backoff());
        this.entries.set(jobArn, { region, jobArn, attempt: 0, dueAt, inFlight: false, signature });
        this.arm();
    }

    untrack(jobArn: string): void {
        if (this.entries.delete(jobArn)) {
            this.arm();
        }
    }

    /** Keeps only the jobs the predicate accepts. */
    retain(keep: (region: string, jobArn: string) => boolean): void {
        for (const entry of [...this.entries.values()]) {
            if (!keep(entry.region, entry.jobArn)) {
                this.entries.delete(entry.jobArn);
            }
        }
        this.arm();
    }

    isTracked(jobArn: string): boolean {
        return this.entries.has(jobArn);
    }

    get size(): number {
        return this.entries.size;
    }

    /** Whether a timer is armed; false once there is nothing to poll. */
    get scheduled(): boolean {
        return this.timer !== undefined;
    }

    dispose(): void {
        this.disposed = true;
        this.entries.clear();
        this.disarm();
    }

    private arm(): void {
        const waiting = [...this.entries.values()].filter((e) => !e.inFlight);
        if (waiting.length === 0 || this.disposed) {
            this.disarm();
            return;
        }
        const at = Math.min(...waiting.map((e) => e.dueAt));
        if (this.timer?.at === at) {
            return;
        }
        this.disarm();
        const delay = Math.max(0, at - this.options.timers.now());
        this.timer = { handle: this.options.timers.setTimeout(() => this.tick(), delay), at };
    }

    private disarm(): void {
        if (this.timer !== undefined) {
            this.options.timers.clearTimeout(this.timer.handle);
            this.timer = undefined;
        }
    }

    private tick(): void {
        this.timer = undefined;
        const now = this.options.timers.now();
        const limit = this.options.concurrency ?? 4;
        const due = [...this.entries.values()]
            .filter((e) => !e.inFlight && e.dueAt <= now)
            .sort((a, b) => a.dueAt - b.dueAt);
        for (const entry of due) {
            if (this.inFlight >= limit) {
                // Try again shortly rather than at the entry's (already past) due time in a loop.
                entry.dueAt = now + 1000;
                continue;
            }
            void this.poll(entry);
        }
        this.arm();
    }

    private async poll(entry: Entry): Promise<void> {
        entry.inFlight = true;
        this.inFlight += 1;
        let changed = false;
        try {
            const job = await this.options.fetch(entry.region, entry.jobArn);
            if (this.entries.get(entry.jobArn) !== entry) {
                return;
            }
            const signature = signatureOf(job);
            changed = signature !== entry.signature;
            entry.signature = signature;
            if (!isActive(job.status)) {
                this.entries.delete(entry.jobArn);
            }
            this.options.onResult(entry.region, job);
        } catch (error) {
            if (this.entries.get(entry.jobArn) === entry) {
                this.options.onError(entry.region, entry.jobArn, error);
            }
        } finally {
            this.inFlight -= 1;
            entry.inFlight = false;
            entry.attempt = changed ? 0 : entry.attempt + 1;
            entry.dueAt =
                this.options.timers.now() + backoffDelay(entry.attempt, this.options.backoff());
            this.arm();
        }
    }
}

/** What counts as progress for the backoff: status and record counts. */
export function signatureOf(job: ModelInvocationJobSummary): string {
    return [
        job.status,
        job.processedRecordCount,
        job.totalRecordCount,
        job.successRecordCount,
        job.errorRecordCount,
    ].join('|');
}

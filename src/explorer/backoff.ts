/**
 * Delays that grow while nothing changes. Polling a running job starts at the configured interval
 * and doubles up to ten times that (30 s to 5 min by default, the usual advice for batch jobs);
 * any change brings it back to the start.
 */
export interface Backoff {
    readonly initialMs: number;
    readonly maxMs: number;
}

/** The delay after `attempt` unchanged or failed tries in a row (0: the first delay). */
export function backoffDelay(attempt: number, backoff: Backoff): number {
    const initial = Math.max(1, backoff.initialMs);
    const steps = Math.max(0, Math.floor(attempt));
    // 2 ** 60 would lose precision long before the cap matters; stop doubling early.
    return Math.min(backoff.maxMs, initial * 2 ** Math.min(steps, 30));
}

/** Polling of running jobs, from the `bedrockBatch.explorer.pollIntervalSeconds` setting. */
export function pollBackoff(intervalSeconds: number): Backoff {
    const initialMs = Math.max(1, intervalSeconds) * 1000;
    return { initialMs, maxMs: initialMs * 10 };
}

/** Listing retries after the SDK's own retries gave up on throttling: 5 s, 10 s, ... 5 min. */
export const throttleBackoff: Backoff = { initialMs: 5_000, maxMs: 5 * 60_000 };

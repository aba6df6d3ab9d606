/** Time and timers, injected so polling and retries can be tested without waiting. */
export interface Timers {
    now(): number;
    setTimeout(callback: () => void, ms: number): TimerHandle;
    clearTimeout(handle: TimerHandle): void;
}

/** Opaque to callers; the real timers hand back Node's Timeout. */
export interface TimerHandle {
    readonly timer: unknown;
}

export const realTimers: Timers = {
    now: () => Date.now(),
    setTimeout: (callback, ms) => {
        const timer = setTimeout(callback, ms);
        // A pending poll must not keep a test process or the extension host alive.
        timer.unref();
        return { timer };
    },
    clearTimeout: (handle) => clearTimeout(handle.timer as NodeJS.Timeout),
};

import type { TimerHandle, Timers } from '../../../src/explorer/timers';

interface Pending {
    readonly handle: TimerHandle;
    readonly at: number;
    readonly callback: () => void;
}

/** Timers that move only when a test advances them. */
export class FakeTimers implements Timers {
    private time: number;
    private pending: Pending[] = [];

    constructor(start = Date.UTC(2026, 0, 10, 12)) {
        this.time = start;
    }

    now(): number {
        return this.time;
    }

    setTimeout(callback: () => void, ms: number): TimerHandle {
        const handle: TimerHandle = { timer: Symbol('timer') };
        this.pending.push({ handle, at: this.time + ms, callback });
        return handle;
    }

    clearTimeout(handle: TimerHandle): void {
        this.pending = this.pending.filter((p) => p.handle !== handle);
    }

    /** Timers armed and not yet fired. */
    get armed(): number {
        return this.pending.length;
    }

    /** When the next timer fires, or undefined when none is armed. */
    get nextAt(): number | undefined {
        return this.pending.length === 0 ? undefined : Math.min(...this.pending.map((p) => p.at));
    }

    /** Moves time forward, firing due timers in order and letting their promises settle. */
    async advance(ms: number): Promise<void> {
        const end = this.time + ms;
        for (;;) {
            const due = this.pending.filter((p) => p.at <= end).sort((a, b) => a.at - b.at)[0];
            if (due === undefined) {
                break;
            }
            this.pending = this.pending.filter((p) => p !== due);
            this.time = Math.max(this.time, due.at);
            due.callback();
            await settle();
        }
        this.time = end;
        await settle();
    }
}

/** Lets resolved promises run their continuations. */
export async function settle(): Promise<void> {
    for (let i = 0; i < 10; i++) {
        await new Promise<void>((resolve) => setImmediate(resolve));
    }
}

import type { Clock } from '../types';

/** How simulated time runs: by hand in tests, or real time multiplied by `speed` in demos. */
export type ClockOptions = { kind: 'manual'; startMs?: number } | { kind: 'scaled'; speed: number };

/** A clock that only moves when a test moves it. */
export class ManualClock implements Clock {
    readonly kind = 'manual';
    private nowMs: number;
    private readonly listeners = new Set<(nowMs: number) => void>();

    constructor(startMs: number = Date.now()) {
        this.nowMs = startMs;
    }

    now(): number {
        return this.nowMs;
    }

    advance(ms: number): void {
        if (!Number.isFinite(ms) || ms < 0) {
            throw new RangeError(`cannot advance the clock by ${ms} ms`);
        }
        this.set(this.nowMs + ms);
    }

    set(ms: number): void {
        if (!Number.isFinite(ms) || ms < this.nowMs) {
            throw new RangeError(`cannot move the clock back from ${this.nowMs} to ${ms}`);
        }
        this.nowMs = ms;
        for (const listener of [...this.listeners]) {
            listener(ms);
        }
    }

    onAdvance(listener: (nowMs: number) => void): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }
}

/** Real time sped up by `speed`, starting at the real time it was created. */
export class ScaledClock implements Clock {
    readonly kind = 'scaled';
    private readonly realStartMs = Date.now();
    private readonly listeners = new Set<(nowMs: number) => void>();
    private timer: NodeJS.Timeout | undefined;

    constructor(
        readonly speed: number,
        private readonly tickMs = 250,
    ) {
        if (!Number.isFinite(speed) || speed <= 0) {
            throw new RangeError(`clock speed must be a positive number, got ${speed}`);
        }
    }

    now(): number {
        return this.realStartMs + (Date.now() - this.realStartMs) * this.speed;
    }

    onAdvance(listener: (nowMs: number) => void): () => void {
        this.listeners.add(listener);
        this.timer ??= this.startTicking();
        return () => {
            this.listeners.delete(listener);
            if (this.listeners.size === 0) {
                this.stop();
            }
        };
    }

    stop(): void {
        clearInterval(this.timer);
        this.timer = undefined;
    }

    private startTicking(): NodeJS.Timeout {
        const timer = setInterval(() => {
            const nowMs = this.now();
            for (const listener of [...this.listeners]) {
                listener(nowMs);
            }
        }, this.tickMs);
        timer.unref();
        return timer;
    }
}

export function createClock(options: ClockOptions | undefined): ManualClock | ScaledClock {
    if (options?.kind === 'manual') {
        return new ManualClock(options.startMs);
    }
    return new ScaledClock(options?.speed ?? 1);
}

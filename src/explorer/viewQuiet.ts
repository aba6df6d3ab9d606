import type { Timers } from './timers';

/**
 * Notes when VS Code last asked the tree for rows, so a reveal can wait for the view to finish
 * drawing. VS Code (1.100) batches child requests of a tree behind a zero-delay timer; requests
 * that arrive while a batch is being sent can receive another row's children. A reveal on a view
 * still drawing its first rows triggers exactly that, so reveals wait for a quiet view.
 */
export class ViewQuiet {
    private last = Number.NEGATIVE_INFINITY;

    constructor(private readonly timers: Timers) {}

    /** A request for rows just arrived. */
    touch(): void {
        this.last = this.timers.now();
    }

    /**
     * Resolves once no request has come for `quietMs`, and at least one came at or after `since`
     * when given (the view was just opened). Gives up after `maxMs` either way.
     */
    async settled(quietMs: number, maxMs: number, since?: number): Promise<void> {
        const deadline = this.timers.now() + maxMs;
        for (;;) {
            const now = this.timers.now();
            const seen = since === undefined || this.last >= since;
            const idleFor = now - this.last;
            if (now >= deadline || (seen && idleFor >= quietMs)) {
                return;
            }
            const wait = seen ? quietMs - idleFor : 50;
            await new Promise<void>((resolve) =>
                this.timers.setTimeout(resolve, Math.max(1, Math.min(wait, deadline - now))),
            );
        }
    }
}

/** How a program serving the endpoint ends: the endpoint stops first, then the process exits. */

/**
 * Stops `server` on SIGTERM or SIGINT, once, then exits 0 (1 when stopping failed). Returns the
 * stop trigger for the caller's other reasons to end. `announce` writes the reason to stderr.
 */
export function stopOnSignals(
    server: { stop(): Promise<void> },
    program: string,
    options: { readonly announce?: boolean } = {},
): (why: string) => void {
    let stopping = false;
    const stop = (why: string): void => {
        if (stopping) {
            return;
        }
        stopping = true;
        if (options.announce === true) {
            process.stderr.write(`${program}: stopping (${why})\n`);
        }
        server.stop().then(
            () => process.exit(0),
            (error: unknown) => {
                process.stderr.write(`${program}: stop failed: ${String(error)}\n`);
                process.exit(1);
            },
        );
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
    return stop;
}

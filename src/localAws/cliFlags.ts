/** Command-line flags of the programs that run the endpoint (aws-local, the sandbox server). */

/**
 * Hands each flag to `take` with a reader for its value: the part after `=` in `--flag=value`,
 * else the next argument. `take` returns false for a flag it does not know.
 */
export function readFlags(
    argv: readonly string[],
    take: (flag: string, value: () => string) => boolean,
): void {
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i] ?? '';
        const [flag = arg, inline] = arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg];
        const value = (): string => {
            const next = inline ?? argv[++i];
            if (next === undefined || next === '') {
                throw new Error(`${flag} needs a value`);
            }
            return next;
        };
        if (!take(flag, value)) {
            throw new Error(`unknown argument ${arg}`);
        }
    }
}

/** The parser's options, or on a usage error: the message and usage on stderr, then exit 2. */
export function optionsOrExit<T>(program: string, usage: string, parse: () => T): T {
    try {
        return parse();
    } catch (error) {
        process.stderr.write(`${program}: ${(error as Error).message}\n${usage}`);
        return process.exit(2);
    }
}

export function portFlag(text: string): number {
    const port = Number(text);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new Error('--port must be an integer from 0 to 65535');
    }
    return port;
}

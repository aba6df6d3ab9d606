/**
 * `aws-local`: runs the local AWS endpoint until SIGTERM/SIGINT. Prints one JSON line with the
 * endpoint and credentials on stdout; everything else goes to stderr.
 */
import { startLocalAws } from './index';

interface CliOptions {
    port: number;
    speed: number;
    dataDir?: string;
    region?: string;
}

const USAGE = 'usage: aws-local [--port N] [--speed X] [--data-dir DIR] [--region R]\n';

function parseArgs(argv: readonly string[]): CliOptions {
    const options: CliOptions = { port: 0, speed: 1 };
    for (let i = 0; i < argv.length; i++) {
        const flag = argv[i] ?? '';
        const [name, inline] = flag.includes('=') ? flag.split(/=(.*)/s, 2) : [flag, undefined];
        const value = (): string => {
            const next = inline ?? argv[++i];
            if (next === undefined || next === '') {
                throw new Error(`${name ?? flag} needs a value`);
            }
            return next;
        };
        switch (name) {
            case '--port': {
                const port = Number(value());
                if (!Number.isInteger(port) || port < 0 || port > 65535) {
                    throw new Error('--port must be an integer from 0 to 65535');
                }
                options.port = port;
                break;
            }
            case '--speed': {
                const speed = Number(value());
                if (!Number.isFinite(speed) || speed <= 0) {
                    throw new Error('--speed must be a positive number');
                }
                options.speed = speed;
                break;
            }
            case '--data-dir':
                options.dataDir = value();
                break;
            case '--region':
                options.region = value();
                break;
            case '--help':
            case '-h':
                process.stdout.write(USAGE);
                return process.exit(0);
            default:
                throw new Error(`unknown argument ${flag}`);
        }
    }
    return options;
}

async function main(): Promise<void> {
    let options: CliOptions;
    try {
        options = parseArgs(process.argv.slice(2));
    } catch (error) {
        process.stderr.write(`aws-local: ${(error as Error).message}\n${USAGE}`);
        process.exit(2);
    }
    const local = await startLocalAws({
        port: options.port,
        clock: { kind: 'scaled', speed: options.speed },
        ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
        ...(options.region === undefined ? {} : { region: options.region }),
    });
    process.stdout.write(
        `${JSON.stringify({
            endpoint: local.endpoint,
            region: local.region,
            accessKeyId: local.credentials.accessKeyId,
            secretAccessKey: local.credentials.secretAccessKey,
        })}\n`,
    );
    process.stderr.write(
        `aws-local: serving on ${local.endpoint} (data in ${local.dataDir}); stop with Ctrl+C\n`,
    );
    let stopping = false;
    const stop = (): void => {
        if (stopping) {
            return;
        }
        stopping = true;
        local.stop().then(
            () => process.exit(0),
            (error: unknown) => {
                process.stderr.write(`aws-local: stop failed: ${String(error)}\n`);
                process.exit(1);
            },
        );
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
    process.stderr.write(`aws-local: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
});

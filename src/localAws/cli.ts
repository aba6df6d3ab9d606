/**
 * `aws-local`: runs the local AWS endpoint until SIGTERM/SIGINT. Prints one JSON line with the
 * endpoint and credentials on stdout; everything else goes to stderr.
 */
import { optionsOrExit, portFlag, readFlags } from './cliFlags';
import { startLocalAws } from './index';
import { stopOnSignals } from './stopOnSignals';

interface CliOptions {
    port: number;
    speed: number;
    dataDir?: string;
    region?: string;
}

const USAGE = 'usage: aws-local [--port N] [--speed X] [--data-dir DIR] [--region R]\n';

function parseArgs(argv: readonly string[]): CliOptions {
    const options: CliOptions = { port: 0, speed: 1 };
    readFlags(argv, (flag, value) => {
        switch (flag) {
            case '--port':
                options.port = portFlag(value());
                return true;
            case '--speed': {
                const speed = Number(value());
                if (!Number.isFinite(speed) || speed <= 0) {
                    throw new Error('--speed must be a positive number');
                }
                options.speed = speed;
                return true;
            }
            case '--data-dir':
                options.dataDir = value();
                return true;
            case '--region':
                options.region = value();
                return true;
            case '--help':
            case '-h':
                process.stdout.write(USAGE);
                return process.exit(0);
            default:
                return false;
        }
    });
    return options;
}

async function main(): Promise<void> {
    const options = optionsOrExit('aws-local', USAGE, () => parseArgs(process.argv.slice(2)));
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
    stopOnSignals(local, 'aws-local');
}

main().catch((error: unknown) => {
    process.stderr.write(`aws-local: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
});

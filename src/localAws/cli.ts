/**
 * `aws-local`: runs the local AWS endpoint until SIGTERM/SIGINT. Prints one JSON line with the
 * endpoint and credentials on stdout; everything else goes to stderr.
 */
import { BedrockService } from './bedrock';
import { defaultDemoSpeed, demoPace } from './bedrock/demoPace';
import { optionsOrExit, portFlag, readFlags } from './cliFlags';
import { startLocalAws } from './index';
import { stopOnSignals } from './stopOnSignals';

interface CliOptions {
    port: number;
    speed: number;
    dataDir?: string;
    region?: string;
}

const USAGE = [
    'usage: aws-local [--port N] [--speed X] [--data-dir DIR] [--region R]',
    '  --port N       port on 127.0.0.1 (default 0: any free port)',
    '  --speed X      batch job pace, above 0 and at most 60 (default 1: a 300-record job goes',
    '                 from Submitted to Completed in about two minutes; 2 takes half as long)',
    '  --data-dir DIR keep S3 objects in DIR (default: a temporary folder removed on exit)',
    '  --region R     the region it answers for (default us-east-1)',
    '',
].join('\n');

function parseArgs(argv: readonly string[]): CliOptions {
    const options: CliOptions = { port: 0, speed: defaultDemoSpeed };
    readFlags(argv, (flag, value) => {
        switch (flag) {
            case '--port':
                options.port = portFlag(value());
                return true;
            case '--speed':
                options.speed = Number(value());
                // Refuses a speed out of range with the reason.
                demoPace(options.speed);
                return true;
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
    // Real-time clock, shortened job phases: timestamps stay true for any client (see demoPace).
    const local = await startLocalAws({
        port: options.port,
        clock: { kind: 'scaled', speed: 1 },
        ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
        ...(options.region === undefined ? {} : { region: options.region }),
    });
    const bedrock = local.state('bedrock');
    if (bedrock instanceof BedrockService) {
        await bedrock.updateSettings(demoPace(options.speed));
    }
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

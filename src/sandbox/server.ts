/**
 * `dist/sandbox.js`: the local AWS endpoint as the sandbox runs it. Real-time clock with the
 * sandbox's job pace, seeded with a bucket and a service role, optionally writing the sample
 * files into a folder. Prints one JSON line (SandboxInfo) on stdout once it serves; logs go to
 * stderr. Stops on SIGTERM or SIGINT, and when the process that forked it goes away (its IPC
 * channel closes), so it is never left running on its own.
 */
import { BedrockService } from '../localAws/bedrock';
import { startLocalAws, type LocalAws } from '../localAws';
import { optionsOrExit, portFlag, readFlags } from '../localAws/cliFlags';
import { stopOnSignals } from '../localAws/stopOnSignals';
import { defaultDemoSpeed, demoPace } from '../localAws/bedrock/demoPace';
import type { SandboxInfo } from './sandboxInfo';
import { seedSandbox } from './seed';
import { writeSampleWorkspace } from './writeSamples';

interface ServerOptions {
    port: number;
    speed: number;
    samples?: string;
}

const usage = 'usage: sandbox [--port N] [--speed X] [--samples DIR]\n';

function parseArgs(argv: readonly string[]): ServerOptions {
    const options: ServerOptions = { port: 0, speed: defaultDemoSpeed };
    readFlags(argv, (flag, value) => {
        switch (flag) {
            case '--port':
                options.port = portFlag(value());
                return true;
            case '--speed':
                options.speed = Number(value());
                demoPace(options.speed);
                return true;
            case '--samples':
                options.samples = value();
                return true;
            default:
                return false;
        }
    });
    return options;
}

async function start(options: ServerOptions): Promise<{ local: LocalAws; info: SandboxInfo }> {
    const local = await startLocalAws({ port: options.port, clock: { kind: 'scaled', speed: 1 } });
    try {
        const bedrock = local.state('bedrock');
        if (!(bedrock instanceof BedrockService)) {
            throw new Error('the endpoint serves no Bedrock');
        }
        await bedrock.updateSettings(demoPace(options.speed));
        const seeded = await seedSandbox(local);
        if (options.samples !== undefined) {
            await writeSampleWorkspace(options.samples);
        }
        const info: SandboxInfo = {
            endpoint: local.endpoint,
            region: local.region,
            accessKeyId: local.credentials.accessKeyId,
            secretAccessKey: local.credentials.secretAccessKey,
            bucket: seeded.bucket,
            roleArn: seeded.roleArn,
            speed: options.speed,
        };
        return { local, info };
    } catch (error) {
        await local.stop();
        throw error;
    }
}

async function main(): Promise<void> {
    const options = optionsOrExit('sandbox', usage, () => parseArgs(process.argv.slice(2)));
    const { local, info } = await start(options);
    const stop = stopOnSignals(local, 'sandbox', { announce: true });
    if (process.send !== undefined) {
        process.on('disconnect', () => stop('the parent process is gone'));
    }
    process.stdout.write(`${JSON.stringify(info)}\n`);
    process.stderr.write(
        `sandbox: serving on ${local.endpoint} (jobs at speed ${options.speed})\n`);
}

main().catch((error: unknown) => {
    const text = error instanceof Error ? error.stack ?? error.message : String(error);
    process.stderr.write(`sandbox: ${text}\n`);
    process.exit(1);
});

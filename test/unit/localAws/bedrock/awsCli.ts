/** Runs the real AWS CLI against the local endpoint with throw-away config and credential files. */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalAws } from '../../../../src/localAws';

export interface CliResult {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
}

export function awsCliAvailable(): boolean {
    return spawnSync('aws', ['--version'], { encoding: 'utf8' }).status === 0;
}

export class AwsCli {
    private readonly dir: string;
    private readonly env: NodeJS.ProcessEnv;

    constructor(
        private readonly aws: LocalAws,
        region = aws.region,
    ) {
        this.dir = mkdtempSync(join(tmpdir(), 'aws-cli-'));
        const config = join(this.dir, 'config');
        const credentials = join(this.dir, 'credentials');
        writeFileSync(config, `[default]\nregion = ${region}\noutput = json\n`);
        writeFileSync(
            credentials,
            `[default]\naws_access_key_id = ${aws.credentials.accessKeyId}\n` +
                `aws_secret_access_key = ${aws.credentials.secretAccessKey}\n`,
        );
        const inherited = Object.fromEntries(
            Object.entries(process.env).filter(([key]) => !key.startsWith('AWS_')),
        );
        this.env = {
            ...inherited,
            AWS_CONFIG_FILE: config,
            AWS_SHARED_CREDENTIALS_FILE: credentials,
            AWS_EC2_METADATA_DISABLED: 'true',
            AWS_MAX_ATTEMPTS: '1',
            AWS_PAGER: '',
        };
    }

    run(...args: string[]): Promise<CliResult> {
        return new Promise((resolve) => {
            execFile(
                'aws',
                [...args, '--endpoint-url', this.aws.endpoint],
                { env: this.env, encoding: 'utf8' },
                (error, stdout, stderr) => {
                    const code =
                        error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
                    resolve({ code, stdout, stderr });
                },
            );
        });
    }

    /** Runs and parses stdout as JSON, failing with the CLI's stderr if the command failed. */
    async json(...args: string[]): Promise<Record<string, unknown>> {
        const result = await this.run(...args);
        if (result.code !== 0) {
            throw new Error(`aws ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
        }
        return result.stdout.trim() === ''
            ? {}
            : (JSON.parse(result.stdout) as Record<string, unknown>);
    }

    dispose(): void {
        rmSync(this.dir, { recursive: true, force: true });
    }
}

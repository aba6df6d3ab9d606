// Starts the project's local AWS endpoint inside the extension host and points the extension
// at it the way a user would: a named profile in the shared credentials file, plus
// `bedrockBatch.endpoints` overrides for every service. The real SDK clients then sign real
// requests that the endpoint verifies.
import { appendFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { startLocalAws, type LocalAws, type ManualClock, type StartLocalAwsOptions } from '../../../src/localAws';

export interface TestAws {
    readonly aws: LocalAws<ManualClock>;
    readonly profile: string;
    /** Restores the settings it changed and stops the endpoint. */
    dispose(): Promise<void>;
}

let profiles = 0;

/**
 * Local AWS with a manual clock: simulated jobs only move when the test advances it. Settings
 * go to user scope (the test host's user data dir is a throw-away folder).
 */
export async function useLocalAws(
    options: { regions?: string[]; start?: Omit<StartLocalAwsOptions, 'clock'> } = {},
): Promise<TestAws> {
    const aws = await startLocalAws({ ...options.start, clock: { kind: 'manual' } });
    const profile = `bb-test-${++profiles}`;
    const files = await awsFiles();
    await appendFile(
        files.credentials,
        `\n[${profile}]\naws_access_key_id = ${aws.credentials.accessKeyId}\n` +
            `aws_secret_access_key = ${aws.credentials.secretAccessKey}\n`,
    );
    await appendFile(files.config, `\n[profile ${profile}]\nregion = ${aws.region}\n`);

    const config = vscode.workspace.getConfiguration('bedrockBatch');
    const services = [
        'bedrock', 's3', 'monitoring', 'sts', 'iam', 'sns', 'servicequotas',
    ];
    await config.update('endpoints', Object.fromEntries(services.map((s) => [s, aws.endpoint])), true);
    await config.update('regions', options.regions ?? [aws.region], true);
    await config.update('profile', profile, true);

    return {
        aws,
        profile,
        async dispose() {
            for (const key of ['profile', 'regions', 'endpoints']) {
                await config.update(key, undefined, true);
            }
            await aws.stop();
        },
    };
}

/**
 * The shared config files the SDK reads in this process. The test host points them at empty
 * temp files; elsewhere (e.g. test-electron) they are created here so a developer's real
 * ~/.aws is never read or written.
 */
async function awsFiles(): Promise<{ credentials: string; config: string }> {
    let credentials = process.env['AWS_SHARED_CREDENTIALS_FILE'];
    let config = process.env['AWS_CONFIG_FILE'];
    if (credentials === undefined || config === undefined) {
        const dir = tmpdir();
        credentials = join(dir, `bb-credentials-${process.pid}`);
        config = join(dir, `bb-config-${process.pid}`);
        await writeFile(credentials, '');
        await writeFile(config, '');
        process.env['AWS_SHARED_CREDENTIALS_FILE'] = credentials;
        process.env['AWS_CONFIG_FILE'] = config;
        process.env['AWS_EC2_METADATA_DISABLED'] = 'true';
    }
    return { credentials, config };
}

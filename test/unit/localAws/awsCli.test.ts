/**
 * A second real client: the AWS CLI against the same endpoint. Skipped when `aws` is not on PATH.
 */
import * as assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { existsSync } from 'node:fs';
import { startLocalAws } from '../../../src/localAws/index';
import type { LocalAws } from '../../../src/localAws/index';

function onPath(command: string): boolean {
    return (process.env['PATH'] ?? '')
        .split(delimiter)
        .some((dir) => existsSync(join(dir, command)));
}

describe('local AWS endpoint: the AWS CLI as a client', function () {
    this.timeout(60000);
    let local: LocalAws;
    let dir: string;
    let env: NodeJS.ProcessEnv;

    before(async function () {
        if (!onPath('aws')) {
            process.stderr.write(
                "      (skipped: the `aws` CLI is not on PATH; .ci/run installs Debian's awscli)\n",
            );
            this.skip();
        }
        local = await startLocalAws({ modules: ['s3', 'sts'] });
        dir = await mkdtemp(join(tmpdir(), 'local-aws-cli-'));
        await writeFile(
            join(dir, 'config'),
            `[default]\nregion = ${local.region}\ns3 =\n    addressing_style = path\n`,
        );
        await writeFile(
            join(dir, 'credentials'),
            `[default]\naws_access_key_id = ${local.credentials.accessKeyId}\n` +
                `aws_secret_access_key = ${local.credentials.secretAccessKey}\n`,
        );
        env = {
            PATH: process.env['PATH'],
            HOME: dir,
            AWS_CONFIG_FILE: join(dir, 'config'),
            AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
            AWS_EC2_METADATA_DISABLED: 'true',
        };
    });
    after(async () => {
        await local?.stop();
        if (dir !== undefined) {
            await rm(dir, { recursive: true, force: true });
        }
    });

    function aws(...args: string[]): Promise<string> {
        return new Promise((resolve, reject) => {
            execFile(
                'aws',
                ['--endpoint-url', local.endpoint, ...args],
                { env, maxBuffer: 16 * 1024 * 1024 },
                (error, stdout, stderr) => {
                    if (error !== null) {
                        reject(new Error(`aws ${args.join(' ')} failed: ${stderr}`));
                    } else {
                        resolve(stdout);
                    }
                },
            );
        });
    }

    it('gets the caller identity', async () => {
        const who = JSON.parse(await aws('sts', 'get-caller-identity')) as {
            Account: string;
            Arn: string;
        };
        assert.equal(who.Account, local.accountId);
        assert.equal(who.Arn, `arn:aws:iam::${local.accountId}:user/local-user`);
    });

    it('makes a bucket, copies a 20 MiB file up and down intact, lists and heads it', async () => {
        await aws('s3', 'mb', 's3://cli-bucket');
        const data = randomBytes(20 * 1024 * 1024);
        const source = join(dir, 'upload.bin');
        const target = join(dir, 'download.bin');
        await writeFile(source, data);
        await aws('s3', 'cp', '--only-show-errors', source, 's3://cli-bucket/folder/file.bin');
        await aws('s3', 'cp', '--only-show-errors', 's3://cli-bucket/folder/file.bin', target);
        const digest = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
        assert.equal(digest(await readFile(target)), digest(data));

        const listing = await aws('s3', 'ls', 's3://cli-bucket/folder/');
        assert.match(listing, /\s20971520 file\.bin\n$/);
        const buckets = await aws('s3', 'ls');
        assert.match(buckets, /cli-bucket/);
        const head = JSON.parse(
            await aws('s3api', 'head-object', '--bucket', 'cli-bucket', '--key', 'folder/file.bin'),
        ) as {
            ContentLength: number;
            ETag: string;
        };
        assert.equal(head.ContentLength, data.length);
        assert.match(head.ETag, /^"[0-9a-f]{32}-\d+"$/);
        assert.ok(local.requests.list({ operation: 'UploadPart' }).length > 1);
    });

    it('gets the real error for a wrong secret', async () => {
        await writeFile(
            join(dir, 'credentials'),
            `[default]\naws_access_key_id = ` +
            `${local.credentials.accessKeyId}\naws_secret_access_key = wrong\n`,
        );
        try {
            await assert.rejects(aws('s3api', 'list-buckets'), /SignatureDoesNotMatch/);
        } finally {
            await writeFile(
                join(dir, 'credentials'),
                `[default]\naws_access_key_id = ${local.credentials.accessKeyId}\n` +
                    `aws_secret_access_key = ${local.credentials.secretAccessKey}\n`,
            );
        }
    });
});

describe('local AWS endpoint: the aws-local command', function () {
    this.timeout(20000);

    it('prints one JSON line, serves, and exits 0 on SIGTERM', async () => {
        const cli = join(__dirname, '..', '..', '..', 'src', 'localAws', 'cli.js');
        const child = spawn(process.execPath, [cli, '--port', '0', '--speed', '60'], {
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        const firstLine = await new Promise<string>((resolve, reject) => {
            child.stdout.on('data', (chunk: Buffer) => {
                stdout += chunk.toString('utf8');
                if (stdout.includes('\n')) {
                    resolve(stdout.split('\n')[0] ?? '');
                }
            });
            child.on('error', reject);
            child.on('exit', (code) => reject(new Error(`exited early with ${String(code)}`)));
        });
        const info = JSON.parse(firstLine) as Record<string, string>;
        assert.deepEqual(Object.keys(info), [
            'endpoint',
            'region',
            'accessKeyId',
            'secretAccessKey',
        ]);
        assert.match(info['endpoint'] ?? '', /^http:\/\/127\.0\.0\.1:\d+$/);
        const health = await fetch(`${info['endpoint'] ?? ''}/__local/health`);
        assert.equal(((await health.json()) as { ok: boolean }).ok, true);
        const exitCode = await new Promise<number | null>((resolve) => {
            child.removeAllListeners('exit');
            child.on('exit', (code) => resolve(code));
            child.kill('SIGTERM');
        });
        assert.equal(exitCode, 0);
        assert.equal(stdout.trim().split('\n').length, 1);
    });
});

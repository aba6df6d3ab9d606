import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { startSandboxProcess } from '../../../src/sandbox/sandboxProcess';
import { isRunning } from '../../support/processes';
import '../localAws/helpers';

/** The compiled server next to this compiled test: out/src/sandbox/server.js. */
const server = resolve(__dirname, '../../../src/sandbox/server.js');
const sandboxProcessModule = resolve(__dirname, '../../../src/sandbox/sandboxProcess.js');

async function gone(pid: number, withinMs: number): Promise<boolean> {
    const deadline = Date.now() + withinMs;
    while (isRunning(pid)) {
        if (Date.now() > deadline) {
            return false;
        }
        await new Promise((done) => setTimeout(done, 100));
    }
    return true;
}

describe('sandbox server (dist/sandbox.js)', function () {
    this.timeout(30_000);
    let folder: string;

    beforeEach(async () => {
        folder = await mkdtemp(join(tmpdir(), 'bb-sandbox-server-'));
    });

    afterEach(async () => {
        await rm(folder, { recursive: true, force: true });
    });

    it('serves a seeded endpoint, writes the samples and stops on request', async () => {
        const child = await startSandboxProcess({ script: server, args: ['--samples', folder] });
        const { info } = child;
        try {
            assert.match(info.endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
            assert.equal(info.bucket, 'bedrock-batch-sandbox');
            assert.equal(info.speed, 1);
            const s3 = new S3Client({
                endpoint: info.endpoint,
                region: info.region,
                forcePathStyle: true,
                credentials: {
                    accessKeyId: info.accessKeyId,
                    secretAccessKey: info.secretAccessKey,
                },
            });
            await s3.send(new HeadBucketCommand({ Bucket: info.bucket }));
            s3.destroy();
            assert.equal((await readdir(folder)).length, 6);
        } finally {
            await child.stop();
        }
        assert.equal(await child.exited, 'exit code 0');
        assert.equal(isRunning(child.pid), false);
    });

    it('stops by itself when the process that forked it dies', async () => {
        const parentScript = `
            const { startSandboxProcess } = require(${JSON.stringify(sandboxProcessModule)});
            startSandboxProcess({ script: ${JSON.stringify(server)} })
                .then((child) => process.stdout.write(child.pid + '\\n'));
            setInterval(() => undefined, 1000);
        `;
        const parent = spawn(process.execPath, ['-e', parentScript], {
            stdio: ['ignore', 'pipe', 'inherit'],
        });
        const pidLine = await new Promise<string>((done) => {
            createInterface({ input: parent.stdout }).once('line', done);
        });
        const childPid = Number(pidLine);
        assert.ok(isRunning(childPid));
        parent.kill('SIGKILL');
        assert.ok(await gone(childPid, 10_000), `the sandbox ${childPid} outlived its parent`);
    });

    it('refuses an unknown argument', async () => {
        await assert.rejects(
            startSandboxProcess({ script: server, args: ['--fast'] }),
            /stopped before it served \(exit code 2\)/,
        );
    });
});

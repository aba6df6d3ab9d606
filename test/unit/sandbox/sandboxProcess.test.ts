import * as assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { childEnvironment, startSandboxProcess } from '../../../src/sandbox/sandboxProcess';
import { isRunning } from '../../support/processes';

/** From out/test/unit/sandbox back to the repository's test/fixtures/sandbox. */
const script = resolve(__dirname, '../../../../test/fixtures/sandbox/fakeEndpoint.js');

describe('sandbox child process', () => {
    it('reads the endpoint from the first line and stops the child on request', async () => {
        const child = await startSandboxProcess({ script });
        assert.equal(child.info.endpoint, 'http://127.0.0.1:45678');
        assert.ok(isRunning(child.pid));
        await child.stop();
        assert.equal(isRunning(child.pid), false);
        assert.equal(await child.exited, 'exit code 0');
    });

    it('kills a child that ignores SIGTERM once the grace time is over', async () => {
        const child = await startSandboxProcess({ script, args: ['ignore-term'] });
        await child.stop(300);
        assert.equal(await child.exited, 'SIGKILL');
        assert.equal(isRunning(child.pid), false);
    });

    it('says why when the child ends before it serves', async () => {
        const logs: string[] = [];
        await assert.rejects(
            startSandboxProcess({ script, args: ['crash'], onLog: (line) => logs.push(line) }),
            /stopped before it served \(exit code 3\)/,
        );
        assert.deepEqual(logs, ['fake endpoint: failing on purpose']);
    });

    it('refuses a first line that is not the info line', async () => {
        await assert.rejects(
            startSandboxProcess({ script, args: ['garbage'] }),
            /answered something unexpected: hello/,
        );
    });

    it('gives up after the start timeout', async () => {
        await assert.rejects(
            startSandboxProcess({ script, args: ['silent'], startTimeoutMs: 300 }),
            /did not start within 0.3 s/,
        );
    });

    it('passes no AWS variable of the parent on to the child', async () => {
        const logs: string[] = [];
        const parent = { PATH: process.env['PATH'], AWS_PROFILE: 'prod', aws_region: 'x' };
        const env = childEnvironment(parent);
        assert.deepEqual(Object.keys(env), ['PATH']);
        const child = await startSandboxProcess({ script, env, onLog: (line) => logs.push(line) });
        await child.stop();
        assert.deepEqual(logs, ['fake endpoint: mode serve, aws variables none']);
    });
});

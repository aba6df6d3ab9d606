import * as assert from 'node:assert/strict';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { LocalAwsError, startLocalAws } from '../../../src/localAws/index';
import type { LocalAws, ManualClock } from '../../../src/localAws/index';
import { rawFetch, rejection, stsClient } from './helpers';

async function json(
    local: LocalAws,
    path: string,
    init: RequestInit = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await rawFetch(local, path, {
        ...init,
        headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
    });
    return { status: response.status, body: JSON.parse(response.text) as Record<string, unknown> };
}

describe('local AWS endpoint: control API', function () {
    this.timeout(20000);
    let local: LocalAws<ManualClock>;

    before(async () => {
        local = await startLocalAws({
            modules: ['sts', 'sns'],
            clock: { kind: 'manual', startMs: Date.UTC(2025, 0, 1) },
        });
    });
    after(async () => {
        await local.stop();
    });

    it('reports health with the services served', async () => {
        const { status, body } = await json(local, '/__local/health');
        assert.equal(status, 200);
        assert.equal(body['endpoint'], local.endpoint);
        assert.deepEqual(body['services'], ['sns', 'sts']);
    });

    it('lists the requests the endpoint saw, filtered by service and sequence', async () => {
        const sts = stsClient(local);
        await sts.send(new GetCallerIdentityCommand({}));
        sts.destroy();
        const { body } = await json(local, '/__local/requests?service=sts');
        const requests = body['requests'] as Array<Record<string, unknown>>;
        const last = requests.at(-1);
        assert.equal(last?.['operation'], 'GetCallerIdentity');
        assert.equal(last?.['status'], 200);
        assert.equal(last?.['attempt'], 1);
        assert.match(String(last?.['invocationId']), /^[0-9a-f-]{36}$/);
        const later = await json(local, `/__local/requests?since=${String(last?.['seq'])}`);
        assert.deepEqual(later.body['requests'], []);
    });

    it('adds, lists and clears faults; the SDK sees them', async () => {
        const added = await json(local, '/__local/faults', {
            method: 'POST',
            body: JSON.stringify({ kind: 'throttle', service: 'sts', count: 5 }),
        });
        assert.equal(added.status, 200);
        const sts = stsClient(local, { maxAttempts: 1 });
        assert.equal(
            (await rejection(sts.send(new GetCallerIdentityCommand({})))).name,
            'Throttling',
        );
        const listed = await json(local, '/__local/faults');
        assert.equal((listed.body['faults'] as Array<{ remaining: number }>)[0]?.remaining, 4);
        await json(local, '/__local/faults', { method: 'DELETE' });
        assert.equal(
            (await sts.send(new GetCallerIdentityCommand({}))).$metadata.httpStatusCode,
            200,
        );
        sts.destroy();
    });

    it('refuses a malformed fault with 400', async () => {
        const bad = await json(local, '/__local/faults', {
            method: 'POST',
            body: JSON.stringify({ kind: 'explode' }),
        });
        assert.equal(bad.status, 400);
    });

    it('moves a manual clock and tells listeners', async () => {
        const seen: number[] = [];
        const unsubscribe = local.clock.onAdvance((now) => seen.push(now));
        const moved = await json(local, '/__local/clock', {
            method: 'POST',
            body: JSON.stringify({ advanceMs: 60_000 }),
        });
        assert.equal(moved.body['nowMs'], Date.UTC(2025, 0, 1) + 60_000);
        local.clock.advance(1000);
        assert.deepEqual(seen, [Date.UTC(2025, 0, 1) + 60_000, Date.UTC(2025, 0, 1) + 61_000]);
        unsubscribe();
        const backwards = await json(local, '/__local/clock', {
            method: 'POST',
            body: JSON.stringify({ setMs: 0 }),
        });
        assert.equal(backwards.status, 400);
    });

    it('refuses to move a scaled clock', async () => {
        const scaled = await startLocalAws({ modules: [] });
        try {
            const refused = await json(scaled, '/__local/clock', {
                method: 'POST',
                body: JSON.stringify({ advanceMs: 1 }),
            });
            assert.equal(refused.status, 409);
        } finally {
            await scaled.stop();
        }
    });

    it('serves routes modules register, with path parameters and errors', async () => {
        local.registerControlRoute('POST', '/__local/jobs/:jobId/complete', (req) => {
            if (req.params['jobId'] === 'missing') {
                throw new LocalAwsError('ResourceNotFoundException', 404, 'no such job');
            }
            return { completed: req.params['jobId'], body: req.body };
        });
        const ok = await json(local, '/__local/jobs/abc%20123/complete', {
            method: 'POST',
            body: JSON.stringify({ records: 3 }),
        });
        assert.deepEqual(ok.body, { completed: 'abc 123', body: { records: 3 } });
        const missing = await json(local, '/__local/jobs/missing/complete', { method: 'POST' });
        assert.deepEqual(
            [missing.status, missing.body['code']],
            [404, 'ResourceNotFoundException'],
        );
        const wrongMethod = await json(local, '/__local/jobs/abc/complete');
        assert.equal(wrongMethod.status, 405);
        const unknown = await json(local, '/__local/nothing-here');
        assert.equal(unknown.status, 404);
    });

    it('exposes SNS messages through a control route', async () => {
        const { body } = await json(local, '/__local/sns/messages');
        assert.deepEqual(body['messages'], []);
    });
});

import * as assert from 'node:assert/strict';
import { AwsClients } from '../../../src/aws/clients';
import { startLocalAws, type LocalAws } from '../../../src/localAws';
import type { ServiceQuotasState } from '../../../src/localAws/servicequotas/serviceQuotasModule';
import { awsQuotaSource } from '../../../src/quotas/awsQuotaSource';
import { modelQuotas, resolveQuotas } from '../../../src/quotas/jobQuotas';
import { ServiceQuotaStore } from '../../../src/quotas/serviceQuotaStore';
import type { Log } from '../../../src/shared/log';
// Imported for its side effect: an offline SDK environment (no ~/.aws, no metadata service).
import '../localAws/helpers';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const HAIKU_MIN = 'Minimum number of records per batch inference job for Claude 3 Haiku';

class DebugLines {
    readonly lines: string[] = [];
    debug(message: string): void {
        this.lines.push(message);
    }
}

describe('quotas: reading Service Quotas with the SDK from the local endpoint', function () {
    this.timeout(30_000);
    let local: LocalAws;
    let clients: AwsClients;
    let log: DebugLines;
    let store: ServiceQuotaStore;

    before(async () => {
        local = await startLocalAws({ modules: ['servicequotas', 'bedrock', 's3'] });
        const quiet = { debug: () => undefined } as unknown as Log;
        clients = new AwsClients(quiet, {
            kind: 'sandbox',
            endpoint: local.endpoint,
            region: local.region,
            accessKeyId: local.credentials.accessKeyId,
            secretAccessKey: local.credentials.secretAccessKey,
        });
    });

    after(async () => {
        clients.dispose();
        await local.stop();
    });

    beforeEach(() => {
        log = new DebugLines();
        store = new ServiceQuotaStore(awsQuotaSource(clients), log);
        (local.state('servicequotas') as ServiceQuotasState).reset();
        local.faults.clear();
    });

    it('lists every Bedrock quota of the region, over several pages', async () => {
        const since = local.requests.list().at(-1)?.seq ?? 0;
        const rows = await awsQuotaSource(clients).listBedrockQuotas(local.region);
        const pages = local.requests.list({ service: 'servicequotas', since }).length;
        assert.ok(rows.length > 200, `${rows.length} rows`);
        assert.ok(pages >= 3, `${pages} pages`);
        assert.ok(rows.some((r) => r.name === HAIKU_MIN && r.value === 100));
    });

    it("gives a model the values the account has, in the settings' units", async () => {
        const state = local.state('servicequotas') as ServiceQuotasState;
        state.setValue({ quotaName: HAIKU_MIN, region: local.region }, 1000);
        state.setValue({ quotaName: 'Batch inference job size (in GB) for Claude 3 Haiku' }, 2);
        const view = modelQuotas(
            resolveQuotas({}, await store.forModel(local.region, `us.${HAIKU}`)),
        );
        assert.deepEqual(view.minRecordsPerJob, {
            value: 1000,
            origin: 'serviceQuotas',
            quotaName: HAIKU_MIN,
        });
        assert.equal(view.maxRecordsPerJob.value, 50_000);
        assert.equal(view.maxRecordsPerJob.origin, 'serviceQuotas');
        assert.equal(view.maxJobSizeGB.value, 2);
    });

    it('falls back to nothing when ListServiceQuotas is denied, logging it once', async () => {
        local.faults.add({
            kind: 'error',
            service: 'servicequotas',
            operation: 'ListServiceQuotas',
            count: 'untilCleared',
            error: {
                code: 'AccessDeniedException',
                status: 400,
                message:
                    'User: arn:aws:iam::123456789012:user/local-user is not authorized to ' +
                    'perform: servicequotas:ListServiceQuotas',
            },
        });
        assert.deepEqual(await store.forModel(local.region, HAIKU), {});
        assert.deepEqual(await store.forModel(local.region, `us.${HAIKU}`), {});
        assert.equal(log.lines.length, 1, log.lines.join('\n'));
        assert.match(
            log.lines[0] ?? '',
            /AccessDeniedException: User: .* servicequotas:ListServiceQuotas/,
        );
        const denied = local.requests.list({ service: 'servicequotas' }).at(-1);
        assert.equal(denied?.errorCode, 'AccessDeniedException');
    });
});

import * as assert from 'node:assert/strict';
import type { ModelName, QuotaRow } from '../../../src/quotas/quotaNames';
import { ServiceQuotaStore, type QuotaSource } from '../../../src/quotas/serviceQuotaStore';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const MIN_NAME = 'Minimum number of records per batch inference job for Claude 3 Haiku';

class FakeSource implements QuotaSource {
    readonly calls: string[] = [];
    minimum = 1000;
    failure: Error | undefined;
    /** When set, quota reads wait for it. */
    gate: Promise<void> | undefined;

    async listBedrockQuotas(region: string): Promise<QuotaRow[]> {
        this.calls.push(`quotas ${region}`);
        await this.gate;
        if (this.failure !== undefined) {
            throw this.failure;
        }
        return [{ name: MIN_NAME, value: this.minimum }];
    }

    listModelNames(region: string): Promise<ReadonlyMap<string, ModelName>> {
        this.calls.push(`models ${region}`);
        return Promise.resolve(new Map([[HAIKU, { modelName: 'Claude 3 Haiku' }]]));
    }
}

class Log {
    readonly lines: string[] = [];
    debug(message: string): void {
        this.lines.push(message);
    }
}

function accessDenied(): Error {
    const error = new Error(
        'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: ' +
            'servicequotas:ListServiceQuotas',
    );
    error.name = 'AccessDeniedException';
    return error;
}

describe('quotas: the Service Quotas store', () => {
    let source: FakeSource;
    let log: Log;
    let store: ServiceQuotaStore;

    beforeEach(() => {
        source = new FakeSource();
        log = new Log();
        store = new ServiceQuotaStore(source, log);
    });

    it("reads a region's quotas once and answers every model id form from them", async () => {
        assert.equal((await store.forModel('us-east-1', HAIKU)).minRecordsPerJob?.value, 1000);
        const profile = await store.forModel('us-east-1', `us.${HAIKU}`);
        assert.equal(profile.minRecordsPerJob?.value, 1000);
        assert.deepEqual(await store.forModel('us-east-1', 'amazon.nova-pro-v1:0'), {});
        assert.deepEqual(source.calls, ['quotas us-east-1', 'models us-east-1']);
    });

    it('keeps regions apart', async () => {
        await store.forModel('us-east-1', HAIKU);
        source.minimum = 200;
        assert.equal((await store.forModel('eu-west-1', HAIKU)).minRecordsPerJob?.value, 200);
        assert.equal((await store.forModel('us-east-1', HAIKU)).minRecordsPerJob?.value, 1000);
    });

    it('reads again after a refresh', async () => {
        await store.forModel('us-east-1', HAIKU);
        source.minimum = 300;
        store.refresh();
        assert.equal(store.peek('us-east-1', HAIKU), undefined);
        assert.equal((await store.forModel('us-east-1', HAIKU)).minRecordsPerJob?.value, 300);
    });

    it('peeks without calling AWS, and knows a region once it is loaded', async () => {
        assert.equal(store.peek('us-east-1', HAIKU), undefined);
        assert.deepEqual(source.calls, []);
        const loads: string[] = [];
        store.onDidLoad((region) => loads.push(region));
        await store.load('us-east-1');
        assert.equal(store.peek('us-east-1', HAIKU)?.minRecordsPerJob?.value, 1000);
        assert.deepEqual(loads, ['us-east-1']);
    });

    it('answers nothing when refused, says why once at debug, and asks no more', async () => {
        source.failure = accessDenied();
        assert.deepEqual(await store.forModel('us-east-1', HAIKU), {});
        assert.deepEqual(await store.forModel('us-east-1', `us.${HAIKU}`), {});
        assert.deepEqual(store.peek('us-east-1', HAIKU), {});
        assert.equal(log.lines.length, 1);
        assert.match(log.lines[0] ?? '', /could not be read in us-east-1/);
        assert.match(
            log.lines[0] ?? '',
            /AccessDeniedException: User: .* servicequotas:ListServiceQuotas/,
        );
        assert.equal(source.calls.filter((c) => c.startsWith('quotas')).length, 1);
    });

    it('goes on without a late answer, and uses it once it arrives', async () => {
        let open: () => void = () => undefined;
        source.gate = new Promise((resolve) => {
            open = resolve;
        });
        const impatient = new ServiceQuotaStore(source, log, 1);
        assert.deepEqual(await impatient.forModel('us-east-1', HAIKU), {});
        assert.match(log.lines.join('\n'), /did not answer within 1 ms in us-east-1/);
        open();
        await impatient.load('us-east-1');
        assert.equal((await impatient.forModel('us-east-1', HAIKU)).minRecordsPerJob?.value, 1000);
    });

    it('does not let a read started before a refresh fill the cache', async () => {
        let open: () => void = () => undefined;
        source.gate = new Promise((resolve) => {
            open = resolve;
        });
        const early = store.load('us-east-1');
        store.refresh();
        open();
        await early;
        assert.equal(store.isLoaded('us-east-1'), false);
    });
});

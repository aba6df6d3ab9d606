import * as assert from 'node:assert/strict';
import {
    GetAWSDefaultServiceQuotaCommand,
    GetServiceQuotaCommand,
    ListAWSDefaultServiceQuotasCommand,
    ListServiceQuotasCommand,
    ListServicesCommand,
    ServiceQuotasClient,
    paginateListServiceQuotas,
    type ServiceQuota,
} from '@aws-sdk/client-service-quotas';
import { startLocalAws, type LocalAws } from '../../../src/localAws/index';
import type { ServiceQuotasState } from '../../../src/localAws/servicequotas/serviceQuotasModule';
import { AwsCli, awsCliAvailable } from './bedrock/awsCli';
import { clientConfig, rawFetch, rejection } from './helpers';

const HAIKU_MIN = 'Minimum number of records per batch inference job for Claude 3 Haiku';
const HAIKU_RECORDS = 'Records per batch inference job for Claude 3 Haiku';

async function allQuotas(client: ServiceQuotasClient, pageSize?: number): Promise<ServiceQuota[]> {
    const quotas: ServiceQuota[] = [];
    const input = {
        ServiceCode: 'bedrock',
        ...(pageSize === undefined ? {} : { MaxResults: pageSize }),
    };
    for await (const page of paginateListServiceQuotas({ client }, input)) {
        quotas.push(...(page.Quotas ?? []));
    }
    return quotas;
}

function named(quotas: readonly ServiceQuota[], name: string): ServiceQuota | undefined {
    return quotas.find((q) => q.QuotaName === name);
}

describe('local AWS endpoint: Service Quotas', function () {
    this.timeout(30_000);
    let local: LocalAws;
    let client: ServiceQuotasClient;
    let state: ServiceQuotasState;

    before(async () => {
        local = await startLocalAws({ modules: ['servicequotas'] });
        client = new ServiceQuotasClient(clientConfig(local));
        state = local.state('servicequotas') as ServiceQuotasState;
    });
    after(async () => {
        client.destroy();
        await local.stop();
    });
    afterEach(() => {
        state.reset();
        local.faults.clear();
    });

    it('lists the Bedrock batch quotas of every batch model, with the real fields', async () => {
        const quotas = await allQuotas(client);
        const minimum = named(quotas, HAIKU_MIN);
        assert.deepEqual(minimum, {
            ServiceCode: 'bedrock',
            ServiceName: 'Amazon Bedrock',
            QuotaArn: `arn:aws:servicequotas:us-east-1:123456789012:bedrock/${minimum?.QuotaCode}`,
            QuotaCode: minimum?.QuotaCode,
            QuotaName: HAIKU_MIN,
            Value: 100,
            Unit: 'None',
            Adjustable: false,
            GlobalQuota: false,
            Description: 'The minimum number of records across all input files in a batch job.',
        });
        assert.match(minimum?.QuotaCode ?? '', /^L-[0-9A-F]{8}$/);
        assert.equal(named(quotas, HAIKU_RECORDS)?.Value, 50_000);
        assert.equal(
            named(quotas, 'Batch inference input file size (in GB) for Nova Pro')?.Value,
            1,
        );
        assert.equal(named(quotas, 'Batch inference job size (in GB) for Nova Pro')?.Value, 5);
        assert.equal(
            named(quotas, 'Records per input file per batch inference job for Nova Pro')?.Value,
            50_000,
        );
        const concurrent = named(
            quotas,
            'Sum of in-progress and submitted batch inference jobs using a base model for ' +
                'Claude 3 Haiku',
        );
        assert.equal(concurrent?.Value, 10);
        assert.equal(concurrent?.Adjustable, true);
        // Models without batch support have no batch quotas.
        assert.equal(named(quotas, 'Records per batch inference job for Claude'), undefined);
        assert.equal(new Set(quotas.map((q) => q.QuotaCode)).size, quotas.length);
    });

    it('pages with MaxResults and NextToken; the last page has no token', async () => {
        const first = await client.send(
            new ListServiceQuotasCommand({ ServiceCode: 'bedrock', MaxResults: 7 }),
        );
        assert.equal(first.Quotas?.length, 7);
        assert.ok(first.NextToken);
        const paged = await allQuotas(client, 100);
        const small = await allQuotas(client, 7);
        assert.deepEqual(
            small.map((q) => q.QuotaCode),
            paged.map((q) => q.QuotaCode),
        );
        const codes = paged.map((q) => q.QuotaCode ?? '');
        assert.deepEqual(codes, [...codes].sort());
        const error = await rejection(
            client.send(
                new ListServiceQuotasCommand({ ServiceCode: 'bedrock', NextToken: 'nope' }),
            ),
        );
        assert.equal(error.name, 'InvalidPaginationTokenException');
        const tooMany = await rejection(
            client.send(new ListServiceQuotasCommand({ ServiceCode: 'bedrock', MaxResults: 500 })),
        );
        assert.equal(tooMany.name, 'IllegalArgumentException');
        assert.match(tooMany.message, /Value '500' at 'maxResults' failed to satisfy constraint/);
    });

    it('lists one region at a time: a model has quotas only where it is offered', async () => {
        const eu = new ServiceQuotasClient({ ...clientConfig(local), region: 'eu-west-1' });
        const nowhere = new ServiceQuotasClient({ ...clientConfig(local), region: 'af-south-1' });
        try {
            const euQuotas = await allQuotas(eu);
            assert.ok(named(euQuotas, HAIKU_MIN));
            assert.match(
                named(euQuotas, HAIKU_MIN)?.QuotaArn ?? '',
                /^arn:aws:servicequotas:eu-west-1:/,
            );
            assert.deepEqual(await allQuotas(nowhere), []);
        } finally {
            eu.destroy();
            nowhere.destroy();
        }
    });

    it('reads one quota, and its AWS default, by code', async () => {
        const code = named(await allQuotas(client), HAIKU_MIN)?.QuotaCode ?? '';
        state.setValue({ quotaCode: code, region: 'us-east-1' }, 1000);
        const applied = await client.send(
            new GetServiceQuotaCommand({ ServiceCode: 'bedrock', QuotaCode: code }),
        );
        assert.equal(applied.Quota?.Value, 1000);
        assert.equal(applied.Quota?.QuotaName, HAIKU_MIN);
        const defaults = await client.send(
            new GetAWSDefaultServiceQuotaCommand({ ServiceCode: 'bedrock', QuotaCode: code }),
        );
        assert.equal(defaults.Quota?.Value, 100);
        assert.equal(defaults.Quota?.QuotaArn, `arn:aws:servicequotas:us-east-1::bedrock/${code}`);
    });

    it('keeps the AWS defaults apart from the values the account has', async () => {
        state.setValue({ quotaName: HAIKU_MIN }, 1000);
        const applied = named(await allQuotas(client), HAIKU_MIN);
        const defaults = await client.send(
            new ListAWSDefaultServiceQuotasCommand({ ServiceCode: 'bedrock', MaxResults: 100 }),
        );
        const all = [...(defaults.Quotas ?? [])];
        let token = defaults.NextToken;
        while (token !== undefined) {
            const next = await client.send(
                new ListAWSDefaultServiceQuotasCommand({
                    ServiceCode: 'bedrock',
                    NextToken: token,
                }),
            );
            all.push(...(next.Quotas ?? []));
            token = next.NextToken;
        }
        assert.equal(applied?.Value, 1000);
        assert.equal(named(all, HAIKU_MIN)?.Value, 100);
    });

    it('answers unknown services and quotas with NoSuchResourceException', async () => {
        const service = await rejection(
            client.send(new ListServiceQuotasCommand({ ServiceCode: 'ec2' })),
        );
        assert.equal(service.name, 'NoSuchResourceException');
        assert.equal(
            service.message,
            'The request failed because the specified service does not exist.',
        );
        assert.equal(service.$metadata?.httpStatusCode, 400);
        const quota = await rejection(
            client.send(
                new GetServiceQuotaCommand({ ServiceCode: 'bedrock', QuotaCode: 'L-00000000' }),
            ),
        );
        assert.equal(quota.name, 'NoSuchResourceException');
        assert.equal(
            quota.message,
            'The request failed because the specified quota does not exist.',
        );
    });

    it('lists the one service it knows', async () => {
        const services = await client.send(new ListServicesCommand({}));
        assert.deepEqual(services.Services, [
            { ServiceCode: 'bedrock', ServiceName: 'Amazon Bedrock' },
        ]);
    });

    it('refuses through an injected AccessDeniedException, in the real shape', async () => {
        const message =
            'User: arn:aws:iam::123456789012:user/local-user is not authorized to perform: ' +
            'servicequotas:ListServiceQuotas';
        local.faults.add({
            kind: 'error',
            service: 'servicequotas',
            operation: 'ListServiceQuotas',
            error: { code: 'AccessDeniedException', status: 400, message },
        });
        const denied = await rejection(
            client.send(new ListServiceQuotasCommand({ ServiceCode: 'bedrock' })),
        );
        assert.equal(denied.name, 'AccessDeniedException');
        assert.equal(denied.message, message);
        assert.equal(denied.$metadata?.attempts, 1);
        const again = await client.send(new ListServiceQuotasCommand({ ServiceCode: 'bedrock' }));
        assert.ok((again.Quotas?.length ?? 0) > 0);
    });

    it('throttles as TooManyRequestsException, which the SDK retries', async () => {
        local.faults.throttle('servicequotas', 'ListServiceQuotas');
        const answer = await client.send(
            new ListServiceQuotasCommand({ ServiceCode: 'bedrock', MaxResults: 1 }),
        );
        assert.equal(answer.$metadata.attempts, 2);
        const entries = local.requests.list({
            service: 'servicequotas',
            operation: 'ListServiceQuotas',
        });
        assert.equal(entries.at(-2)?.errorCode, 'Throttling');
    });

    it('changes a value through the control API', async () => {
        const changed = await rawFetch(local, '/__local/servicequotas/quotas', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ quotaName: HAIKU_MIN, region: 'us-east-1', value: 1000 }),
        });
        assert.equal(changed.status, 200, changed.text);
        const body = JSON.parse(changed.text) as { quotas: Array<{ Value: number }> };
        assert.deepEqual(
            body.quotas.map((q) => q.Value),
            [1000],
        );
        assert.equal(named(await allQuotas(client), HAIKU_MIN)?.Value, 1000);
        const listed = await rawFetch(local, '/__local/servicequotas/quotas?region=us-east-1');
        const rows = (JSON.parse(listed.text) as { quotas: ServiceQuota[] }).quotas;
        assert.equal(named(rows, HAIKU_MIN)?.Value, 1000);
        const unknown = await rawFetch(local, '/__local/servicequotas/quotas', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
                quotaName: 'Records per batch inference job for Nobody',
                value: 1,
            }),
        });
        assert.equal(unknown.status, 400);
        await rawFetch(local, '/__local/servicequotas/quotas', { method: 'DELETE' });
        assert.equal(named(await allQuotas(client), HAIKU_MIN)?.Value, 100);
    });

    describe('through the AWS CLI', () => {
        let cli: AwsCli;

        before(function () {
            if (!awsCliAvailable()) {
                process.stdout.write('    (skipped: the aws command is not on PATH)\n');
                this.skip();
            }
            cli = new AwsCli(local);
        });
        after(() => cli?.dispose());

        it('lists the Bedrock quotas (all pages) and reads one', async () => {
            state.setValue({ quotaName: HAIKU_MIN }, 1000);
            const listed = await cli.json(
                'service-quotas',
                'list-service-quotas',
                '--service-code',
                'bedrock',
            );
            const quotas = listed['Quotas'] as ServiceQuota[];
            assert.equal(quotas.length, (await allQuotas(client)).length);
            const minimum = named(quotas, HAIKU_MIN);
            assert.equal(minimum?.Value, 1000);
            const one = await cli.json(
                'service-quotas',
                'get-service-quota',
                '--service-code',
                'bedrock',
                '--quota-code',
                minimum?.QuotaCode ?? '',
            );
            assert.equal((one['Quota'] as ServiceQuota).QuotaName, HAIKU_MIN);
        });

        it('prints the service error for an unknown service', async () => {
            const result = await cli.run(
                'service-quotas',
                'list-service-quotas',
                '--service-code',
                'ec2',
            );
            assert.notEqual(result.code, 0);
            assert.match(
                result.stderr,
                new RegExp(
                    String.raw`An error occurred \(NoSuchResourceException\) when calling the ` +
                        'ListServiceQuotas operation: The request failed because the specified ' +
                        String.raw`service does not exist\.`,
                ),
            );
        });
    });
});

import * as assert from 'node:assert/strict';
import {
    CreateModelInvocationJobCommand,
    GetFoundationModelCommand,
    GetInferenceProfileCommand,
    GetModelInvocationJobCommand,
    ListFoundationModelsCommand,
    ListInferenceProfilesCommand,
    ListModelInvocationJobsCommand,
    ListTagsForResourceCommand,
    StopModelInvocationJobCommand,
    TagResourceCommand,
    UntagResourceCommand,
    paginateListInferenceProfiles,
    paginateListModelInvocationJobs,
} from '@aws-sdk/client-bedrock';
import type {
    BedrockClient,
    CreateModelInvocationJobCommandInput,
    ModelInvocationJobSummary,
} from '@aws-sdk/client-bedrock';
import { HAIKU, MINUTE, START_MS, jobRequest, startHarness } from './harness';
import type { Harness } from './harness';

function create(overrides: Record<string, unknown> = {}): CreateModelInvocationJobCommand {
    return new CreateModelInvocationJobCommand(
        jobRequest(overrides) as unknown as CreateModelInvocationJobCommandInput,
    );
}

describe('local Bedrock control plane operations', function () {
    this.timeout(30_000);
    let h: Harness;

    beforeEach(async () => {
        h = await startHarness();
    });

    afterEach(async () => {
        await h.stop();
    });

    it('de-duplicates on clientRequestToken; reuse for another request conflicts', async () => {
        const first = await h.bedrock.send(create({ clientRequestToken: 'token-1' }));
        const again = await h.bedrock.send(create({ clientRequestToken: 'token-1' }));
        assert.equal(again.jobArn, first.jobArn);
        const list = await h.bedrock.send(new ListModelInvocationJobsCommand({}));
        assert.equal(list.invocationJobSummaries?.length, 1);
        assert.equal(list.invocationJobSummaries?.[0]?.clientRequestToken, 'token-1');
        await assert.rejects(
            h.bedrock.send(create({ clientRequestToken: 'token-1', jobName: 'other' })),
            (err: Error) => err.name === 'ConflictException',
        );
    });

    it('gives jobs created without a token (the SDK fills one) distinct ARNs', async () => {
        const a = await h.bedrock.send(create());
        const b = await h.bedrock.send(create());
        assert.notEqual(a.jobArn, b.jobArn);
        const job = await h.bedrock.send(
            new GetModelInvocationJobCommand({ jobIdentifier: a.jobArn }),
        );
        assert.match(job.clientRequestToken ?? '', /^[0-9a-f-]{36}$/);
    });

    it('pages 2,500 jobs by 1,000, sorted as asked, the last page without nextToken', async () => {
        await h.service.updateSettings({
            concurrentJobsPerModel: 10_000,
            submittedMs: 48 * 60 * MINUTE,
        });
        for (let i = 0; i < 2500; i += 1) {
            await h.service.createJob(jobRequest({ jobName: `job-${String(i).padStart(4, '0')}` }));
            h.aws.clock.advance(1000);
        }
        const pages: ModelInvocationJobSummary[][] = [];
        const tokens: Array<string | undefined> = [];
        const paginator = paginateListModelInvocationJobs(
            { client: h.bedrock, pageSize: 1000 },
            { sortBy: 'CreationTime', sortOrder: 'Ascending' },
        );
        for await (const page of paginator) {
            pages.push(page.invocationJobSummaries ?? []);
            tokens.push(page.nextToken);
        }
        assert.deepEqual(
            pages.map((p) => p.length),
            [1000, 1000, 500],
        );
        assert.equal(typeof tokens[0], 'string');
        assert.equal(tokens[2], undefined, 'the last page carries no nextToken');
        const names = pages.flat().map((j) => j.jobName);
        assert.equal(names[0], 'job-0000');
        assert.equal(names[2499], 'job-2499');
        assert.equal(new Set(names).size, 2500);

        const descending = await h.bedrock.send(
            new ListModelInvocationJobsCommand({ maxResults: 3 }),
        );
        assert.deepEqual(
            descending.invocationJobSummaries?.map((j) => j.jobName),
            ['job-2499', 'job-2498', 'job-2497'],
        );

        const filtered = await h.bedrock.send(
            new ListModelInvocationJobsCommand({
                nameContains: 'job-12',
                submitTimeAfter: new Date(START_MS + 1200 * 1000),
                submitTimeBefore: new Date(START_MS + 1299 * 1000),
                sortOrder: 'Ascending',
            }),
        );
        assert.deepEqual(filtered.invocationJobSummaries?.map((j) => j.jobName).slice(0, 2), [
            'job-1201',
            'job-1202',
        ]);
        assert.equal(filtered.invocationJobSummaries?.length, 98);
        const submitted = await h.bedrock.send(
            new ListModelInvocationJobsCommand({ statusEquals: 'Completed' }),
        );
        assert.deepEqual(submitted.invocationJobSummaries, []);
    });

    it('refuses a token from another query', async () => {
        for (let i = 0; i < 3; i += 1) {
            await h.bedrock.send(create({ jobName: `j${i}` }));
        }
        const page = await h.bedrock.send(new ListModelInvocationJobsCommand({ maxResults: 1 }));
        assert.ok(page.nextToken);
        await assert.rejects(
            h.bedrock.send(
                new ListModelInvocationJobsCommand({
                    maxResults: 1,
                    nextToken: page.nextToken,
                    statusEquals: 'Failed',
                }),
            ),
            (err: Error) => err.name === 'ValidationException',
        );
    });

    it('enforces the per-model concurrent job quota, counting Submitted..Stopping', async () => {
        await h.service.updateSettings({ concurrentJobsPerModel: 2 });
        const a = await h.bedrock.send(create());
        await h.bedrock.send(create());
        await assert.rejects(
            h.bedrock.send(create()),
            (err: Error & { $metadata: { httpStatusCode?: number } }) =>
                err.name === 'ServiceQuotaExceededException' &&
                err.$metadata.httpStatusCode === 400 &&
                err.message.includes(HAIKU),
        );
        await h.bedrock.send(create({ modelId: 'amazon.nova-lite-v1:0' }));
        await h.bedrock.send(new StopModelInvocationJobCommand({ jobIdentifier: a.jobArn }));
        await assert.rejects(
            h.bedrock.send(create()),
            (err: Error) => err.name === 'ServiceQuotaExceededException',
        );
        await h.advance(MINUTE);
        await h.bedrock.send(create());
    });

    it('tags jobs', async () => {
        const { jobArn } = await h.bedrock.send(create({ tags: [{ key: 'team', value: 'ml' }] }));
        await h.bedrock.send(
            new TagResourceCommand({
                resourceARN: jobArn,
                tags: [{ key: 'cost', value: 'batch' }],
            }),
        );
        let tags = await h.bedrock.send(new ListTagsForResourceCommand({ resourceARN: jobArn }));
        assert.deepEqual(tags.tags, [
            { key: 'team', value: 'ml' },
            { key: 'cost', value: 'batch' },
        ]);
        await h.bedrock.send(new UntagResourceCommand({ resourceARN: jobArn, tagKeys: ['team'] }));
        tags = await h.bedrock.send(new ListTagsForResourceCommand({ resourceARN: jobArn }));
        assert.deepEqual(tags.tags, [{ key: 'cost', value: 'batch' }]);
    });

    it('lists foundation models per region with their filters', async () => {
        const all = await h.bedrock.send(new ListFoundationModelsCommand({}));
        const ids = all.modelSummaries?.map((m) => m.modelId) ?? [];
        assert.ok(ids.includes(HAIKU));
        assert.ok(ids.includes(`${HAIKU}:200k`));
        const haiku = all.modelSummaries?.find((m) => m.modelId === HAIKU);
        assert.equal(haiku?.modelArn, `arn:aws:bedrock:us-east-1::foundation-model/${HAIKU}`);
        assert.deepEqual(haiku?.inferenceTypesSupported, ['ON_DEMAND']);
        assert.deepEqual(haiku?.inputModalities, ['TEXT', 'IMAGE']);
        assert.equal(haiku?.responseStreamingSupported, true);
        assert.equal(haiku?.modelLifecycle?.status, 'ACTIVE');
        const variant = all.modelSummaries?.find((m) => m.modelId === `${HAIKU}:200k`);
        assert.deepEqual(variant?.inferenceTypesSupported, ['PROVISIONED']);

        const anthropic = await h.bedrock.send(
            new ListFoundationModelsCommand({ byProvider: 'anthropic' }),
        );
        assert.ok((anthropic.modelSummaries ?? []).every((m) => m.providerName === 'Anthropic'));
        const embeddings = await h.bedrock.send(
            new ListFoundationModelsCommand({ byOutputModality: 'EMBEDDING' }),
        );
        assert.ok(
            embeddings.modelSummaries?.some((m) => m.modelId === 'amazon.titan-embed-text-v2:0'),
        );
        assert.ok(
            (embeddings.modelSummaries ?? []).every((m) =>
                m.outputModalities?.includes('EMBEDDING'),
            ),
        );
        const provisioned = await h.bedrock.send(
            new ListFoundationModelsCommand({ byInferenceType: 'PROVISIONED' }),
        );
        assert.ok(
            (provisioned.modelSummaries ?? []).every((m) =>
                m.inferenceTypesSupported?.includes('PROVISIONED'),
            ),
        );
        const tunable = await h.bedrock.send(
            new ListFoundationModelsCommand({ byCustomizationType: 'FINE_TUNING' }),
        );
        assert.ok((tunable.modelSummaries?.length ?? 0) > 0);

        const west = h.bedrockIn('us-west-2');
        const westIds = (await west.send(new ListFoundationModelsCommand({}))).modelSummaries?.map(
            (m) => m.modelId,
        );
        assert.ok(westIds?.includes('mistral.mistral-large-2407-v1:0'));
        assert.ok(!ids.includes('mistral.mistral-large-2407-v1:0'));
        const nowhere = h.bedrockIn('xx-nowhere-1');
        assert.deepEqual(
            (await nowhere.send(new ListFoundationModelsCommand({}))).modelSummaries,
            [],
        );
        for (const region of ['eu-west-1', 'eu-central-1', 'ap-northeast-1']) {
            const client: BedrockClient = h.bedrockIn(region);
            const models = await client.send(new ListFoundationModelsCommand({}));
            assert.ok((models.modelSummaries?.length ?? 0) > 10, region);
        }
    });

    it('gets one foundation model by id or ARN, and 404s an unknown one', async () => {
        const byId = await h.bedrock.send(
            new GetFoundationModelCommand({ modelIdentifier: 'amazon.nova-pro-v1:0' }),
        );
        assert.equal(byId.modelDetails?.modelName, 'Nova Pro');
        const byArn = await h.bedrock.send(
            new GetFoundationModelCommand({
                modelIdentifier: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0',
            }),
        );
        assert.deepEqual(byArn.modelDetails, byId.modelDetails);
        await assert.rejects(
            h.bedrock.send(new GetFoundationModelCommand({ modelIdentifier: 'acme.nothing-v1:0' })),
            (err: Error) => err.name === 'ResourceNotFoundException',
        );
    });

    it('lists system and application inference profiles with type filter and paging', async () => {
        h.service.createApplicationProfile({
            name: 'cost-centre',
            copyFrom: `arn:aws:bedrock:us-east-1::foundation-model/${HAIKU}`,
        });
        const system = await h.bedrock.send(
            new ListInferenceProfilesCommand({ typeEquals: 'SYSTEM_DEFINED' }),
        );
        const profile = system.inferenceProfileSummaries?.find(
            (p) => p.inferenceProfileId === `us.${HAIKU}`,
        );
        assert.equal(profile?.inferenceProfileName, 'US Anthropic Claude 3 Haiku');
        assert.equal(profile?.type, 'SYSTEM_DEFINED');
        assert.deepEqual(
            profile?.models?.map((m) => m.modelArn),
            [
                `arn:aws:bedrock:us-east-1::foundation-model/${HAIKU}`,
                `arn:aws:bedrock:us-east-2::foundation-model/${HAIKU}`,
                `arn:aws:bedrock:us-west-2::foundation-model/${HAIKU}`,
            ],
        );
        assert.ok(
            system.inferenceProfileSummaries?.some((p) =>
                p.inferenceProfileId?.startsWith('global.'),
            ),
        );
        assert.ok(
            !system.inferenceProfileSummaries?.some((p) => p.inferenceProfileId?.startsWith('eu.')),
        );
        const application = await h.bedrock.send(
            new ListInferenceProfilesCommand({ typeEquals: 'APPLICATION' }),
        );
        assert.equal(application.inferenceProfileSummaries?.length, 1);
        assert.equal(
            application.inferenceProfileSummaries?.[0]?.inferenceProfileName,
            'cost-centre',
        );

        let pages = 0;
        let total = 0;
        for await (const page of paginateListInferenceProfiles(
            { client: h.bedrock, pageSize: 5 },
            {},
        )) {
            pages += 1;
            total += page.inferenceProfileSummaries?.length ?? 0;
        }
        assert.equal(total, (system.inferenceProfileSummaries?.length ?? 0) + 1);
        assert.equal(pages, Math.ceil(total / 5));

        const got = await h.bedrock.send(
            new GetInferenceProfileCommand({ inferenceProfileIdentifier: `us.${HAIKU}` }),
        );
        assert.equal(
            got.inferenceProfileArn,
            `arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.${HAIKU}`,
        );
        const eu = h.bedrockIn('eu-west-1');
        const euProfiles = await eu.send(new ListInferenceProfilesCommand({}));
        assert.ok(
            euProfiles.inferenceProfileSummaries?.every(
                (p) => !p.inferenceProfileId?.startsWith('us.'),
            ),
        );
        await assert.rejects(
            h.bedrock.send(
                new GetInferenceProfileCommand({ inferenceProfileIdentifier: 'us.acme.none-v1:0' }),
            ),
            (err: Error) => err.name === 'ResourceNotFoundException',
        );
    });
    it('renders injected throttling and server errors so the SDK names them', async () => {
        h.aws.faults.throttle('bedrock', 'ListModelInvocationJobs');
        h.aws.faults.add({
            kind: 'serverError',
            service: 'bedrock',
            operation: 'GetFoundationModel',
        });
        await assert.rejects(
            h.bedrock.send(new ListModelInvocationJobsCommand({})),
            (err: Error & { $metadata: { httpStatusCode?: number } }) =>
                err.name === 'ThrottlingException' && err.$metadata.httpStatusCode === 429,
        );
        await assert.rejects(
            h.bedrock.send(new GetFoundationModelCommand({ modelIdentifier: HAIKU })),
            (err: Error & { $metadata: { httpStatusCode?: number } }) =>
                err.name === 'InternalServerException' && err.$metadata.httpStatusCode === 500,
        );
        const after = await h.bedrock.send(new ListModelInvocationJobsCommand({}));
        assert.deepEqual(after.invocationJobSummaries, []);
    });
});

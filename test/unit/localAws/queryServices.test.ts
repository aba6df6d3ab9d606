import * as assert from 'node:assert/strict';
import {
    CreateRoleCommand,
    GetRoleCommand,
    GetRolePolicyCommand,
    IAMClient,
    ListRolePoliciesCommand,
    ListRolesCommand,
    PutRolePolicyCommand,
    paginateListRoles,
} from '@aws-sdk/client-iam';
import {
    CreateTopicCommand,
    DeleteTopicCommand,
    ListTopicsCommand,
    PublishCommand,
    SNSClient,
    paginateListTopics,
} from '@aws-sdk/client-sns';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { STSClient } from '@aws-sdk/client-sts';
import { startLocalAws } from '../../../src/localAws/index';
import type { LocalAws } from '../../../src/localAws/index';
import { clientConfig, rejection, stsClient } from './helpers';

interface TrustPolicy {
    Statement: Array<{ Principal?: { Service?: string } }>;
}

function trustedServices(encoded: string | undefined): string[] {
    const policy = JSON.parse(decodeURIComponent(encoded ?? '')) as TrustPolicy;
    return policy.Statement.map((s) => s.Principal?.Service ?? '');
}

describe('local AWS endpoint: STS, IAM and SNS', function () {
    this.timeout(20000);
    let local: LocalAws;
    let sts: STSClient;
    let iam: IAMClient;
    let sns: SNSClient;

    before(async () => {
        local = await startLocalAws({ modules: ['sts', 'iam', 'sns'] });
        sts = stsClient(local);
        iam = new IAMClient(clientConfig(local));
        sns = new SNSClient(clientConfig(local));
    });
    after(async () => {
        sts.destroy();
        iam.destroy();
        sns.destroy();
        await local.stop();
    });

    describe('STS', () => {
        it('tells who the caller is', async () => {
            const who = await sts.send(new GetCallerIdentityCommand({}));
            assert.equal(who.Account, '123456789012');
            assert.equal(who.Arn, 'arn:aws:iam::123456789012:user/local-user');
            assert.match(who.UserId ?? '', /^AIDA/);
        });

        it('hands out role credentials the endpoint accepts as the assumed role', async () => {
            const assumed = await sts.send(
                new AssumeRoleCommand({
                    RoleArn: 'arn:aws:iam::123456789012:role/service-role/BedrockBatchServiceRole',
                    RoleSessionName: 'tests',
                }),
            );
            const client = stsClient(local, {
                credentials: {
                    accessKeyId: assumed.Credentials?.AccessKeyId ?? '',
                    secretAccessKey: assumed.Credentials?.SecretAccessKey ?? '',
                    sessionToken: assumed.Credentials?.SessionToken ?? '',
                },
            });
            const who = await client.send(new GetCallerIdentityCommand({}));
            assert.equal(
                who.Arn,
                'arn:aws:sts::123456789012:assumed-role/BedrockBatchServiceRole/tests',
            );
            client.destroy();
        });
    });

    describe('IAM', () => {
        it('lists the seeded roles, one trusting Bedrock and one not', async () => {
            const roles = (await iam.send(new ListRolesCommand({}))).Roles ?? [];
            const byName = new Map(roles.map((r) => [r.RoleName, r]));
            const bedrockRole = byName.get('BedrockBatchServiceRole');
            assert.equal(
                bedrockRole?.Arn,
                'arn:aws:iam::123456789012:role/service-role/BedrockBatchServiceRole',
            );
            assert.deepEqual(trustedServices(bedrockRole?.AssumeRolePolicyDocument), [
                'bedrock.amazonaws.com',
            ]);
            assert.deepEqual(
                trustedServices(byName.get('LambdaBasicExecutionRole')?.AssumeRolePolicyDocument),
                ['lambda.amazonaws.com'],
            );
        });

        it('filters by path prefix and pages with Marker', async () => {
            const scoped = await iam.send(new ListRolesCommand({ PathPrefix: '/service-role/' }));
            assert.deepEqual(
                scoped.Roles?.map((r) => r.RoleName),
                ['BedrockBatchServiceRole'],
            );
            for (let i = 0; i < 4; i++) {
                await iam.send(
                    new CreateRoleCommand({
                        RoleName: `paged-${i}`,
                        AssumeRolePolicyDocument: JSON.stringify({
                            Version: '2012-10-17',
                            Statement: [],
                        }),
                    }),
                );
            }
            const pages = [];
            for await (const page of paginateListRoles({ client: iam, pageSize: 2 }, {})) {
                pages.push(page);
            }
            assert.equal(pages.length, 3);
            assert.equal(pages.flatMap((p) => p.Roles ?? []).length, 6);
            assert.equal(pages.at(-1)?.IsTruncated, false);
            assert.equal(pages.at(-1)?.Marker, undefined);
        });

        it('creates a role and returns its trust policy URL-encoded, as IAM does', async () => {
            const document = JSON.stringify({
                Version: '2012-10-17',
                Statement: [
                    {
                        Effect: 'Allow',
                        Principal: { Service: 'bedrock.amazonaws.com' },
                        Action: 'sts:AssumeRole',
                    },
                ],
            });
            const created = await iam.send(
                new CreateRoleCommand({
                    RoleName: 'MyBatchRole',
                    AssumeRolePolicyDocument: document,
                    Description: 'mine',
                }),
            );
            assert.equal(created.Role?.Arn, 'arn:aws:iam::123456789012:role/MyBatchRole');
            assert.equal(created.Role?.AssumeRolePolicyDocument, encodeURIComponent(document));
            const got = await iam.send(new GetRoleCommand({ RoleName: 'MyBatchRole' }));
            assert.equal(got.Role?.Description, 'mine');
            const again = await rejection(
                iam.send(
                    new CreateRoleCommand({
                        RoleName: 'MyBatchRole',
                        AssumeRolePolicyDocument: document,
                    }),
                ),
            );
            assert.equal(again.name, 'EntityAlreadyExistsException');
        });

        it('stores inline role policies', async () => {
            const policy = JSON.stringify({
                Version: '2012-10-17',
                Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
            });
            await iam.send(
                new PutRolePolicyCommand({
                    RoleName: 'MyBatchRole',
                    PolicyName: 'read',
                    PolicyDocument: policy,
                }),
            );
            const got = await iam.send(
                new GetRolePolicyCommand({ RoleName: 'MyBatchRole', PolicyName: 'read' }),
            );
            assert.equal(decodeURIComponent(got.PolicyDocument ?? ''), policy);
            const names = await iam.send(new ListRolePoliciesCommand({ RoleName: 'MyBatchRole' }));
            assert.deepEqual(names.PolicyNames, ['read']);
        });

        it('answers NoSuchEntity for unknown roles and policies', async () => {
            assert.equal(
                (await rejection(iam.send(new GetRoleCommand({ RoleName: 'Nobody' })))).name,
                'NoSuchEntityException',
            );
            const missing = await rejection(
                iam.send(new GetRolePolicyCommand({ RoleName: 'MyBatchRole', PolicyName: 'none' })),
            );
            assert.equal(missing.name, 'NoSuchEntityException');
            assert.equal(missing.$metadata?.httpStatusCode, 404);
        });
    });

    describe('SNS', () => {
        it('has the batch-alerts topic and creates topics idempotently', async () => {
            const first = await sns.send(new CreateTopicCommand({ Name: 'job-events' }));
            const second = await sns.send(new CreateTopicCommand({ Name: 'job-events' }));
            assert.equal(first.TopicArn, 'arn:aws:sns:us-east-1:123456789012:job-events');
            assert.equal(second.TopicArn, first.TopicArn);
            const topics = (await sns.send(new ListTopicsCommand({}))).Topics?.map(
                (t) => t.TopicArn,
            );
            assert.ok(topics?.includes('arn:aws:sns:us-east-1:123456789012:batch-alerts'));
        });

        it('pages ListTopics 100 at a time', async () => {
            for (let i = 0; i < 120; i++) {
                await sns.send(new CreateTopicCommand({ Name: `bulk-${i}` }));
            }
            const pages = [];
            for await (const page of paginateListTopics({ client: sns }, {})) {
                pages.push(page);
            }
            assert.deepEqual(
                pages.map((p) => p.Topics?.length),
                [100, 22],
            );
            assert.equal(pages.at(-1)?.NextToken, undefined);
        });

        it('records published messages for tests to read', async () => {
            const topicArn = 'arn:aws:sns:us-east-1:123456789012:batch-alerts';
            const published = await sns.send(
                new PublishCommand({
                    TopicArn: topicArn,
                    Subject: 'Batch job finished',
                    Message: '{"status":"Completed"}',
                    MessageAttributes: { jobId: { DataType: 'String', StringValue: 'abc123' } },
                }),
            );
            const recorded = local.snsMessages(topicArn).at(-1);
            assert.equal(recorded?.messageId, published.MessageId);
            assert.equal(recorded?.subject, 'Batch job finished');
            assert.deepEqual(recorded?.attributes, {
                jobId: { dataType: 'String', value: 'abc123' },
            });
        });

        it('deletes topics and refuses publishing to them with NotFound', async () => {
            const topicArn = 'arn:aws:sns:us-east-1:123456789012:job-events';
            await sns.send(new DeleteTopicCommand({ TopicArn: topicArn }));
            const error = await rejection(
                sns.send(new PublishCommand({ TopicArn: topicArn, Message: 'late' })),
            );
            assert.equal(error.name, 'NotFoundException');
            assert.equal(error.$metadata?.httpStatusCode, 404);
        });
    });
});

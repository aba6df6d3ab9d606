import * as assert from 'node:assert/strict';
import { HeadBucketCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import { GetRoleCommand, GetRolePolicyCommand, IAMClient } from '@aws-sdk/client-iam';
import { startLocalAws, type LocalAws } from '../../../src/localAws';
import { sandboxBucket, sandboxRoleName, seedSandbox } from '../../../src/sandbox/seed';
import { trustsBedrock } from '../../../src/submit/serviceRole';
import { clientConfig, s3Client } from '../localAws/helpers';

describe('sandbox seeding', () => {
    let local: LocalAws;

    beforeEach(async () => {
        local = await startLocalAws({ clock: { kind: 'manual' } });
    });

    afterEach(async () => {
        await local.stop();
    });

    it('creates the bucket the submit wizard offers, in the sandbox region', async () => {
        const seeded = await seedSandbox(local);
        assert.equal(seeded.bucket, 'bedrock-batch-sandbox');
        const s3 = s3Client(local);
        try {
            await s3.send(new HeadBucketCommand({ Bucket: sandboxBucket }));
            const listed = await s3.send(new ListBucketsCommand({}));
            assert.deepEqual(listed.Buckets?.map((b) => b.Name), [sandboxBucket]);
        } finally {
            s3.destroy();
        }
    });

    it('holds BedrockBatchServiceRole, trusting Bedrock, with S3 access', async () => {
        const seeded = await seedSandbox(local);
        assert.equal(
            seeded.roleArn,
            'arn:aws:iam::123456789012:role/service-role/BedrockBatchServiceRole',
        );
        const iam = new IAMClient(clientConfig(local));
        try {
            const role = await iam.send(new GetRoleCommand({ RoleName: sandboxRoleName }));
            assert.equal(role.Role?.Arn, seeded.roleArn);
            assert.ok(trustsBedrock(role.Role?.AssumeRolePolicyDocument));
            const policy = await iam.send(new GetRolePolicyCommand({
                RoleName: sandboxRoleName,
                PolicyName: 'BedrockBatchS3Access',
            }));
            const document = decodeURIComponent(policy.PolicyDocument ?? '');
            for (const action of ['s3:GetObject', 's3:ListBucket', 's3:PutObject']) {
                assert.ok(document.includes(action), action);
            }
        } finally {
            iam.destroy();
        }
    });

    it('creates the role, limited to the sandbox bucket, when IAM has none', async () => {
        const roles = local.iamRoles();
        assert.ok(roles);
        for (const policy of roles.get(sandboxRoleName).inlinePolicies.keys()) {
            roles.deletePolicy(sandboxRoleName, policy);
        }
        roles.delete(sandboxRoleName);
        const seeded = await seedSandbox(local);
        const role = roles.get(sandboxRoleName);
        assert.equal(seeded.roleArn, role.arn);
        assert.ok(trustsBedrock(role.assumeRolePolicyDocument));
        const policy = roles.getPolicy(sandboxRoleName, 'BedrockBatchS3Access');
        assert.ok(policy.includes(`arn:aws:s3:::${sandboxBucket}/*`));
        assert.ok(!policy.includes('arn:aws:s3:::*'));
    });

    it('can run again on a seeded endpoint and keeps what is there', async () => {
        const first = await seedSandbox(local);
        await local.s3.putObject(sandboxBucket, 'kept.jsonl', '{}\n');
        const second = await seedSandbox(local);
        assert.deepEqual(second, first);
        assert.equal(await local.s3.readText(sandboxBucket, 'kept.jsonl'), '{}\n');
    });
});

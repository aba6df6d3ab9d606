import * as assert from 'node:assert/strict';
import { CreateModelInvocationJobCommand } from '@aws-sdk/client-bedrock';
import { startLocalAws } from '../../../../src/localAws';
import type { LocalAws, ManualClock } from '../../../../src/localAws';
import type { BedrockService } from '../../../../src/localAws/bedrock';
import { trustPolicyFor } from '../../../../src/localAws/iam/roleStore';
import { trustsBedrock } from '../../../../src/localAws/bedrock/simulator/serviceRole';
import { MINUTE, START_MS, claudeRecords, jobRequest, readObject, startHarness } from './harness';
import type { Harness } from './harness';

const ACCOUNT = '123456789012';

describe('local Bedrock: the service role a job names', function () {
    this.timeout(20_000);

    describe('with the endpoint serving IAM', () => {
        let h: Harness;

        beforeEach(async () => {
            h = await startHarness();
            await h.aws.s3.createBucket('batch-in');
            await h.aws.s3.createBucket('batch-out');
            await h.aws.s3.putObject('batch-in', 'records.jsonl', claudeRecords(100));
        });

        afterEach(async () => {
            await h.stop();
        });

        async function submitWith(roleArn: string): Promise<string> {
            const out = await h.bedrock.send(
                new CreateModelInvocationJobCommand(jobRequest({ roleArn }) as never),
            );
            assert.ok(out.jobArn, 'CreateModelInvocationJob accepts the job');
            return out.jobArn;
        }

        it('accepts a job whose role does not exist, then fails it in validation', async () => {
            const roleArn = `arn:aws:iam::${ACCOUNT}:role/NoSuchBatchRole`;
            const jobArn = await submitWith(roleArn);
            assert.equal((await h.service.describeJob(jobArn))['status'], 'Submitted');
            await h.advance(30_000);
            assert.equal((await h.service.describeJob(jobArn))['status'], 'Validating');
            await h.advance(MINUTE);
            const job = await h.service.describeJob(jobArn);
            assert.equal(job['status'], 'Failed');
            assert.equal(
                job['message'],
                `Bedrock could not assume the service role ${roleArn}: no role of that name ` +
                    `exists in account ${ACCOUNT}. Check the role ARN, or create the role with ` +
                    'a trust policy that allows bedrock.amazonaws.com to call sts:AssumeRole.',
            );
            assert.equal(job['totalRecordCount'], 0, 'the input was never read');
            assert.deepEqual(await h.aws.s3.listKeys('batch-out', ''), []);
        });

        it('fails a job whose role exists in another account only', async () => {
            const roleArn = 'arn:aws:iam::210987654321:role/service-role/BedrockBatchServiceRole';
            const jobArn = await submitWith(roleArn);
            await h.advance(2 * MINUTE);
            const job = await h.service.describeJob(jobArn);
            assert.equal(job['status'], 'Failed');
            assert.match(String(job['message']), /no role of that name exists in account 2109/);
        });

        it('fails a job whose role does not trust Bedrock', async () => {
            const roleArn = `arn:aws:iam::${ACCOUNT}:role/LambdaBasicExecutionRole`;
            const jobArn = await submitWith(roleArn);
            await h.advance(2 * MINUTE);
            const job = await h.service.describeJob(jobArn);
            assert.equal(job['status'], 'Failed');
            assert.equal(
                job['message'],
                `Bedrock could not assume the service role ${roleArn}: its trust policy does ` +
                    'not allow the service principal bedrock.amazonaws.com to call ' +
                    'sts:AssumeRole.',
            );
        });

        it('runs a job whose role was created in IAM, named with or without its path', async () => {
            h.aws.iamRoles()?.create({
                roleName: 'TeamBatchRole',
                path: '/batch/',
                assumeRolePolicyDocument: trustPolicyFor('bedrock.amazonaws.com'),
            });
            const withPath = await submitWith(`arn:aws:iam::${ACCOUNT}:role/batch/TeamBatchRole`);
            const bare = await submitWith(`arn:aws:iam::${ACCOUNT}:role/TeamBatchRole`);
            await h.advance(10 * MINUTE);
            for (const jobArn of [withPath, bare]) {
                const job = await h.service.describeJob(jobArn);
                assert.equal(job['status'], 'Completed', String(job['message']));
                assert.equal(job['processedRecordCount'], 100);
            }
            const manifest = await readObject(
                h.aws,
                'batch-out',
                `results/${withPath.slice(-12)}/manifest.json.out`,
            );
            assert.ok(manifest !== undefined);
        });

        it('takes the role as given when a test forces the job past validation', async () => {
            const jobArn = await submitWith(`arn:aws:iam::${ACCOUNT}:role/MadeUpForTests`);
            const forced = await h.service.forceStatus(jobArn, 'InProgress');
            assert.equal(forced['status'], 'InProgress');
        });
    });

    describe('with the Bedrock module served without IAM', () => {
        let aws: LocalAws<ManualClock>;

        before(async () => {
            aws = await startLocalAws({
                clock: { kind: 'manual', startMs: START_MS },
                modules: ['s3', 'bedrock'],
            });
            await aws.s3.createBucket('batch-in');
            await aws.s3.createBucket('batch-out');
            await aws.s3.putObject('batch-in', 'records.jsonl', claudeRecords(100));
        });

        after(async () => {
            await aws.stop();
        });

        it('does not check the role', async () => {
            const service = aws.state('bedrock') as BedrockService;
            const { jobArn } = await service.createJob(
                jobRequest({ roleArn: `arn:aws:iam::${ACCOUNT}:role/NotInAnyIam` }),
            );
            aws.clock.advance(10 * MINUTE);
            await service.tick();
            assert.equal((await service.describeJob(jobArn))['status'], 'Completed');
        });
    });

    describe('trust policies', () => {
        const policy = (statement: unknown): string =>
            JSON.stringify({ Version: '2012-10-17', Statement: statement });
        const bedrock = { Service: 'bedrock.amazonaws.com' };

        it('trust Bedrock through an Allow statement naming its service principal', () => {
            assert.equal(trustsBedrock(trustPolicyFor('bedrock.amazonaws.com')), true);
            assert.equal(
                trustsBedrock(
                    policy({
                        Effect: 'Allow',
                        Principal: { Service: ['lambda.amazonaws.com', 'bedrock.amazonaws.com'] },
                        Action: ['sts:AssumeRole'],
                        Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } },
                    }),
                ),
                true,
            );
        });

        it('do not when the principal, the action or the effect is another', () => {
            assert.equal(trustsBedrock(trustPolicyFor('lambda.amazonaws.com')), false);
            assert.equal(
                trustsBedrock(
                    policy([{ Effect: 'Allow', Principal: bedrock, Action: 'sts:TagSession' }]),
                ),
                false,
            );
            assert.equal(
                trustsBedrock(
                    policy([
                        { Effect: 'Allow', Principal: bedrock, Action: 'sts:AssumeRole' },
                        { Effect: 'Deny', Principal: bedrock, Action: 'sts:*' },
                    ]),
                ),
                false,
            );
            assert.equal(trustsBedrock('not json'), false);
        });
    });
});

import * as assert from 'node:assert/strict';
import {
    bedrockTrustPolicy,
    partitionOf,
    roleArn,
    roleNameProblem,
    s3AccessPolicy,
    trustsBedrock,
} from '../../../src/submit/serviceRole';

const trust = (statement: unknown): string =>
    encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: statement }));

describe('service role', () => {
    it('recognises roles that trust Bedrock, as IAM returns them (URL-encoded)', () => {
        assert.equal(
            trustsBedrock(
                trust([
                    {
                        Effect: 'Allow',
                        Principal: { Service: 'bedrock.amazonaws.com' },
                        Action: 'sts:AssumeRole',
                    },
                ]),
            ),
            true,
        );
        assert.equal(
            trustsBedrock(
                trust({
                    Effect: 'Allow',
                    Principal: { Service: ['lambda.amazonaws.com', 'bedrock.amazonaws.com'] },
                    Action: ['sts:AssumeRole'],
                }),
            ),
            true,
        );
        assert.equal(trustsBedrock(bedrockTrustPolicy('aws', '123456789012', 'us-east-1')), true);
    });

    it('ignores roles for other services, denials and broken documents', () => {
        assert.equal(
            trustsBedrock(
                trust([
                    {
                        Effect: 'Allow',
                        Principal: { Service: 'lambda.amazonaws.com' },
                        Action: 'sts:AssumeRole',
                    },
                ]),
            ),
            false,
        );
        assert.equal(
            trustsBedrock(
                trust([
                    {
                        Effect: 'Deny',
                        Principal: { Service: 'bedrock.amazonaws.com' },
                        Action: 'sts:AssumeRole',
                    },
                ]),
            ),
            false,
        );
        assert.equal(
            trustsBedrock(
                trust([
                    {
                        Effect: 'Allow',
                        Principal: { Service: 'bedrock.amazonaws.com' },
                        Action: 'sts:TagSession',
                    },
                ]),
            ),
            false,
        );
        assert.equal(trustsBedrock('%7Bnot json'), false);
        assert.equal(trustsBedrock(undefined), false);
    });

    it('writes the documented trust policy for the account and region', () => {
        const policy = JSON.parse(bedrockTrustPolicy('aws', '123456789012', 'eu-west-1')) as {
            Statement: {
                Principal: unknown;
                Action: string;
                Condition: Record<string, Record<string, string>>;
            }[];
        };
        const [statement] = policy.Statement;
        assert.deepEqual(statement?.Principal, { Service: 'bedrock.amazonaws.com' });
        assert.equal(statement?.Action, 'sts:AssumeRole');
        assert.equal(statement?.Condition['StringEquals']?.['aws:SourceAccount'], '123456789012');
        assert.equal(
            statement?.Condition['ArnEquals']?.['aws:SourceArn'],
            'arn:aws:bedrock:eu-west-1:123456789012:model-invocation-job/*',
        );
    });

    it('grants read on the input bucket and write on the output bucket', () => {
        const policy = JSON.parse(
            s3AccessPolicy('aws', '123456789012', { inputBucket: 'in', outputBucket: 'out' }),
        ) as {
            Statement: { Action: string[]; Resource: string[] }[];
        };
        const [read, write] = policy.Statement;
        assert.deepEqual(read?.Action, ['s3:GetObject', 's3:ListBucket']);
        assert.ok(read?.Resource.includes('arn:aws:s3:::in/*'));
        assert.deepEqual(write?.Action, ['s3:PutObject']);
        assert.deepEqual(write?.Resource, ['arn:aws:s3:::out/*']);
    });

    it('reads the partition and checks role names', () => {
        assert.equal(partitionOf('arn:aws-cn:iam::123456789012:user/x'), 'aws-cn');
        assert.equal(partitionOf(undefined), 'aws');
        assert.equal(roleArn('aws', '123456789012', 'R'), 'arn:aws:iam::123456789012:role/R');
        assert.equal(roleNameProblem('BedrockBatch-20240307-154501'), undefined);
        assert.notEqual(roleNameProblem('bad name'), undefined);
        assert.notEqual(roleNameProblem('x'.repeat(65)), undefined);
    });
});

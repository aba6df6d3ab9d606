import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
    CLIENT_REQUEST_TOKEN_PATTERN,
    formatTags,
    isContextLengthVariant,
    kmsKeyProblem,
    modelIdProblem,
    newClientRequestToken,
    parseTags,
    roleArnProblem,
    securityGroupIdsProblem,
    subnetIdsProblem,
    timeoutProblem,
} from '../../../src/submit/jobFields';

describe('job fields', () => {
    it('makes request tokens the API accepts (no underscores)', () => {
        for (let i = 0; i < 50; i++) {
            const token = newClientRequestToken(randomUUID);
            assert.match(token, CLIENT_REQUEST_TOKEN_PATTERN);
            assert.ok(!token.includes('_'));
        }
        assert.throws(() => newClientRequestToken(() => 'bad_token'), /does not match/);
    });

    it('accepts role ARNs and explains a user ARN', () => {
        assert.equal(roleArnProblem('arn:aws:iam::123456789012:role/BedrockBatch'), undefined);
        assert.equal(roleArnProblem('arn:aws-cn:iam::123456789012:role/path/R'), undefined);
        assert.match(roleArnProblem('arn:aws:iam::123456789012:user/dev') ?? '', /user ARN/);
        assert.match(roleArnProblem('BedrockBatch') ?? '', /Enter an IAM role ARN/);
    });

    it('accepts the model id forms batch takes and refuses the others', () => {
        for (const id of [
            'anthropic.claude-3-haiku-20240307-v1:0',
            'us.anthropic.claude-3-5-haiku-20241022-v1:0',
            'global.anthropic.claude-sonnet-4-5-20250929-v1:0',
            'amazon.titan-embed-text-v2:0',
            'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0',
            'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123',
        ]) {
            assert.equal(modelIdProblem(id), undefined, id);
        }
        assert.match(
            modelIdProblem('anthropic.claude-3-haiku-20240307-v1:0:200k') ?? '',
            /context-length variant/,
        );
        assert.notEqual(
            modelIdProblem('arn:aws:bedrock:us-east-1:123456789012:provisioned-model/x'),
            undefined,
        );
        assert.notEqual(modelIdProblem('claude haiku'), undefined);
        assert.equal(isContextLengthVariant('amazon.nova-pro-v1:0:300k'), true);
        assert.equal(isContextLengthVariant('amazon.nova-pro-v1:0'), false);
    });

    it('keeps the timeout within 24 to 168 whole hours', () => {
        assert.equal(timeoutProblem('24'), undefined);
        assert.equal(timeoutProblem(' 168 '), undefined);
        for (const bad of ['23', '169', '24.5', '', 'a day']) {
            assert.match(timeoutProblem(bad) ?? '', /24 to 168/, bad);
        }
    });

    it('checks KMS keys, subnets and security groups', () => {
        assert.equal(kmsKeyProblem(''), undefined);
        assert.equal(kmsKeyProblem('alias/batch-output'), undefined);
        assert.equal(kmsKeyProblem('1234abcd-12ab-34cd-56ef-1234567890ab'), undefined);
        assert.equal(
            kmsKeyProblem(
                'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
            ),
            undefined,
        );
        assert.notEqual(kmsKeyProblem('my key'), undefined);
        assert.equal(subnetIdsProblem('subnet-1, subnet-2'), undefined);
        assert.match(
            subnetIdsProblem(Array.from({ length: 17 }, (_, i) => `subnet-${i}`).join(',')) ?? '',
            /16/,
        );
        assert.match(securityGroupIdsProblem('sg-1 sg-2 sg-3 sg-4 sg-5 sg-6') ?? '', /5/);
        assert.match(securityGroupIdsProblem('sg_1') ?? '', /not a security group id/);
    });

    it('parses tags and says what is wrong with bad ones', () => {
        assert.deepEqual(parseTags('team=ml, project = qa eval , flag'), {
            tags: [
                { key: 'team', value: 'ml' },
                { key: 'project', value: 'qa eval' },
                { key: 'flag', value: '' },
            ],
        });
        assert.deepEqual(parseTags('expr=a=b'), { tags: [{ key: 'expr', value: 'a=b' }] });
        assert.match((parseTags('a=1, a=2') as { problem: string }).problem, /appears twice/);
        assert.match((parseTags('a=x;y') as { problem: string }).problem, /letters, digits/);
        assert.equal(
            formatTags([
                { key: 'team', value: 'ml' },
                { key: 'flag', value: '' },
            ]),
            'team=ml, flag',
        );
    });
});

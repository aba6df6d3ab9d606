import * as assert from 'node:assert/strict';
import {
    buildCreateRequest,
    inputUri,
    outputUri,
    parsePreset,
    type JobSettings,
} from '../../../src/submit/jobSettings';
import { S3_URI_PATTERN } from '../../../src/submit/s3Paths';

const settings: JobSettings = {
    region: 'us-east-1',
    modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
    invocationType: 'InvokeModel',
    roleArn: 'arn:aws:iam::123456789012:role/BedrockBatch',
    bucket: 'my-bucket',
    prefix: 'bedrock-batch/input',
    outputPrefix: 'bedrock-batch/output',
    jobName: 'calls-20240307-154501',
    timeoutHours: 24,
    tags: [],
};

describe('buildCreateRequest', () => {
    it('fills every required field from the settings', () => {
        const request = buildCreateRequest(
            settings,
            { bucket: 'my-bucket', key: 'bedrock-batch/input/calls.jsonl', folder: false },
            'tok-1',
        );
        assert.deepEqual(request, {
            jobName: 'calls-20240307-154501',
            roleArn: 'arn:aws:iam::123456789012:role/BedrockBatch',
            clientRequestToken: 'tok-1',
            modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
            inputDataConfig: {
                s3InputDataConfig: {
                    s3Uri: 's3://my-bucket/bedrock-batch/input/calls.jsonl',
                    s3InputFormat: 'JSONL',
                },
            },
            outputDataConfig: {
                s3OutputDataConfig: { s3Uri: 's3://my-bucket/bedrock-batch/output/' },
            },
            timeoutDurationInHours: 24,
        });
    });

    it('adds the optional fields only when they are set', () => {
        const request = buildCreateRequest(
            {
                ...settings,
                invocationType: 'Converse',
                tags: [{ key: 'team', value: 'ml' }],
                kmsKeyId: 'alias/out',
                vpc: { subnetIds: ['subnet-1'], securityGroupIds: ['sg-1'] },
            },
            { bucket: 'my-bucket', key: 'in/job', folder: true },
            'tok-2',
        );
        assert.equal(request.modelInvocationType, 'Converse');
        assert.deepEqual(request.tags, [{ key: 'team', value: 'ml' }]);
        assert.equal(request.outputDataConfig?.s3OutputDataConfig?.s3EncryptionKeyId, 'alias/out');
        assert.deepEqual(request.vpcConfig, {
            subnetIds: ['subnet-1'],
            securityGroupIds: ['sg-1'],
        });
        assert.equal(request.inputDataConfig?.s3InputDataConfig?.s3Uri, 's3://my-bucket/in/job/');
    });

    it('produces URIs that match the API pattern, also for an empty prefix', () => {
        assert.match(inputUri({ bucket: 'b-1', key: 'f.jsonl', folder: false }), S3_URI_PATTERN);
        assert.match(outputUri({ ...settings, outputPrefix: '' }), S3_URI_PATTERN);
    });
});

describe('parsePreset', () => {
    it('keeps well-typed answers and drops the rest', () => {
        const preset = parsePreset({
            region: 'us-west-2',
            modelId: ' us.anthropic.claude-3-5-haiku-20241022-v1:0 ',
            invocationType: 'Chat',
            timeoutHours: '48',
            skipConfirm: true,
            acceptWarnings: 'yes',
            tags: [{ key: 'a', value: 'b' }, { value: 'no key' }],
            vpc: { subnetIds: ['subnet-1'], securityGroupIds: ['sg-1'] },
            onConflict: 'newKey',
        });
        assert.deepEqual(preset, {
            region: 'us-west-2',
            modelId: 'us.anthropic.claude-3-5-haiku-20241022-v1:0',
            skipConfirm: true,
            tags: [{ key: 'a', value: 'b' }],
            vpc: { subnetIds: ['subnet-1'], securityGroupIds: ['sg-1'] },
            onConflict: 'newKey',
        });
    });

    it('is empty for an empty object and undefined for non-objects', () => {
        assert.deepEqual(parsePreset({}), {});
        assert.equal(parsePreset([1]), undefined);
        assert.equal(parsePreset('x'), undefined);
    });
});

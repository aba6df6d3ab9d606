import * as assert from 'node:assert/strict';
import type { GetModelInvocationJobResponse } from '@aws-sdk/client-bedrock';
import type * as vscode from 'vscode';
import {
    applyPrefill,
    fromJobArgument,
    prefillFromJob,
    regionOfJobArn,
    retriedJob,
} from '../../../src/submit/jobPrefill';
import type { SubmittedJob } from '../../../src/submit/submissionHistory';
import { initialState } from '../../../src/submit/wizard/wizardState';

const arn = 'arn:aws:bedrock:us-west-2:123456789012:model-invocation-job/abcd1234efgh';

function submitted(n: number, files: string[]): SubmittedJob {
    return {
        jobArn: arn.replace('abcd1234efgh', `job${String(n).padStart(9, '0')}`),
        region: 'us-west-2',
        files,
        submittedAt: 1_700_000_000_000 + n,
    };
}

const job: GetModelInvocationJobResponse = {
    jobArn: arn,
    jobName: 'titan-embeddings-20261204-183817',
    modelId: 'amazon.titan-embed-text-v2:0',
    roleArn: 'arn:aws:iam::123456789012:role/service-role/BedrockBatchServiceRole',
    status: 'Stopped',
    submitTime: new Date(0),
    inputDataConfig: {
        s3InputDataConfig: { s3Uri: 's3://bb-input/bedrock-batch/input/titan-embeddings.jsonl' },
    },
    outputDataConfig: { s3OutputDataConfig: { s3Uri: 's3://bb-input/bedrock-batch/output/' } },
    timeoutDurationInHours: 72,
    modelInvocationType: 'InvokeModel',
};

describe('jobPrefill', () => {
    it('reads the region of a batch job ARN and the { fromJobArn } argument', () => {
        assert.equal(regionOfJobArn(arn), 'us-west-2');
        const model = 'arn:aws:bedrock:us-west-2:123456789012:custom-model/x';
        assert.equal(regionOfJobArn(model), undefined);
        const uri = { fsPath: '/w/a.jsonl' };
        assert.equal(fromJobArgument([uri, { fromJobArn: ` ${arn} ` }]), arn);
        assert.equal(fromJobArgument([uri, { fromJobArn: 'job-1' }]), undefined);
        assert.equal(fromJobArgument([uri, { region: 'us-east-1' }]), undefined);
    });

    it('finds the job a retry file retries, newest first, in the same folder only', () => {
        const history = [
            submitted(3, ['/elsewhere/data.jsonl']),
            submitted(2, ['/w/data.retry-1.jsonl']),
            submitted(1, ['/w/data.jsonl']),
        ];
        assert.equal(retriedJob('/w/data.retry-2.jsonl', history)?.jobArn, history[1]?.jobArn);
        assert.equal(retriedJob('/w/data.retry-1.jsonl', history)?.jobArn, history[2]?.jobArn);
        assert.equal(retriedJob('/w/data.jsonl', history), undefined);
        assert.equal(retriedJob('/w/other.retry-1.jsonl', history), undefined);
    });

    it('turns the job into wizard answers: bucket, prefixes, role, timeout, tags', () => {
        const prefill = prefillFromJob(arn, 'us-west-2', job, [{ key: 'team', value: 'ml' }]);
        assert.deepEqual(prefill, {
            jobArn: arn,
            jobName: 'titan-embeddings-20261204-183817',
            region: 'us-west-2',
            modelId: 'amazon.titan-embed-text-v2:0',
            invocationType: 'InvokeModel',
            roleArn: 'arn:aws:iam::123456789012:role/service-role/BedrockBatchServiceRole',
            bucket: 'bb-input',
            prefix: 'bedrock-batch/input',
            outputPrefix: 'bedrock-batch/output',
            timeoutHours: 72,
            tags: [{ key: 'team', value: 'ml' }],
        });
    });

    it('takes a folder job prefix from above its folder, and no output prefix elsewhere', () => {
        const folderJob: GetModelInvocationJobResponse = {
            ...job,
            modelInvocationType: 'Converse',
            inputDataConfig: { s3InputDataConfig: { s3Uri: 's3://in-bucket/in/two-files/' } },
            outputDataConfig: {
                s3OutputDataConfig: { s3Uri: 's3://out-bucket/out/', s3EncryptionKeyId: 'alias/k' },
            },
            vpcConfig: { subnetIds: ['subnet-1'], securityGroupIds: ['sg-1'] },
        };
        const prefill = prefillFromJob(arn, 'us-west-2', folderJob, undefined);
        assert.equal(prefill?.prefix, 'in');
        assert.equal(prefill?.bucket, 'in-bucket');
        assert.equal(prefill?.outputPrefix, undefined);
        assert.equal(prefill?.invocationType, 'Converse');
        assert.equal(prefill?.kmsKeyId, 'alias/k');
        assert.deepEqual(prefill?.vpc, { subnetIds: ['subnet-1'], securityGroupIds: ['sg-1'] });
        assert.deepEqual(prefill?.tags, []);
    });

    it('fills only what a preset did not answer, and names the job it came from', () => {
        const prefill = prefillFromJob(arn, 'us-west-2', job, []);
        assert.ok(prefill);
        const file = { fsPath: '/w/data.retry-1.jsonl' } as unknown as vscode.Uri;
        const state = initialState([file], { timeoutHours: 24 });
        applyPrefill(state, prefill);
        assert.equal(state.region, 'us-west-2');
        assert.equal(state.modelId, 'amazon.titan-embed-text-v2:0');
        assert.deepEqual(state.role, { kind: 'existing', arn: prefill.roleArn });
        assert.equal(state.timeoutHours, 24);
        assert.deepEqual(state.tags, []);
        assert.deepEqual(state.fromJob, { name: 'titan-embeddings-20261204-183817', arn });
    });
});

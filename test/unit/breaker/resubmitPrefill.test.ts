import * as assert from 'node:assert/strict';
import type { GetModelInvocationJobResponse } from '@aws-sdk/client-bedrock';
import {
    applyPrefill,
    fromJobArgument,
    prefillFromJob,
    regionOfJobArn,
} from '../../../src/submit/jobPrefill';
import type { WizardState } from '../../../src/submit/wizard/wizardState';

const arn = 'arn:aws:bedrock:eu-west-1:123456789012:model-invocation-job/abc123def456';

function job(extra: Partial<GetModelInvocationJobResponse> = {}): GetModelInvocationJobResponse {
    return {
        jobArn: arn,
        jobName: 'calls-20240101-000000',
        modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
        roleArn: 'arn:aws:iam::123456789012:role/Gone',
        status: 'Completed',
        submitTime: new Date(0),
        inputDataConfig: { s3InputDataConfig: { s3Uri: 's3://b/in/calls.jsonl' } },
        outputDataConfig: { s3OutputDataConfig: { s3Uri: 's3://b/out/' } },
        ...extra,
    };
}

describe('breaker/resubmit with the job settings', () => {
    it('accepts job ARNs of every partition and refuses look-alikes', () => {
        assert.equal(regionOfJobArn(arn), 'eu-west-1');
        assert.equal(
            regionOfJobArn('arn:aws-cn:bedrock:cn-north-1:123456789012:model-invocation-job/x1'),
            'cn-north-1',
        );
        const refused = [
            `${arn}\n`,
            `${arn}/extra`,
            'arn:aws:bedrock:eu-west-1:123456789012:model-invocation-job/$(zap)',
            'arn:aws:s3:::bucket',
            `x${arn}`,
        ];
        assert.deepEqual(
            refused.filter((a) => regionOfJobArn(a) !== undefined),
            [],
        );
        assert.equal(fromJobArgument([{ fromJobArn: ` ${arn} ` }]), arn);
        assert.equal(fromJobArgument([{ fromJobArn: 42 }, null, 'text']), undefined);
    });

    it("keeps the job's region, role, VPC and tags for the wizard", () => {
        const prefill = prefillFromJob(
            arn,
            'eu-west-1',
            job({ vpcConfig: { subnetIds: ['subnet-1'], securityGroupIds: ['sg-1'] } }),
            [{ key: 'team', value: 'ml' }],
        );
        const state: WizardState = { files: [] } as unknown as WizardState;
        assert.ok(prefill !== undefined);
        applyPrefill(state, prefill);
        assert.equal(state.region, 'eu-west-1');
        assert.deepEqual(state.role, { kind: 'existing', arn: 'arn:aws:iam::123456789012:role/Gone' });
        assert.deepEqual(state.subnetIds, ['subnet-1']);
        assert.deepEqual(state.securityGroupIds, ['sg-1']);
        assert.deepEqual(state.tags, [{ key: 'team', value: 'ml' }]);
    });

    it('leaves out the tags AWS reserves (aws:), which CreateModelInvocationJob refuses', () => {
        const prefill = prefillFromJob(arn, 'eu-west-1', job(), [
            { key: 'aws:cloudformation:stack-name', value: 'stack' },
            { key: 'AWS:createdBy', value: 'x' },
            { key: 'team', value: 'ml' },
        ]);
        assert.deepEqual(prefill?.tags, [{ key: 'team', value: 'ml' }]);
    });

    it('gives no prefill for a job without a model, so the wizard asks', () => {
        assert.equal(prefillFromJob(arn, 'eu-west-1', job({ modelId: undefined }), []), undefined);
    });
});

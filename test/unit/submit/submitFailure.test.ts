import * as assert from 'node:assert/strict';
import {
    adviseSubmitFailure,
    fieldNamed,
    profileGeography,
} from '../../../src/submit/submitFailure';

function serviceError(name: string, message: string, status: number): Error {
    return Object.assign(new Error(message), {
        name,
        $fault: status >= 500 ? 'server' : 'client',
        $metadata: { httpStatusCode: status },
    });
}

const context = {
    region: 'us-east-1',
    modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
    roleArn: 'arn:aws:iam::123456789012:role/BedrockBatch',
};

describe('adviseSubmitFailure', () => {
    it('names the role the caller needs iam:PassRole on', () => {
        const advice = adviseSubmitFailure(
            serviceError(
                'AccessDeniedException',
                'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: ' +
                    'iam:PassRole on resource: arn:aws:iam::123456789012:role/BedrockBatch',
                403,
            ),
            context,
        );
        assert.equal(advice.failure.kind, 'accessDenied');
        assert.match(
            advice.hint ?? '',
            /iam:PassRole on arn:aws:iam::123456789012:role\/BedrockBatch/,
        );
        assert.equal(advice.mayHaveReachedService, false);
    });

    it('suggests the cross-region profile id when the region does not run the model', () => {
        const advice = adviseSubmitFailure(
            serviceError(
                'ValidationException',
                'Batch inference is not supported for the requested model in this region.',
                400,
            ),
            { ...context, region: 'eu-west-1' },
        );
        assert.equal(advice.suggestedModelId, 'eu.anthropic.claude-3-5-haiku-20241022-v1:0');
        assert.match(advice.hint ?? '', /cross-region inference profile/);
    });

    it('does not suggest a profile for an id that already is one', () => {
        const advice = adviseSubmitFailure(
            serviceError(
                'ValidationException',
                'The model is not supported for batch inference',
                400,
            ),
            { ...context, modelId: 'us.anthropic.claude-3-5-haiku-20241022-v1:0' },
        );
        assert.equal(advice.suggestedModelId, undefined);
    });

    it('names the field of a validation error', () => {
        const advice = adviseSubmitFailure(
            serviceError(
                'ValidationException',
                "1 validation error detected: Value 'my job' at 'jobName' failed to satisfy " +
                    'constraint',
                400,
            ),
            context,
        );
        assert.match(advice.hint ?? '', /field jobName/);
        assert.equal(
            fieldNamed('Value at inputDataConfig.s3InputDataConfig.s3Uri failed'),
            'inputDataConfig',
        );
    });

    it('explains the concurrent-jobs quota', () => {
        const advice = adviseSubmitFailure(
            serviceError('ServiceQuotaExceededException', 'Too many jobs', 400),
            context,
        );
        assert.equal(advice.failure.kind, 'quotaExceeded');
        assert.match(
            advice.hint ?? '',
            /Wait for one of them to finish, or use another model or region/,
        );
    });

    it('recognises an account not enabled for batch', () => {
        const advice = adviseSubmitFailure(
            serviceError(
                'ValidationException',
                'Your account is not enabled for batch inference for this model.',
                400,
            ),
            context,
        );
        assert.match(advice.hint ?? '', /not enabled for the account/);
    });

    it('treats dropped connections and 5xx as "may have reached Bedrock"', () => {
        const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
        assert.equal(adviseSubmitFailure(reset, context).mayHaveReachedService, true);
        assert.equal(
            adviseSubmitFailure(serviceError('InternalServerException', 'oops', 500), context)
                .mayHaveReachedService,
            true,
        );
        assert.equal(
            adviseSubmitFailure(serviceError('ThrottlingException', 'slow down', 429), context)
                .mayHaveReachedService,
            false,
        );
    });

    it('leaves credential problems to the generic actions', () => {
        const advice = adviseSubmitFailure(
            Object.assign(
                new Error(
                    'The SSO session associated with this profile has expired. run aws sso login',
                ),
                { name: 'CredentialsProviderError' },
            ),
            context,
            'dev',
        );
        assert.equal(advice.failure.kind, 'ssoExpired');
        assert.equal(advice.failure.loginCommand, 'aws sso login --profile dev');
    });

    it('maps regions to profile geographies', () => {
        assert.equal(profileGeography('us-west-2'), 'us');
        assert.equal(profileGeography('us-gov-west-1'), 'us-gov');
        assert.equal(profileGeography('ap-northeast-1'), 'apac');
        assert.equal(profileGeography('sa-east-1'), 'global');
    });
});

describe('adviseSubmitFailure by stage', () => {
    const dropped = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });

    it('never says a job may exist when the upload failed: Create was not sent', () => {
        const advice = adviseSubmitFailure(dropped, { ...context, stage: 'upload' });
        assert.equal(advice.mayHaveReachedService, false);
        assert.equal(advice.worthRetrying, true);
        assert.match(advice.hint ?? '', /^Its job was not created/);
        assert.match(advice.hint ?? '', /Retry uploads the file again/);
        assert.doesNotMatch(advice.hint ?? '', /may or may not/);
    });

    it('names the missing S3 permission of an upload', () => {
        const advice = adviseSubmitFailure(serviceError('AccessDenied', 'Access Denied', 403), {
            ...context,
            stage: 'upload',
        });
        assert.equal(advice.worthRetrying, false);
        assert.match(advice.hint ?? '', /s3:PutObject/);
    });

    it('says the job may exist only when the Create answer was lost', () => {
        const lost = adviseSubmitFailure(dropped, { ...context, stage: 'create' });
        assert.equal(lost.mayHaveReachedService, true);
        assert.match(lost.hint ?? '', /may or may not have been created/);
        const prepare = adviseSubmitFailure(dropped, { ...context, stage: 'prepare' });
        assert.equal(prepare.mayHaveReachedService, false);
        assert.match(prepare.hint ?? '', /^No job was started/);
    });
});

import * as assert from 'node:assert/strict';
import {
    CreateModelInvocationJobCommand,
    GetModelInvocationJobCommand,
    ListModelInvocationJobsCommand,
} from '@aws-sdk/client-bedrock';
import type { CreateModelInvocationJobCommandInput } from '@aws-sdk/client-bedrock';
import { HAIKU, jobRequest, startHarness } from './harness';
import type { Harness } from './harness';

/** The ValidationException message for a failed pattern, as the service words it. */
function patternMessage(value: string, path: string, pattern: string): string {
    return (
        `1 validation error detected: Value '${value}' at '${path}' ` +
        'failed to satisfy constraint: ' +
        `Member must satisfy regular expression pattern: ${pattern}`
    );
}

describe('local Bedrock CreateModelInvocationJob validation', function () {
    this.timeout(20_000);
    let h: Harness;

    before(async () => {
        h = await startHarness();
    });

    after(async () => {
        await h.stop();
    });

    async function refused(
        overrides: Record<string, unknown>,
        name = 'ValidationException',
    ): Promise<string> {
        const input = jobRequest(overrides) as unknown as CreateModelInvocationJobCommandInput;
        try {
            await h.bedrock.send(new CreateModelInvocationJobCommand(input));
        } catch (error) {
            const err = error as Error & { $metadata?: { httpStatusCode?: number } };
            assert.equal(err.name, name);
            return err.message;
        }
        assert.fail('the request was accepted');
    }

    it('refuses a job name with an underscore, quoting the pattern', async () => {
        assert.equal(
            await refused({ jobName: 'my_job' }),
            patternMessage(
                'my_job',
                'jobName',
                '^[a-zA-Z0-9]{1,63}(-*[a-zA-Z0-9\\+\\-\\.]){0,63}$',
            ),
        );
    });

    it('refuses a job name of 64 characters by its length', async () => {
        const name = 'a'.repeat(64);
        assert.equal(
            await refused({ jobName: name }),
            `1 validation error detected: Value '${name}' at 'jobName' ` +
                'failed to satisfy constraint: Member must have length less than or equal to 63',
        );
    });

    it('accepts a job name of 63 characters with + . - after the first', async () => {
        const out = await h.bedrock.send(
            new CreateModelInvocationJobCommand(
                jobRequest({
                    jobName: `a+b.c-d${'e'.repeat(56)}`,
                }) as unknown as CreateModelInvocationJobCommandInput,
            ),
        );
        assert.match(out.jobArn ?? '', /model-invocation-job\/[a-z0-9]{12}$/);
    });

    it('refuses a user ARN as the role', async () => {
        const arn = 'arn:aws:iam::123456789012:user/alice';
        assert.equal(
            await refused({ roleArn: arn }),
            patternMessage(arn, 'roleArn', '^arn:aws(-[^:]+)?:iam::([0-9]{12})?:role/.+$'),
        );
    });

    for (const uri of [
        's3://bucket/key=value.jsonl',
        's3://bucket/with space.jsonl',
        's3://Bucket/in.jsonl',
    ]) {
        it(`refuses the S3 URI ${uri}`, async () => {
            const message = await refused({ input: uri });
            assert.match(
                message,
                new RegExp(
                    "at 'inputDataConfig.s3InputDataConfig.s3Uri' failed to satisfy constraint: " +
                        'Member must satisfy regular expression pattern: \\^s3://',
                ),
            );
            assert.ok(message.includes(`'${uri}'`));
        });
    }

    it('checks the output URI too, and reports every violation at once', async () => {
        const message = await refused({ jobName: 'bad_name', output: 's3://out/a=b/' });
        assert.match(message, /^2 validation errors detected: /);
        assert.ok(message.includes("at 'jobName'"));
        assert.ok(message.includes("at 'outputDataConfig.s3OutputDataConfig.s3Uri'"));
    });

    it('refuses timeouts of 23 and 169 hours', async () => {
        assert.equal(
            await refused({ timeoutDurationInHours: 23 }),
            "1 validation error detected: Value '23' at " +
                "'timeoutDurationInHours' failed to satisfy constraint: " +
                'Member must have value greater than or equal to 24',
        );
        assert.equal(
            await refused({ timeoutDurationInHours: 169 }),
            "1 validation error detected: Value '169' at " +
                "'timeoutDurationInHours' failed to satisfy constraint: " +
                'Member must have value less than or equal to 168',
        );
    });

    it('refuses provisioned-model and imported-model ARNs by the modelId pattern', async () => {
        for (const arn of [
            'arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abcdefghijkl',
            'arn:aws:bedrock:us-east-1:123456789012:imported-model/abcdefghijkl',
        ]) {
            const message = await refused({ modelId: arn });
            assert.ok(
                message.startsWith(
                    `1 validation error detected: Value '${arn}' at 'modelId' failed to satisfy`,
                ),
            );
        }
    });

    it('refuses unknown models, models without batch, profile-only models by base id', async () => {
        assert.equal(
            await refused({ modelId: 'anthropic.claude-9-v1:0' }),
            'The provided model identifier is invalid.',
        );
        assert.equal(
            await refused({ modelId: 'amazon.titan-image-generator-v2:0' }),
            'Batch inference is not supported for the requested model',
        );
        assert.match(
            await refused({ modelId: 'anthropic.claude-sonnet-4-20250514-v1:0' }),
            /with on-demand throughput isn.t supported\. Retry your request with the ID or ARN of/,
        );
        assert.equal(
            await refused({ modelId: `${HAIKU}:200k` }),
            'Batch inference is not supported for the requested model',
        );
    });

    it('accepts base ids, model ARNs, profile ids and ARNs, application profile ARNs', async () => {
        const profile = h.service.createApplicationProfile({
            name: 'team-a',
            copyFrom:
                'arn:aws:bedrock:us-east-1:123456789012:inference-profile/' +
                'us.anthropic.claude-sonnet-4-20250514-v1:0',
        });
        for (const modelId of [
            HAIKU,
            `arn:aws:bedrock:us-east-1::foundation-model/${HAIKU}`,
            'us.anthropic.claude-sonnet-4-20250514-v1:0',
            'global.anthropic.claude-sonnet-4-5-20250929-v1:0',
            'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-lite-v1:0',
            profile.inferenceProfileArn,
        ]) {
            const out = await h.bedrock.send(
                new CreateModelInvocationJobCommand(
                    jobRequest({ modelId }) as unknown as CreateModelInvocationJobCommandInput,
                ),
            );
            const job = await h.bedrock.send(
                new GetModelInvocationJobCommand({ jobIdentifier: out.jobArn }),
            );
            assert.equal(job.modelId, modelId, 'the summary carries the modelId as submitted');
        }
        assert.equal(
            await refused({ modelId: 'eu.anthropic.claude-sonnet-4-20250514-v1:0' }),
            'The provided model identifier is invalid.',
            'an EU profile is not callable from us-east-1',
        );
    });

    it('validates tags, client token, invocation type and VPC configuration', async () => {
        assert.match(
            await refused({ tags: [{ key: 'a', value: 'x'.repeat(257) }] }),
            /at 'tags\.1\.member\.value' .*: Member must have length less than or equal to 256/,
        );
        assert.match(
            await refused({ tags: [{ key: 'bad#key', value: 'v' }] }),
            /at 'tags\.1\.member\.key' .*: Member must satisfy regular expression pattern/,
        );
        assert.match(
            await refused({ clientRequestToken: 'has_underscore' }),
            /at 'clientRequestToken'/,
        );
        assert.equal(
            await refused({ modelInvocationType: 'Chat' }),
            "1 validation error detected: Value 'Chat' at " +
                "'modelInvocationType' failed to satisfy constraint: " +
                'Member must satisfy enum value set: [InvokeModel, Converse]',
        );
        assert.match(
            await refused({ vpcConfig: { subnetIds: [], securityGroupIds: ['sg-1'] } }),
            /at 'vpcConfig\.subnetIds' .*: Member must have length greater than or equal to 1/,
        );
        assert.match(
            await refused({
                output: 's3://batch-out/r/',
                s3EncryptionKeyId: undefined,
                outputDataConfig: {
                    s3OutputDataConfig: {
                        s3Uri: 's3://batch-out/r/',
                        s3EncryptionKeyId: 'not a key',
                    },
                },
            }),
            /at 'outputDataConfig\.s3OutputDataConfig\.s3EncryptionKeyId'/,
        );
    });

    it('refuses a job name as the identifier of Get, with the identifier pattern', async () => {
        try {
            await h.bedrock.send(new GetModelInvocationJobCommand({ jobIdentifier: 'test-job' }));
            assert.fail('accepted');
        } catch (error) {
            const err = error as Error;
            assert.equal(err.name, 'ValidationException');
            assert.match(
                err.message,
                /Value 'test-job' at 'jobIdentifier' .*: Member must satisfy regular expression/,
            );
        }
    });

    it("answers ResourceNotFoundException for an unknown id or another account's ARN", async () => {
        for (const id of [
            'abcdefghijkl',
            'arn:aws:bedrock:us-east-1:999999999999:model-invocation-job/abcdefghijkl',
        ]) {
            await assert.rejects(
                h.bedrock.send(new GetModelInvocationJobCommand({ jobIdentifier: id })),
                (err: Error & { $metadata: { httpStatusCode?: number } }) =>
                    err.name === 'ResourceNotFoundException' &&
                    err.$metadata.httpStatusCode === 404,
            );
        }
    });

    it('validates the list filters', async () => {
        await assert.rejects(
            h.bedrock.send(new ListModelInvocationJobsCommand({ maxResults: 1001 })),
            (err: Error) =>
                err.name === 'ValidationException' &&
                /at 'maxResults'.*less than or equal to 1000/.test(err.message),
        );
        await assert.rejects(
            h.bedrock.send(new ListModelInvocationJobsCommand({ maxResults: 0 })),
            (err: Error) => err.name === 'ValidationException',
        );
        await assert.rejects(
            h.bedrock.send(new ListModelInvocationJobsCommand({ nextToken: 'not-a-token' })),
            (err: Error) =>
                err.name === 'ValidationException' && /pagination token/.test(err.message),
        );
        await assert.rejects(
            h.bedrock.send(new ListModelInvocationJobsCommand({ statusEquals: 'Done' as never })),
            (err: Error) =>
                err.name === 'ValidationException' && /enum value set/.test(err.message),
        );
    });
});

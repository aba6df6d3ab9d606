import * as assert from 'node:assert/strict';
import { GetModelInvocationJobCommand } from '@aws-sdk/client-bedrock';
import type { AwsCli } from './awsCli';
import { startCliHarness } from './cliHarness';
import { HAIKU, MINUTE, ROLE_ARN, claudeRecords } from './harness';
import type { Harness } from './harness';

describe('local Bedrock through the AWS CLI', function () {
    this.timeout(60_000);
    let h: Harness;
    let cli: AwsCli;

    before(async function () {
        ({ h, cli } = await startCliHarness(this));
        await h.aws.s3.createBucket('batch-in');
        await h.aws.s3.createBucket('batch-out');
        await h.aws.s3.putObject('batch-in', 'records.jsonl', claudeRecords(100));
    });

    after(async () => {
        cli?.dispose();
        await h?.stop();
    });

    const createArgs = (jobName: string): string[] => [
        'bedrock',
        'create-model-invocation-job',
        '--job-name',
        jobName,
        '--model-id',
        HAIKU,
        '--role-arn',
        ROLE_ARN,
        '--input-data-config',
        's3InputDataConfig={s3Uri=s3://batch-in/records.jsonl}',
        '--output-data-config',
        's3OutputDataConfig={s3Uri=s3://batch-out/cli/}',
    ];

    it('creates, gets, lists and stops a job; refuses a name with an underscore', async () => {
        const [created, refused] = await Promise.all([
            cli.json(...createArgs('cli-job')),
            cli.run(...createArgs('bad_name')),
        ]);
        assert.notEqual(refused.code, 0);
        assert.match(
            refused.stderr,
            new RegExp(
                String.raw`An error occurred \(ValidationException\) when calling the ` +
                    'CreateModelInvocationJob operation: 1 validation error detected: ' +
                    "Value 'bad_name' at 'jobName'",
            ),
        );
        const jobArn = String(created['jobArn']);
        assert.match(
            jobArn,
            /^arn:aws:bedrock:us-east-1:123456789012:model-invocation-job\/[a-z0-9]{12}$/,
        );

        await h.advance(3 * MINUTE);
        const [got, listed] = await Promise.all([
            cli.json('bedrock', 'get-model-invocation-job', '--job-identifier', jobArn),
            cli.json(
                'bedrock',
                'list-model-invocation-jobs',
                '--name-contains',
                'cli',
                '--sort-order',
                'Ascending',
            ),
        ]);
        assert.equal(got['status'], 'InProgress');
        assert.equal(got['jobName'], 'cli-job');
        assert.equal(got['totalRecordCount'], 100);
        assert.match(String(got['submitTime']), /^2025-01-15T10:00:00(\.000)?(Z|\+00:00)$/);
        const summaries = listed['invocationJobSummaries'] as Array<Record<string, unknown>>;
        assert.deepEqual(
            summaries.map((s) => s['jobArn']),
            [jobArn],
        );

        const stopped = await cli.run(
            'bedrock',
            'stop-model-invocation-job',
            '--job-identifier',
            jobArn.slice(-12),
        );
        assert.equal(stopped.code, 0, stopped.stderr);
        const after = await h.bedrock.send(
            new GetModelInvocationJobCommand({ jobIdentifier: jobArn }),
        );
        assert.equal(after.status, 'Stopping');
    });
});

import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { asJobRef, isFinished, jobFolderName, jobIdOf } from '../../../src/results/jobRef';
import { defaultResultsFolder } from '../../../src/results/resultsLocation';
import { jobOutputPrefix, parseS3Uri } from '../../../src/results/s3Location';

const arn = 'arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/abcd1234efgh';

describe('results/jobRef', () => {
    it('accepts { region, job } and explorer nodes of the same shape', () => {
        const job = { jobArn: arn, jobName: 'nightly' };
        assert.deepEqual(asJobRef({ region: 'us-east-1', job }), { region: 'us-east-1', job });
        class Node {
            readonly region = 'eu-west-1';
            job = job;
        }
        assert.equal(asJobRef(new Node())?.region, 'eu-west-1');
        assert.equal(asJobRef({ region: 'us-east-1', job: { jobName: 'no arn' } }), undefined);
        assert.equal(asJobRef(undefined), undefined);
    });

    it('knows which statuses have ended', () => {
        assert.deepEqual(
            [
                'Completed',
                'PartiallyCompleted',
                'Stopped',
                'Expired',
                'Failed',
                'InProgress',
                'Stopping',
            ].map(isFinished),
            [true, true, true, true, true, false, false],
        );
    });

    it('names the folder after the job name and id', () => {
        assert.equal(jobIdOf(arn), 'abcd1234efgh');
        assert.equal(
            jobFolderName({ jobArn: arn, jobName: 'nightly run/2' }),
            'nightly-run-2-abcd1234efgh',
        );
    });

    it('finds the job output prefix with or without a trailing slash', () => {
        assert.deepEqual(jobOutputPrefix('s3://bucket/results/', 'abc'), {
            bucket: 'bucket',
            key: 'results/abc/',
        });
        assert.deepEqual(jobOutputPrefix('s3://bucket/results', 'abc'), {
            bucket: 'bucket',
            key: 'results/abc/',
        });
        assert.deepEqual(jobOutputPrefix('s3://bucket', 'abc'), { bucket: 'bucket', key: 'abc/' });
        assert.equal(parseS3Uri('https://bucket/x'), undefined);
    });

    it('downloads beside a workspace input, else under bedrock-results of the first folder', () => {
        const job = { jobArn: arn, jobName: 'nightly' };
        const ws = join('/', 'ws');
        assert.equal(
            defaultResultsFolder(job, join(ws, 'data', 'in.jsonl'), [ws]),
            join(ws, 'data', 'nightly-abcd1234efgh'),
        );
        assert.equal(
            defaultResultsFolder(job, join('/', 'elsewhere', 'in.jsonl'), [ws]),
            join(ws, 'bedrock-results', 'nightly-abcd1234efgh'),
        );
        assert.equal(defaultResultsFolder(job, undefined, []), undefined);
    });
});

import * as assert from 'node:assert/strict';
import {
    asFolderKey,
    jobIdOf,
    outputFolderOf,
    parseS3Uri,
    regionOfJobArn,
} from '../../../src/explorer/jobIds';
import { job } from './jobBuilder';

const arn = 'arn:aws:bedrock:eu-west-1:123456789012:model-invocation-job/abc123def456';

describe('jobIds', () => {
    it('takes the job id and region from a job ARN', () => {
        assert.equal(jobIdOf(arn), 'abc123def456');
        assert.equal(regionOfJobArn(arn), 'eu-west-1');
        assert.equal(
            jobIdOf('arn:aws-cn:bedrock:cn-north-1:123456789012:model-invocation-job/x1'),
            'x1',
        );
        assert.equal(regionOfJobArn('not an arn'), undefined);
        assert.equal(jobIdOf('not-an-arn'), undefined);
        assert.equal(jobIdOf(undefined), undefined);
    });

    it('splits s3:// URIs into bucket and key', () => {
        assert.deepEqual(parseS3Uri('s3://bucket/a/b.jsonl'), {
            bucket: 'bucket',
            key: 'a/b.jsonl',
        });
        assert.deepEqual(parseS3Uri('s3://bucket'), { bucket: 'bucket', key: '' });
        assert.deepEqual(parseS3Uri('s3://bucket/'), { bucket: 'bucket', key: '' });
        assert.equal(parseS3Uri('https-bucket/a'), undefined);
        assert.equal(parseS3Uri(undefined), undefined);
    });

    it('finds the results folder Bedrock writes to', () => {
        const withSlash = job({
            jobArn: arn,
            outputDataConfig: { s3OutputDataConfig: { s3Uri: 's3://out/run/' } },
        });
        const without = job({
            jobArn: arn,
            outputDataConfig: { s3OutputDataConfig: { s3Uri: 's3://out/run' } },
        });
        const bucketOnly = job({
            jobArn: arn,
            outputDataConfig: { s3OutputDataConfig: { s3Uri: 's3://out' } },
        });
        assert.equal(outputFolderOf(withSlash), 's3://out/run/abc123def456/');
        assert.equal(outputFolderOf(without), 's3://out/run/abc123def456/');
        assert.equal(outputFolderOf(bucketOnly), 's3://out/abc123def456/');
        assert.equal(outputFolderOf(job({ outputDataConfig: undefined })), undefined);
        assert.equal(asFolderKey(''), '');
    });
});

import * as assert from 'node:assert/strict';
import {
    describeLeftovers,
    leftoverAdvice,
    removalCommands,
    type UploadLeftover,
} from '../../../src/submit/uploadLeftovers';

const multipart: UploadLeftover = {
    kind: 'multipartUpload',
    bucket: 'bb-input',
    key: 'in/calls.jsonl',
    uploadId: 'upload-1',
};

describe('upload leftovers', () => {
    it('names each leftover with its location and upload id', () => {
        assert.equal(
            describeLeftovers([multipart, { kind: 'object', bucket: 'b', key: 'in/a.jsonl' }]),
            'the incomplete multipart upload upload-1 of s3://bb-input/in/calls.jsonl; ' +
                'the object s3://b/in/a.jsonl (it may be complete or not)',
        );
        assert.equal(
            describeLeftovers([{ kind: 'multipartUpload', bucket: 'b', key: 'k.jsonl' }]),
            'an incomplete multipart upload of s3://b/k.jsonl (its upload id is unknown)',
        );
    });

    it('gives the aws CLI command for the same account and endpoint', () => {
        assert.equal(
            removalCommands([multipart], { region: 'us-east-1' }),
            'aws s3api abort-multipart-upload --bucket bb-input --key in/calls.jsonl ' +
                '--upload-id upload-1 --region us-east-1',
        );
        assert.equal(
            removalCommands(
                [
                    { kind: 'object', bucket: 'b', key: "it's here.jsonl" },
                    { kind: 'multipartUpload', bucket: 'b', key: 'x.jsonl' },
                ],
                { region: 'eu-west-1', profile: 'dev team', endpoint: 'http://127.0.0.1:4566' },
            ),
            "aws s3api delete-object --bucket b --key 'it'\\''s here.jsonl' --region eu-west-1 " +
                "--profile 'dev team' --endpoint-url http://127.0.0.1:4566\n" +
                'aws s3api list-multipart-uploads --bucket b --prefix x.jsonl --region eu-west-1 ' +
                "--profile 'dev team' --endpoint-url http://127.0.0.1:4566",
        );
    });

    it('says what could not be removed and how to remove it', () => {
        const advice = leftoverAdvice([multipart]);
        assert.match(advice, /^Could not remove the incomplete multipart upload upload-1 of /);
        assert.match(advice, /Copy Removal Command/);
        assert.match(advice, /lifecycle rule/);
        assert.doesNotMatch(
            leftoverAdvice([{ kind: 'object', bucket: 'b', key: 'k' }]),
            /lifecycle/,
        );
    });
});

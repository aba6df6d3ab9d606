import * as assert from 'node:assert/strict';
import {
    alternativeKey,
    bucketNameProblem,
    joinKey,
    parseS3Uri,
    prefixProblem,
    s3Uri,
    s3UriProblem,
    sanitizeKeySegment,
    sanitizePrefix,
    S3_URI_PATTERN,
} from '../../../src/submit/s3Paths';

describe('sanitizeKeySegment', () => {
    it('turns characters Bedrock rejects into dashes', () => {
        assert.equal(sanitizeKeySegment('my file=1+2:3%4.jsonl'), 'my-file-1-2-3-4.jsonl');
    });

    it('folds accents and replaces other non-ASCII text', () => {
        assert.equal(sanitizeKeySegment('données_été.jsonl'), 'donnees_ete.jsonl');
        assert.equal(sanitizeKeySegment('データ.jsonl'), 'file.jsonl');
    });

    it('keeps the characters the API allows', () => {
        assert.equal(sanitizeKeySegment("a-b_c!d*e'f(g).jsonl"), "a-b_c!d*e'f(g).jsonl");
    });

    it('never yields an empty or dots-only segment', () => {
        assert.equal(sanitizeKeySegment(''), '_');
        assert.equal(sanitizeKeySegment('..'), '_');
    });
});

describe('S3 URIs', () => {
    it('builds keys without empty segments', () => {
        assert.equal(joinKey('/in//batch/', '', 'f.jsonl'), 'in/batch/f.jsonl');
        assert.equal(sanitizePrefix('/my input//2024 Q1/'), 'my-input/2024-Q1');
        assert.equal(s3Uri('bucket', 'in/f.jsonl'), 's3://bucket/in/f.jsonl');
        assert.equal(s3Uri('bucket', 'in/job', true), 's3://bucket/in/job/');
        assert.equal(s3Uri('bucket', ''), 's3://bucket/');
    });

    it('makes every generated URI match the API pattern, whatever the file is called', () => {
        const names = [
            'a b.jsonl',
            'x=y+z.jsonl',
            'π.jsonl',
            '100%.jsonl',
            'a:b.jsonl',
            '...',
            ' ',
        ];
        for (const name of names) {
            const uri = s3Uri(
                'my-bucket.1',
                joinKey(sanitizePrefix('batch in/2024'), sanitizeKeySegment(name)),
            );
            assert.match(uri, S3_URI_PATTERN, uri);
            assert.equal(s3UriProblem(uri), undefined);
            assert.ok(!uri.slice(5).includes('//'), uri);
        }
    });

    it('explains what is wrong with a typed prefix', () => {
        assert.equal(prefixProblem('input/2024'), undefined);
        assert.equal(prefixProblem(''), undefined);
        assert.match(prefixProblem('a//b') ?? '', /"\/\/"/);
        assert.match(prefixProblem('my input') ?? '', /spaces are not allowed/);
        assert.match(prefixProblem('k=v') ?? '', /"=" is not allowed/);
    });

    it('rejects URIs the API rejects', () => {
        assert.notEqual(s3UriProblem('s3://Bucket/x'), undefined);
        assert.notEqual(s3UriProblem('s3://bucket/a//b'), undefined);
        assert.notEqual(s3UriProblem('s3://bucket/a b'), undefined);
        assert.notEqual(s3UriProblem(`s3://bucket/${'a'.repeat(1100)}`), undefined);
    });

    it('checks bucket names', () => {
        assert.equal(bucketNameProblem('my-bucket.data'), undefined);
        assert.notEqual(bucketNameProblem('My-Bucket'), undefined);
        assert.notEqual(bucketNameProblem('ab'), undefined);
        assert.notEqual(bucketNameProblem('a..b'), undefined);
        assert.notEqual(bucketNameProblem('192.168.1.1'), undefined);
        assert.notEqual(bucketNameProblem('bucket-'), undefined);
    });

    it('parses URIs and proposes free keys next to a taken one', () => {
        assert.deepEqual(parseS3Uri('s3://b/in/f.jsonl'), { bucket: 'b', key: 'in/f.jsonl' });
        assert.equal(parseS3Uri('https://b/x'), undefined);
        assert.equal(alternativeKey('in/calls.jsonl', 2), 'in/calls-2.jsonl');
        assert.equal(alternativeKey('calls', 3), 'calls-3');
    });
});

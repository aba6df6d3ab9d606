import * as assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { LocalAwsError } from '../../../src/localAws/types';
import { AwsChunkedDecoder } from '../../../src/localAws/core/awsChunked';
import { checksumOf } from '../../../src/localAws/core/checksums';
import { parseXml, xmlDocument } from '../../../src/localAws/core/xml';
import { canonicalPath, canonicalQuery } from '../../../src/localAws/sigv4/canonical';

async function decode(pieces: Buffer[]): Promise<{ body: string; trailers: Map<string, string> }> {
    const decoder = new AwsChunkedDecoder(undefined);
    const parts: Buffer[] = [];
    for await (const chunk of Readable.from(pieces).pipe(decoder)) {
        parts.push(chunk as Buffer);
    }
    return { body: Buffer.concat(parts).toString('utf8'), trailers: decoder.trailers };
}

describe('local AWS endpoint: wire formats', () => {
    describe('aws-chunked decoding', () => {
        const framed = Buffer.from(
            '5\r\nhello\r\n6\r\n world\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\n\r\n',
        );

        it('removes the framing and keeps the trailer, however the bytes are split', async () => {
            for (let cut = 1; cut < framed.length; cut++) {
                const { body, trailers } = await decode([
                    framed.subarray(0, cut),
                    framed.subarray(cut),
                ]);
                assert.equal(body, 'hello world', `split at ${cut}`);
                assert.equal(trailers.get('x-amz-checksum-crc32'), 'DUoRhQ==');
            }
        });

        it('fails a body that ends before the final chunk', async () => {
            await assert.rejects(
                decode([Buffer.from('5\r\nhel')]),
                (error: unknown) =>
                    error instanceof LocalAwsError && error.code === 'IncompleteBody',
            );
        });
    });

    describe('checksums', () => {
        const check = Buffer.from('123456789');

        it('match the published check values', () => {
            assert.equal(
                Buffer.from(checksumOf('crc32', check), 'base64').toString('hex'),
                'cbf43926',
            );
            assert.equal(
                Buffer.from(checksumOf('crc32c', check), 'base64').toString('hex'),
                'e3069283',
            );
            assert.equal(
                Buffer.from(checksumOf('crc64nvme', check), 'base64').toString('hex'),
                'ae8b14860a799888',
            );
        });

        it('give CRC32C its known value for a length that is not a multiple of 8', () => {
            const data = Buffer.from('The quick brown fox jumps over the lazy dog');
            assert.equal(
                Buffer.from(checksumOf('crc32c', data), 'base64').toString('hex'),
                '22620404',
            );
        });
    });

    describe('SigV4 canonical forms', () => {
        it('encodes the path twice for services other than S3', () => {
            assert.equal(
                canonicalPath('/model-invocation-job/arn%3Aaws%3Abedrock', true),
                '/model-invocation-job/arn%253Aaws%253Abedrock',
            );
            assert.equal(canonicalPath('/bucket/a%20b.txt', false), '/bucket/a%20b.txt');
        });

        it('sorts and strictly re-encodes the query', () => {
            assert.equal(canonicalQuery('uploads&b=2&a=1%2A&a=0'), 'a=0&a=1%2A&b=2&uploads=');
            assert.equal(canonicalQuery('X-Amz-Signature=abc&x=1', 'X-Amz-Signature'), 'x=1');
        });
    });

    describe('XML', () => {
        it('round-trips escaped text through the builder and the parser', () => {
            const text = xmlDocument('Root', { Item: ['a&b', '<c>'], Nested: { Key: '"quoted"' } });
            const root = parseXml(text);
            assert.deepEqual(
                root.children.map((c) => [c.name, c.text]),
                [
                    ['Item', 'a&b'],
                    ['Item', '<c>'],
                    ['Nested', ''],
                ],
            );
            assert.equal(root.children[2]?.children[0]?.text, '"quoted"');
        });

        it('rejects documents with bad nesting', () => {
            assert.throws(() => parseXml('<a><b></a></b>'));
        });
    });
});

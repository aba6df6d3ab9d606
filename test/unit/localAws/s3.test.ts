import * as assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { Readable } from 'node:stream';
import {
    AbortMultipartUploadCommand,
    CompleteMultipartUploadCommand,
    CopyObjectCommand,
    CreateBucketCommand,
    CreateMultipartUploadCommand,
    DeleteBucketCommand,
    DeleteObjectCommand,
    DeleteObjectsCommand,
    GetObjectCommand,
    HeadBucketCommand,
    HeadObjectCommand,
    ListBucketsCommand,
    ListMultipartUploadsCommand,
    ListPartsCommand,
    PutObjectCommand,
    UploadPartCommand,
    paginateListObjectsV2,
} from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { HttpRequest } from '@smithy/core/protocols';
import { startLocalAws } from '../../../src/localAws/index';
import type { LocalAws } from '../../../src/localAws/index';
import { rejection, s3Client, signer } from './helpers';

const MiB = 1024 * 1024;

function sha256(data: Buffer): string {
    return createHash('sha256').update(data).digest('hex');
}

async function bytesOf(
    client: S3Client,
    bucket: string,
    key: string,
    extra: { Range?: string } = {},
): Promise<Buffer> {
    const result = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key, ...extra }));
    return Buffer.from((await result.Body?.transformToByteArray()) ?? new Uint8Array());
}

describe('local AWS endpoint: S3', function () {
    this.timeout(30000);
    let local: LocalAws;
    let s3: S3Client;

    before(async () => {
        local = await startLocalAws({ modules: ['s3'] });
        s3 = s3Client(local);
        await s3.send(new CreateBucketCommand({ Bucket: 'main-bucket' }));
    });
    after(async () => {
        s3.destroy();
        await local.stop();
    });

    describe('buckets', () => {
        it('are created, listed, headed and deleted', async () => {
            await s3.send(new CreateBucketCommand({ Bucket: 'short-lived' }));
            const listed = await s3.send(new ListBucketsCommand({}));
            assert.deepEqual(
                listed.Buckets?.map((b) => b.Name),
                ['main-bucket', 'short-lived'],
            );
            const head = await s3.send(new HeadBucketCommand({ Bucket: 'short-lived' }));
            assert.equal(head.BucketRegion, 'us-east-1');
            await s3.send(new DeleteBucketCommand({ Bucket: 'short-lived' }));
            const missing = await rejection(
                s3.send(new HeadBucketCommand({ Bucket: 'short-lived' })),
            );
            assert.equal(missing.$metadata?.httpStatusCode, 404);
        });

        it('refuse a second create with BucketAlreadyOwnedByYou', async () => {
            const error = await rejection(
                s3.send(new CreateBucketCommand({ Bucket: 'main-bucket' })),
            );
            assert.equal(error.name, 'BucketAlreadyOwnedByYou');
            assert.equal(error.$metadata?.httpStatusCode, 409);
        });

        it('refuse invalid names and deleting a non-empty bucket', async () => {
            assert.equal(
                (await rejection(s3.send(new CreateBucketCommand({ Bucket: 'Upper_Case' })))).name,
                'InvalidBucketName',
            );
            await s3.send(new CreateBucketCommand({ Bucket: 'not-empty' }));
            await s3.send(new PutObjectCommand({ Bucket: 'not-empty', Key: 'x', Body: 'x' }));
            assert.equal(
                (await rejection(s3.send(new DeleteBucketCommand({ Bucket: 'not-empty' })))).name,
                'BucketNotEmpty',
            );
        });

        it('answer NoSuchBucket for objects in a missing bucket', async () => {
            const error = await rejection(
                s3.send(new PutObjectCommand({ Bucket: 'no-such-bucket', Key: 'k', Body: 'x' })),
            );
            assert.equal(error.name, 'NoSuchBucket');
        });
    });

    describe('objects', () => {
        it('round-trip a Buffer body with its CRC32, metadata and content type', async () => {
            const put = await s3.send(
                new PutObjectCommand({
                    Bucket: 'main-bucket',
                    Key: 'docs/hello.json',
                    Body: Buffer.from('{"hello":"world"}'),
                    ContentType: 'application/json',
                    Metadata: { origin: 'test' },
                }),
            );
            assert.equal(
                put.ETag,
                `"${createHash('md5').update('{"hello":"world"}').digest('hex')}"`,
            );
            assert.ok(put.ChecksumCRC32);
            const got = await s3.send(
                new GetObjectCommand({
                    Bucket: 'main-bucket',
                    Key: 'docs/hello.json',
                    ChecksumMode: 'ENABLED',
                }),
            );
            assert.equal(await got.Body?.transformToString(), '{"hello":"world"}');
            assert.equal(got.ContentType, 'application/json');
            assert.deepEqual(got.Metadata, { origin: 'test' });
            assert.equal(got.ChecksumCRC32, put.ChecksumCRC32);
        });

        for (const algorithm of ['CRC32C', 'SHA256', 'SHA1', 'CRC64NVME'] as const) {
            it(`verify and return a ${algorithm} checksum`, async () => {
                const body = randomBytes(1000);
                const put = await s3.send(
                    new PutObjectCommand({
                        Bucket: 'main-bucket',
                        Key: `sum-${algorithm}`,
                        Body: body,
                        ChecksumAlgorithm: algorithm,
                    }),
                );
                const head = await s3.send(
                    new HeadObjectCommand({
                        Bucket: 'main-bucket',
                        Key: `sum-${algorithm}`,
                        ChecksumMode: 'ENABLED',
                    }),
                );
                assert.equal(head[`Checksum${algorithm}`], put[`Checksum${algorithm}`]);
                assert.ok(head[`Checksum${algorithm}`]);
                assert.deepEqual(await bytesOf(s3, 'main-bucket', `sum-${algorithm}`), body);
            });
        }

        it('accept Content-MD5 and refuse a body that does not match it (BadDigest)', async () => {
            const body = Buffer.from('md5 body');
            const md5 = createHash('md5').update(body).digest('base64');
            await s3.send(
                new PutObjectCommand({
                    Bucket: 'main-bucket',
                    Key: 'md5',
                    Body: body,
                    ContentMD5: md5,
                }),
            );
            const wrong = createHash('md5').update('other').digest('base64');
            const error = await rejection(
                s3.send(
                    new PutObjectCommand({
                        Bucket: 'main-bucket',
                        Key: 'md5',
                        Body: body,
                        ContentMD5: wrong,
                    }),
                ),
            );
            assert.equal(error.name, 'BadDigest');
        });

        it('refuse a body whose CRC32 does not match (BadDigest), keeping the old', async () => {
            await s3.send(
                new PutObjectCommand({ Bucket: 'main-bucket', Key: 'guarded', Body: 'original' }),
            );
            const error = await rejection(
                s3.send(
                    new PutObjectCommand({
                        Bucket: 'main-bucket',
                        Key: 'guarded',
                        Body: 'replacement',
                        ChecksumCRC32: 'AAAAAA==',
                    }),
                ),
            );
            assert.equal(error.name, 'BadDigest');
            assert.equal(await local.s3.readText('main-bucket', 'guarded'), 'original');
        });

        it('decode stream bodies sent aws-chunked with a trailing checksum', async () => {
            const body = randomBytes(300 * 1024);
            const put = await s3.send(
                new PutObjectCommand({
                    Bucket: 'main-bucket',
                    Key: 'streamed.bin',
                    Body: Readable.from([body.subarray(0, 1000), body.subarray(1000)]),
                    ContentLength: body.length,
                }),
            );
            assert.ok(put.ChecksumCRC32);
            assert.equal(sha256(await bytesOf(s3, 'main-bucket', 'streamed.bin')), sha256(body));
        });

        it('never overwrite with If-None-Match: * (412 PreconditionFailed)', async () => {
            await s3.send(
                new PutObjectCommand({
                    Bucket: 'main-bucket',
                    Key: 'once',
                    Body: 'first',
                    IfNoneMatch: '*',
                }),
            );
            const error = await rejection(
                s3.send(
                    new PutObjectCommand({
                        Bucket: 'main-bucket',
                        Key: 'once',
                        Body: 'second',
                        IfNoneMatch: '*',
                    }),
                ),
            );
            assert.equal(error.name, 'PreconditionFailed');
            assert.equal(error.$metadata?.httpStatusCode, 412);
            assert.equal(await local.s3.readText('main-bucket', 'once'), 'first');
        });

        it('let only one of several racing conditional creates win', async () => {
            const results = await Promise.allSettled(
                [1, 2, 3].map((n) =>
                    s3.send(
                        new PutObjectCommand({
                            Bucket: 'main-bucket',
                            Key: 'race',
                            Body: randomBytes(200_000 + n),
                            IfNoneMatch: '*',
                        }),
                    ),
                ),
            );
            assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
        });

        it('serve byte ranges', async () => {
            await s3.send(
                new PutObjectCommand({ Bucket: 'main-bucket', Key: 'digits', Body: '0123456789' }),
            );
            assert.equal(
                (await bytesOf(s3, 'main-bucket', 'digits', { Range: 'bytes=2-4' })).toString(),
                '234',
            );
            assert.equal(
                (await bytesOf(s3, 'main-bucket', 'digits', { Range: 'bytes=7-' })).toString(),
                '789',
            );
            assert.equal(
                (await bytesOf(s3, 'main-bucket', 'digits', { Range: 'bytes=-3' })).toString(),
                '789',
            );
            const ranged = await s3.send(
                new GetObjectCommand({
                    Bucket: 'main-bucket',
                    Key: 'digits',
                    Range: 'bytes=0-0',
                    ChecksumMode: 'ENABLED',
                }),
            );
            assert.equal(ranged.ContentRange, 'bytes 0-0/10');
            assert.equal(ranged.ChecksumCRC32, undefined);
            await ranged.Body?.transformToString();
            const error = await rejection(
                s3.send(
                    new GetObjectCommand({
                        Bucket: 'main-bucket',
                        Key: 'digits',
                        Range: 'bytes=20-30',
                    }),
                ),
            );
            assert.equal(error.name, 'InvalidRange');
        });

        it('honour If-None-Match (304) and If-Match (412) on reads', async () => {
            const head = await s3.send(
                new HeadObjectCommand({ Bucket: 'main-bucket', Key: 'digits' }),
            );
            const notModified = await rejection(
                s3.send(
                    new GetObjectCommand({
                        Bucket: 'main-bucket',
                        Key: 'digits',
                        IfNoneMatch: head.ETag,
                    }),
                ),
            );
            assert.equal(notModified.$metadata?.httpStatusCode, 304);
            const failed = await rejection(
                s3.send(
                    new GetObjectCommand({
                        Bucket: 'main-bucket',
                        Key: 'digits',
                        IfMatch: '"0000"',
                    }),
                ),
            );
            assert.equal(failed.name, 'PreconditionFailed');
        });

        it('answer NoSuchKey for GetObject and a bare 404 for HeadObject', async () => {
            assert.equal(
                (
                    await rejection(
                        s3.send(new GetObjectCommand({ Bucket: 'main-bucket', Key: 'absent' })),
                    )
                ).name,
                'NoSuchKey',
            );
            const head = await rejection(
                s3.send(new HeadObjectCommand({ Bucket: 'main-bucket', Key: 'absent' })),
            );
            assert.equal(head.name, 'NotFound');
            assert.equal(head.$metadata?.httpStatusCode, 404);
        });

        it('delete one object, many objects, and copy', async () => {
            await s3.send(new PutObjectCommand({ Bucket: 'main-bucket', Key: 'tmp/a', Body: 'a' }));
            await s3.send(new PutObjectCommand({ Bucket: 'main-bucket', Key: 'tmp/b', Body: 'b' }));
            await s3.send(
                new CopyObjectCommand({
                    Bucket: 'main-bucket',
                    Key: 'tmp/c',
                    CopySource: 'main-bucket/tmp/a',
                }),
            );
            assert.equal(await local.s3.readText('main-bucket', 'tmp/c'), 'a');
            await s3.send(new DeleteObjectCommand({ Bucket: 'main-bucket', Key: 'tmp/a' }));
            const deleted = await s3.send(
                new DeleteObjectsCommand({
                    Bucket: 'main-bucket',
                    Delete: {
                        Objects: [{ Key: 'tmp/b' }, { Key: 'tmp/c' }, { Key: 'tmp/never-existed' }],
                    },
                }),
            );
            assert.deepEqual(
                deleted.Deleted?.map((d) => d.Key),
                ['tmp/b', 'tmp/c', 'tmp/never-existed'],
            );
            assert.deepEqual(await local.s3.listKeys('main-bucket', 'tmp/'), []);
        });

        /**
         * Sends headers with `Expect: 100-continue`; resolves with what the server answered first.
         */
        async function expectContinue(
            headers: Record<string, string>,
            path: string,
        ): Promise<'continue' | number> {
            return await new Promise((resolve, reject) => {
                const req = request({
                    host: '127.0.0.1',
                    port: local.port,
                    method: 'PUT',
                    path,
                    headers,
                });
                req.on('continue', () => {
                    resolve('continue');
                    req.end('abc');
                });
                req.on('response', (res) => {
                    res.resume();
                    resolve(res.statusCode ?? 0);
                });
                req.on('error', reject);
                req.flushHeaders();
            });
        }

        it('answer Expect: 100-continue once the signature checks out, else refuse', async () => {
            const headers = {
                host: `127.0.0.1:${local.port}`,
                expect: '100-continue',
                'content-length': '3',
                'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
            };
            const signed = await signer(local).sign(
                new HttpRequest({
                    method: 'PUT',
                    protocol: 'http:',
                    hostname: '127.0.0.1',
                    port: local.port,
                    path: '/main-bucket/continued.txt',
                    headers,
                }),
            );
            assert.equal(
                await expectContinue(signed.headers, '/main-bucket/continued.txt'),
                'continue',
            );
            assert.equal(await expectContinue(headers, '/main-bucket/refused.txt'), 403);
            const big = randomBytes(3 * MiB);
            await s3.send(
                new PutObjectCommand({ Bucket: 'main-bucket', Key: 'big-put.bin', Body: big }),
            );
            assert.equal(sha256(await bytesOf(s3, 'main-bucket', 'big-put.bin')), sha256(big));
        });
    });

    describe('ListObjectsV2', () => {
        const keys = ['a.txt', 'b/1.txt', 'b/2.txt', 'b/c/3.txt', 'c/4.txt', 'd.txt', 'e/5.txt'];

        before(async () => {
            await s3.send(new CreateBucketCommand({ Bucket: 'list-bucket' }));
            for (const key of keys) {
                await local.s3.putObject('list-bucket', key, key);
            }
        });

        it('lists everything in key order with KeyCount, no token on the last page', async () => {
            const pages = [];
            for await (const page of paginateListObjectsV2(
                { client: s3, pageSize: 3 },
                { Bucket: 'list-bucket' },
            )) {
                pages.push(page);
            }
            assert.deepEqual(
                pages.flatMap((p) => p.Contents?.map((c) => c.Key) ?? []),
                keys,
            );
            assert.deepEqual(
                pages.map((p) => p.KeyCount),
                [3, 3, 1],
            );
            assert.equal(pages.at(-1)?.IsTruncated, false);
            assert.equal(pages.at(-1)?.NextContinuationToken, undefined);
        });

        it('rolls keys up into CommonPrefixes with a delimiter, across pages', async () => {
            const entries: string[] = [];
            for await (const page of paginateListObjectsV2(
                { client: s3, pageSize: 2 },
                { Bucket: 'list-bucket', Delimiter: '/' },
            )) {
                entries.push(...(page.Contents ?? []).map((c) => `key:${c.Key ?? ''}`));
                entries.push(...(page.CommonPrefixes ?? []).map((p) => `prefix:${p.Prefix ?? ''}`));
            }
            assert.deepEqual(entries.sort(), [
                'key:a.txt',
                'key:d.txt',
                'prefix:b/',
                'prefix:c/',
                'prefix:e/',
            ]);
        });

        it('filters by prefix and starts after a key', async () => {
            const sub = [];
            for await (const page of paginateListObjectsV2(
                { client: s3 },
                { Bucket: 'list-bucket', Prefix: 'b/', Delimiter: '/', StartAfter: 'b/1.txt' },
            )) {
                sub.push(page);
            }
            assert.deepEqual(
                sub[0]?.Contents?.map((c) => c.Key),
                ['b/2.txt'],
            );
            assert.deepEqual(
                sub[0]?.CommonPrefixes?.map((p) => p.Prefix),
                ['b/c/'],
            );
        });
    });

    describe('multipart uploads', () => {
        it('lib-storage uploads a >5 MiB buffer and a stream with concurrent parts', async () => {
            const buffer = randomBytes(6 * MiB + 123);
            await new Upload({
                client: s3,
                params: { Bucket: 'main-bucket', Key: 'mp/buffer.bin', Body: buffer },
            }).done();
            assert.equal(sha256(await bytesOf(s3, 'main-bucket', 'mp/buffer.bin')), sha256(buffer));

            const streamed = randomBytes(17 * MiB + 7);
            const pieces = Array.from({ length: 9 }, (_, i) =>
                streamed.subarray(i * 2 * MiB, (i + 1) * 2 * MiB),
            );
            const upload = new Upload({
                client: s3,
                params: {
                    Bucket: 'main-bucket',
                    Key: 'mp/stream.bin',
                    Body: Readable.from(pieces),
                },
                queueSize: 4,
                partSize: 5 * MiB,
            });
            const result = await upload.done();
            assert.match(result.ETag ?? '', /^"[0-9a-f]{32}-4"$/);
            const got = await s3.send(
                new GetObjectCommand({
                    Bucket: 'main-bucket',
                    Key: 'mp/stream.bin',
                    ChecksumMode: 'ENABLED',
                }),
            );
            assert.match(got.ChecksumCRC32 ?? '', /-4$/);
            assert.equal(got.PartsCount, 4);
            const bytes = Buffer.from((await got.Body?.transformToByteArray()) ?? new Uint8Array());
            assert.equal(sha256(bytes), sha256(streamed));
            const parts = local.requests.list({ operation: 'UploadPart' });
            assert.ok(parts.length >= 5);
        });

        it('validates the part list on completion', async () => {
            const created = await s3.send(
                new CreateMultipartUploadCommand({ Bucket: 'main-bucket', Key: 'mp/manual.bin' }),
            );
            const UploadId = created.UploadId ?? '';
            const base = { Bucket: 'main-bucket', Key: 'mp/manual.bin', UploadId };
            const small = await s3.send(
                new UploadPartCommand({ ...base, PartNumber: 2, Body: Buffer.from('tail') }),
            );
            const first = await s3.send(
                new UploadPartCommand({ ...base, PartNumber: 1, Body: randomBytes(5 * MiB) }),
            );
            const listed = await s3.send(new ListPartsCommand(base));
            assert.deepEqual(
                listed.Parts?.map((p) => [p.PartNumber, p.Size]),
                [
                    [1, 5 * MiB],
                    [2, 4],
                ],
            );
            const uploads = await s3.send(
                new ListMultipartUploadsCommand({ Bucket: 'main-bucket', Prefix: 'mp/manual' }),
            );
            assert.deepEqual(
                uploads.Uploads?.map((u) => u.UploadId),
                [UploadId],
            );

            const outOfOrder = await rejection(
                s3.send(
                    new CompleteMultipartUploadCommand({
                        ...base,
                        MultipartUpload: {
                            Parts: [
                                { PartNumber: 2, ETag: small.ETag },
                                { PartNumber: 1, ETag: first.ETag },
                            ],
                        },
                    }),
                ),
            );
            assert.equal(outOfOrder.name, 'InvalidPartOrder');
            const wrongEtag = await rejection(
                s3.send(
                    new CompleteMultipartUploadCommand({
                        ...base,
                        MultipartUpload: {
                            Parts: [{ PartNumber: 1, ETag: '"00000000000000000000000000000000"' }],
                        },
                    }),
                ),
            );
            assert.equal(wrongEtag.name, 'InvalidPart');
            const tooSmall = await rejection(
                s3.send(
                    new CompleteMultipartUploadCommand({
                        ...base,
                        MultipartUpload: {
                            Parts: [
                                { PartNumber: 2, ETag: small.ETag },
                                { PartNumber: 3, ETag: small.ETag },
                            ],
                        },
                    }),
                ),
            );
            assert.equal(tooSmall.name, 'InvalidPart');

            await s3.send(
                new PutObjectCommand({
                    Bucket: 'main-bucket',
                    Key: 'mp/manual.bin',
                    Body: 'taken',
                }),
            );
            const conflict = await rejection(
                s3.send(
                    new CompleteMultipartUploadCommand({
                        ...base,
                        IfNoneMatch: '*',
                        MultipartUpload: {
                            Parts: [
                                { PartNumber: 1, ETag: first.ETag },
                                { PartNumber: 2, ETag: small.ETag },
                            ],
                        },
                    }),
                ),
            );
            assert.equal(conflict.name, 'PreconditionFailed');
            assert.equal(await local.s3.readText('main-bucket', 'mp/manual.bin'), 'taken');

            const done = await s3.send(
                new CompleteMultipartUploadCommand({
                    ...base,
                    MultipartUpload: {
                        Parts: [
                            { PartNumber: 1, ETag: first.ETag },
                            { PartNumber: 2, ETag: small.ETag },
                        ],
                    },
                }),
            );
            assert.match(done.ETag ?? '', /-2"$/);
            const head = await s3.send(
                new HeadObjectCommand({ Bucket: 'main-bucket', Key: 'mp/manual.bin' }),
            );
            assert.equal(head.ContentLength, 5 * MiB + 4);
        });

        it('refuses parts smaller than 5 MiB before the last with EntityTooSmall', async () => {
            const created = await s3.send(
                new CreateMultipartUploadCommand({ Bucket: 'main-bucket', Key: 'mp/small.bin' }),
            );
            const base = {
                Bucket: 'main-bucket',
                Key: 'mp/small.bin',
                UploadId: created.UploadId ?? '',
            };
            const one = await s3.send(
                new UploadPartCommand({ ...base, PartNumber: 1, Body: Buffer.from('tiny') }),
            );
            const two = await s3.send(
                new UploadPartCommand({ ...base, PartNumber: 2, Body: Buffer.from('tiny') }),
            );
            const error = await rejection(
                s3.send(
                    new CompleteMultipartUploadCommand({
                        ...base,
                        MultipartUpload: {
                            Parts: [
                                { PartNumber: 1, ETag: one.ETag },
                                { PartNumber: 2, ETag: two.ETag },
                            ],
                        },
                    }),
                ),
            );
            assert.equal(error.name, 'EntityTooSmall');
        });

        it('forgets aborted uploads (NoSuchUpload)', async () => {
            const created = await s3.send(
                new CreateMultipartUploadCommand({ Bucket: 'main-bucket', Key: 'mp/aborted.bin' }),
            );
            const base = {
                Bucket: 'main-bucket',
                Key: 'mp/aborted.bin',
                UploadId: created.UploadId ?? '',
            };
            await s3.send(new AbortMultipartUploadCommand(base));
            const error = await rejection(
                s3.send(new UploadPartCommand({ ...base, PartNumber: 1, Body: 'x' })),
            );
            assert.equal(error.name, 'NoSuchUpload');
        });
    });

    describe('as the ObjectStore of the simulators', () => {
        it('writes, lists and reads objects the SDK then sees', async () => {
            await local.s3.putObject(
                'main-bucket',
                'out/job1/records.jsonl.out',
                '{"recordId":"1"}\n',
            );
            assert.equal(await local.s3.bucketExists('main-bucket'), true);
            assert.equal(await local.s3.bucketExists('nope-bucket'), false);
            assert.deepEqual(await local.s3.listKeys('main-bucket', 'out/'), [
                'out/job1/records.jsonl.out',
            ]);
            assert.equal(
                (await bytesOf(s3, 'main-bucket', 'out/job1/records.jsonl.out')).toString(),
                '{"recordId":"1"}\n',
            );
            assert.equal(await local.s3.openObject('main-bucket', 'missing'), undefined);
        });

        it('keeps objects in a given data folder across restarts', async () => {
            const dataDir = `${local.dataDir}-persist`;
            const first = await startLocalAws({ modules: ['s3'], dataDir });
            await first.s3.createBucket('kept');
            await first.s3.putObject('kept', 'a/b.txt', 'still here');
            await first.stop();
            const second = await startLocalAws({ modules: ['s3'], dataDir });
            try {
                assert.equal(await second.s3.readText('kept', 'a/b.txt'), 'still here');
            } finally {
                await second.stop();
                const { rm } = await import('node:fs/promises');
                await rm(dataDir, { recursive: true, force: true });
            }
        });
    });
});

import * as assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { request } from 'node:http';
import { BedrockClient, ListFoundationModelsCommand } from '@aws-sdk/client-bedrock';
import { GetObjectCommand, ListBucketsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { HttpRequest } from '@smithy/core/protocols';
import { startLocalAws } from '../../../src/localAws/index';
import type { LocalAws } from '../../../src/localAws/index';
import { clientConfig, rawFetch, rejection, s3Client, signer, stsClient } from './helpers';
import { fakeBedrock } from './fakeModules';

describe('local AWS endpoint: authentication', function () {
    this.timeout(20000);
    let local: LocalAws;

    before(async () => {
        local = await startLocalAws({ modules: ['s3', 'sts', 'iam', 'sns', fakeBedrock()] });
        await local.s3.createBucket('auth-bucket');
        await local.s3.putObject('auth-bucket', 'hello.txt', 'hello');
    });
    after(async () => {
        await local.stop();
    });

    describe('a wrong secret', () => {
        it('is SignatureDoesNotMatch (403) for S3', async () => {
            const client = s3Client(local, {
                credentials: { ...local.credentials, secretAccessKey: 'wrong' },
            });
            const error = await rejection(client.send(new ListBucketsCommand({})));
            assert.equal(error.name, 'SignatureDoesNotMatch');
            assert.equal(error.$metadata?.httpStatusCode, 403);
            client.destroy();
        });

        it('is SignatureDoesNotMatch (403) for STS', async () => {
            const client = stsClient(local, {
                credentials: { ...local.credentials, secretAccessKey: 'wrong' },
            });
            const error = await rejection(client.send(new GetCallerIdentityCommand({})));
            assert.equal(error.name, 'SignatureDoesNotMatch');
            assert.equal(error.$metadata?.httpStatusCode, 403);
            client.destroy();
        });

        it('is InvalidSignatureException for a REST-JSON service', async () => {
            const client = new BedrockClient(
                clientConfig(local, {
                    credentials: { ...local.credentials, secretAccessKey: 'wrong' },
                }),
            );
            const error = await rejection(client.send(new ListFoundationModelsCommand({})));
            assert.equal(error.name, 'InvalidSignatureException');
            client.destroy();
        });
    });

    describe('an unknown access key', () => {
        const stranger = { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'whatever' };

        it('is InvalidAccessKeyId for S3', async () => {
            const client = s3Client(local, { credentials: stranger });
            const error = await rejection(client.send(new ListBucketsCommand({})));
            assert.equal(error.name, 'InvalidAccessKeyId');
            assert.equal(error.$metadata?.httpStatusCode, 403);
            client.destroy();
        });

        it('is InvalidClientTokenId for STS', async () => {
            const client = stsClient(local, { credentials: stranger });
            const error = await rejection(client.send(new GetCallerIdentityCommand({})));
            assert.equal(error.name, 'InvalidClientTokenId');
            client.destroy();
        });

        it('is UnrecognizedClientException for a REST-JSON service', async () => {
            const client = new BedrockClient(clientConfig(local, { credentials: stranger }));
            const error = await rejection(client.send(new ListFoundationModelsCommand({})));
            assert.equal(error.name, 'UnrecognizedClientException');
            assert.equal(error.message, 'The security token included in the request is invalid.');
            client.destroy();
        });
    });

    describe('a request signed too long ago', () => {
        const hourAgo = -60 * 60 * 1000;

        it('is RequestTimeTooSkewed for S3', async () => {
            const client = s3Client(local, { maxAttempts: 1, systemClockOffset: hourAgo });
            const error = await rejection(client.send(new ListBucketsCommand({})));
            assert.equal(error.name, 'RequestTimeTooSkewed');
            assert.equal(error.$metadata?.httpStatusCode, 403);
            client.destroy();
        });

        it('is "Signature expired" for STS', async () => {
            const client = stsClient(local, { maxAttempts: 1, systemClockOffset: hourAgo });
            const error = await rejection(client.send(new GetCallerIdentityCommand({})));
            assert.equal(error.name, 'SignatureDoesNotMatch');
            assert.match(
                error.message,
                new RegExp(
                    '^Signature expired: \\d{8}T\\d{6}Z is now earlier than \\d{8}T\\d{6}Z ' +
                        '\\(\\d{8}T\\d{6}Z - 15 min\\.\\)$',
                ),
            );
            client.destroy();
        });

        it('is InvalidSignatureException "Signature expired" for REST-JSON', async () => {
            const client = new BedrockClient({
                ...clientConfig(local, { maxAttempts: 1 }),
                systemClockOffset: hourAgo,
            });
            const error = await rejection(client.send(new ListFoundationModelsCommand({})));
            assert.equal(error.name, 'InvalidSignatureException');
            assert.match(error.message, /^Signature expired/);
            client.destroy();
        });

        it('lets the SDK correct its clock from the Date header, then succeed', async () => {
            const skewed = await startLocalAws({
                modules: ['sts'],
                serverTimeOffsetMs: 30 * 60 * 1000,
            });
            try {
                const client = stsClient(skewed);
                const result = await client.send(new GetCallerIdentityCommand({}));
                assert.equal(result.Account, skewed.accountId);
                assert.equal(result.$metadata.attempts, 2);
                client.destroy();
            } finally {
                await skewed.stop();
            }
        });
    });

    describe('temporary credentials', () => {
        it('are accepted with their session token', async () => {
            const sts = stsClient(local);
            const issued = await sts.send(new GetSessionTokenCommand({}));
            const temp: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string } =
                issued.Credentials ?? {};
            assert.ok(temp.AccessKeyId?.startsWith('ASIA'));
            const client = stsClient(local, {
                credentials: {
                    accessKeyId: temp.AccessKeyId ?? '',
                    secretAccessKey: temp.SecretAccessKey ?? '',
                    sessionToken: temp.SessionToken ?? '',
                },
            });
            const who = await client.send(new GetCallerIdentityCommand({}));
            assert.equal(who.Arn, `arn:aws:iam::${local.accountId}:user/local-user`);
            sts.destroy();
            client.destroy();
        });

        it('are refused without their session token', async () => {
            const temp = local.issueTemporaryCredentials();
            const client = s3Client(local, {
                credentials: {
                    accessKeyId: temp.accessKeyId,
                    secretAccessKey: temp.secretAccessKey,
                },
            });
            const error = await rejection(client.send(new ListBucketsCommand({})));
            assert.equal(error.name, 'InvalidToken');
            client.destroy();
        });

        it('are refused with ExpiredToken once they expire', async () => {
            const temp = local.issueTemporaryCredentials(1);
            await new Promise((resolve) => setTimeout(resolve, 5));
            const client = stsClient(local, { credentials: temp });
            const error = await rejection(client.send(new GetCallerIdentityCommand({})));
            assert.equal(error.name, 'ExpiredToken');
            client.destroy();
        });
    });

    describe('unsigned requests', () => {
        it('get AccessDenied from S3', async () => {
            const response = await rawFetch(local, '/auth-bucket/hello.txt');
            assert.equal(response.status, 403);
            assert.match(response.text, /<Code>AccessDenied<\/Code>/);
        });

        it('get MissingAuthenticationToken from query services', async () => {
            const response = await rawFetch(local, '/', {
                method: 'POST',
                headers: { 'content-type': 'application/x-www-form-urlencoded' },
                body: 'Action=GetCallerIdentity&Version=2011-06-15',
            });
            assert.equal(response.status, 403);
            assert.match(response.text, /<Code>MissingAuthenticationToken<\/Code>/);
        });
    });

    describe('presigned URLs', () => {
        // As @aws-sdk/s3-request-presigner does: S3 presigned URLs sign UNSIGNED-PAYLOAD.
        const presignOptions = {
            unhoistableHeaders: new Set(['x-amz-content-sha256']),
            unsignableHeaders: new Set(['x-amz-content-sha256']),
        };
        const objectRequest = (): HttpRequest =>
            new HttpRequest({
                method: 'GET',
                protocol: 'http:',
                hostname: '127.0.0.1',
                port: local.port,
                path: '/auth-bucket/hello.txt',
                headers: {
                    host: `127.0.0.1:${local.port}`,
                    'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
                },
            });

        it('open an object with a plain GET, as a browser would', async () => {
            const url = await signer(local).presign(objectRequest(), {
                ...presignOptions,
                expiresIn: 300,
            });
            const query = new URLSearchParams(url.query as Record<string, string>).toString();
            const response = await rawFetch(local, `${url.path}?${query}`);
            assert.equal(response.status, 200, response.text);
            assert.equal(response.text, 'hello');
        });

        it('are refused with "Request has expired" after their lifetime', async () => {
            const url = await signer(local).presign(objectRequest(), {
                ...presignOptions,
                expiresIn: 60,
                signingDate: new Date(Date.now() - 120_000),
            });
            const query = new URLSearchParams(url.query as Record<string, string>).toString();
            const response = await rawFetch(local, `${url.path}?${query}`);
            assert.equal(response.status, 403);
            assert.match(
                response.text,
                /<Code>AccessDenied<\/Code><Message>Request has expired<\/Message>/,
            );
        });
    });

    describe('signed streaming chunks (STREAMING-AWS4-HMAC-SHA256-PAYLOAD)', () => {
        async function putChunked(chunks: Buffer[], tamper: boolean): Promise<number> {
            const date = new Date();
            const amzDate = date
                .toISOString()
                .replace(/[-:]/g, '')
                .replace(/\.\d{3}Z$/, 'Z');
            const shortDate = amzDate.slice(0, 8);
            const scope = `${shortDate}/${local.region}/s3/aws4_request`;
            const total = chunks.reduce((n, c) => n + c.length, 0);
            const headers: Record<string, string> = {
                host: `127.0.0.1:${local.port}`,
                'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
                'content-encoding': 'aws-chunked',
                'x-amz-decoded-content-length': String(total),
            };
            const signed = await signer(local).sign(
                new HttpRequest({
                    method: 'PUT',
                    protocol: 'http:',
                    hostname: '127.0.0.1',
                    port: local.port,
                    path: '/auth-bucket/chunked.bin',
                    headers,
                }),
                { signingDate: date },
            );
            const authorization = String(signed.headers['authorization']);
            let previous = /Signature=([0-9a-f]{64})/.exec(authorization)?.[1] ?? '';
            let key: Buffer = createHmac('sha256', `AWS4${local.credentials.secretAccessKey}`)
                .update(shortDate)
                .digest();
            for (const part of [local.region, 's3', 'aws4_request']) {
                key = createHmac('sha256', key).update(part).digest();
            }
            const empty = createHash('sha256').update('').digest('hex');
            const framed: Buffer[] = [];
            for (const chunk of [...chunks, Buffer.alloc(0)]) {
                const toSign = [
                    'AWS4-HMAC-SHA256-PAYLOAD',
                    amzDate,
                    scope,
                    previous,
                    empty,
                    createHash('sha256').update(chunk).digest('hex'),
                ].join('\n');
                previous = createHmac('sha256', key).update(toSign).digest('hex');
                const body =
                    tamper && chunk.length > 0
                        ? Buffer.from(chunk.toString('utf8').toUpperCase())
                        : chunk;
                framed.push(
                    Buffer.from(`${chunk.length.toString(16)};chunk-signature=${previous}\r\n`),
                    body,
                    Buffer.from('\r\n'),
                );
            }
            const payload = Buffer.concat(framed);
            return await new Promise<number>((resolve, reject) => {
                const req = request(
                    {
                        host: '127.0.0.1',
                        port: local.port,
                        method: 'PUT',
                        path: '/auth-bucket/chunked.bin',
                        headers: { ...signed.headers, 'content-length': String(payload.length) },
                    },
                    (res) => {
                        res.resume();
                        res.on('end', () => resolve(res.statusCode ?? 0));
                    },
                );
                req.on('error', reject);
                req.end(payload);
            });
        }

        it('are verified and stored without their framing', async () => {
            const status = await putChunked(
                [Buffer.from('first chunk, '), Buffer.from('second chunk')],
                false,
            );
            assert.equal(status, 200);
            assert.equal(
                await local.s3.readText('auth-bucket', 'chunked.bin'),
                'first chunk, second chunk',
            );
        });

        it('are refused when a chunk does not match its signature', async () => {
            const status = await putChunked([Buffer.from('abc'), Buffer.from('def')], true);
            assert.equal(status, 403);
        });
    });

    it('checks the signature of requests with keys in odd characters', async () => {
        const client = s3Client(local);
        const key = "odd keys/ü ~!'()*+,;=@$&[]#%.txt";
        await client.send(new PutObjectCommand({ Bucket: 'auth-bucket', Key: key, Body: 'odd' }));
        const got = await client.send(new GetObjectCommand({ Bucket: 'auth-bucket', Key: key }));
        assert.equal(await got.Body?.transformToString(), 'odd');
        client.destroy();
    });
});

import * as assert from 'node:assert/strict';
import { BedrockClient, ListFoundationModelsCommand } from '@aws-sdk/client-bedrock';
import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { GetObjectCommand, ListBucketsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startLocalAws } from '../../../src/localAws/index';
import type { LocalAws } from '../../../src/localAws/index';
import { clientConfig, rejection, s3Client, stsClient } from './helpers';
import { fakeBedrock, fakeCloudWatch } from './fakeModules';
import type { SeenBody } from './fakeModules';

describe('local AWS endpoint: injected faults', function () {
    this.timeout(20000);
    let local: LocalAws;
    let s3: S3Client;
    let sts: STSClient;
    const metricBodies: SeenBody[] = [];

    before(async () => {
        local = await startLocalAws({
            modules: ['s3', 'sts', 'sns', fakeBedrock(), fakeCloudWatch(metricBodies)],
        });
        s3 = s3Client(local);
        sts = stsClient(local);
        await local.s3.createBucket('fault-bucket');
        await local.s3.putObject('fault-bucket', 'big.txt', 'x'.repeat(100_000));
    });
    afterEach(() => {
        local.faults.clear();
    });
    after(async () => {
        s3.destroy();
        sts.destroy();
        await local.stop();
    });

    describe("throttling, in each protocol's shape, retried by the SDK", () => {
        it('S3: 503 SlowDown twice, then success on attempt 3', async () => {
            local.faults.add({
                kind: 'throttle',
                service: 's3',
                operation: 'ListBuckets',
                count: 2,
            });
            const result = await s3.send(new ListBucketsCommand({}));
            assert.equal(result.$metadata.attempts, 3);
            const log = local.requests.list({ operation: 'ListBuckets' }).slice(-3);
            assert.deepEqual(
                log.map((r) => [r.status, r.errorCode, r.attempt]),
                [
                    [503, 'SlowDown', 1],
                    [503, 'SlowDown', 2],
                    [200, undefined, 3],
                ],
            );
            assert.equal(new Set(log.map((r) => r.invocationId)).size, 1);
        });

        it('STS (awsQuery): Throttling', async () => {
            local.faults.add({ kind: 'throttle', service: 'sts', count: 2 });
            const result = await sts.send(new GetCallerIdentityCommand({}));
            assert.equal(result.$metadata.attempts, 3);
        });

        it('REST-JSON: 429 ThrottlingException, surfaced once retries run out', async () => {
            const bedrock = new BedrockClient(clientConfig(local));
            local.faults.add({ kind: 'throttle', service: 'bedrock', count: 3 });
            const error = await rejection(bedrock.send(new ListFoundationModelsCommand({})));
            assert.equal(error.name, 'ThrottlingException');
            assert.equal(error.$metadata?.httpStatusCode, 429);
            assert.equal(error.$metadata?.attempts, 3);
            bedrock.destroy();
        });

        it('CloudWatch (query-compatible awsJson): 400 Throttling', async () => {
            const cloudwatch = new CloudWatchClient({
                ...clientConfig(local),
                retryStrategy: clientConfig(local, { maxAttempts: 1 }).retryStrategy,
            });
            local.faults.add({ kind: 'throttle', service: 'monitoring' });
            const error = await rejection(
                cloudwatch.send(
                    new PutMetricDataCommand({
                        Namespace: 'Test',
                        MetricData: [{ MetricName: 'm', Value: 1 }],
                    }),
                ),
            );
            assert.equal(error.name, 'Throttling');
            assert.equal(error.$metadata?.httpStatusCode, 400);
            cloudwatch.destroy();
        });
    });

    it('fails requests with a 5xx the SDK retries', async () => {
        local.faults.add({ kind: 'serverError', service: 'sts', count: 1 });
        local.faults.add({ kind: 'unavailable', service: 'sts', count: 1 });
        const result = await sts.send(new GetCallerIdentityCommand({}));
        assert.equal(result.$metadata.attempts, 3);
        const codes = local.requests
            .list({ service: 'sts' })
            .slice(-3)
            .map((r) => r.errorCode);
        assert.deepEqual(codes, ['InternalFailure', 'ServiceUnavailable', undefined]);
    });

    it('answers with a chosen error', async () => {
        local.faults.add({
            kind: 'error',
            service: 's3',
            operation: 'GetObject',
            error: { code: 'AccessDenied', status: 403, message: 'Access Denied' },
        });
        const error = await rejection(
            s3.send(new GetObjectCommand({ Bucket: 'fault-bucket', Key: 'big.txt' })),
        );
        assert.equal(error.name, 'AccessDenied');
    });

    it('delays a request and then answers it', async () => {
        local.faults.add({ kind: 'delay', service: 'sts', delayMs: 50 });
        const result = await sts.send(new GetCallerIdentityCommand({}));
        assert.equal(result.$metadata.attempts, 1);
        assert.equal(local.requests.list({ service: 'sts' }).at(-1)?.fault, 'delay');
    });

    it('drops the connection mid-body; the SDK retries the call', async () => {
        local.faults.add({ kind: 'dropMidBody', service: 'sts' });
        const result = await sts.send(new GetCallerIdentityCommand({}));
        assert.equal(result.$metadata.attempts, 2);
        const log = local.requests.list({ service: 'sts' }).slice(-2);
        assert.deepEqual(
            log.map((r) => [r.status, r.dropped]),
            [
                [200, true],
                [200, undefined],
            ],
        );
    });

    it('drops the connection before any response, after the operation ran', async () => {
        const sns = new SNSClient(clientConfig(local));
        local.faults.add({ kind: 'dropBeforeResponse', service: 'sns', operation: 'Publish' });
        const topicArn = `arn:aws:sns:us-east-1:${local.accountId}:batch-alerts`;
        const result = await sns.send(
            new PublishCommand({ TopicArn: topicArn, Message: 'job done' }),
        );
        assert.equal(result.$metadata.attempts, 2);
        // The first attempt published before its answer was lost: a real retry hazard.
        assert.equal(local.snsMessages(topicArn).filter((m) => m.message === 'job done').length, 2);
        sns.destroy();
    });

    it('drops the connection without running the operation when asked', async () => {
        local.faults.add({
            kind: 'dropBeforeResponse',
            service: 's3',
            operation: 'PutObject',
            afterHandling: false,
        });
        await s3.send(
            new PutObjectCommand({
                Bucket: 'fault-bucket',
                Key: 'once.txt',
                Body: 'x',
                IfNoneMatch: '*',
            }),
        );
        assert.equal(await local.s3.readText('fault-bucket', 'once.txt'), 'x');
    });

    it('cuts a streamed GetObject body in half; the reader sees the failure', async () => {
        local.faults.add({ kind: 'dropMidBody', service: 's3', operation: 'GetObject' });
        const error = await rejection(
            (async () => {
                const got = await s3.send(
                    new GetObjectCommand({ Bucket: 'fault-bucket', Key: 'big.txt' }),
                );
                await got.Body?.transformToString();
            })(),
        );
        assert.match(error.message, /aborted|ECONNRESET|socket hang up|premature close/i);
    });

    it('makes every call fail with expired credentials until cleared', async () => {
        local.faults.add({ kind: 'expiredCredentials', count: 'untilCleared' });
        assert.equal(
            (await rejection(sts.send(new GetCallerIdentityCommand({})))).name,
            'ExpiredToken',
        );
        assert.equal((await rejection(s3.send(new ListBucketsCommand({})))).name, 'ExpiredToken');
        const bedrock = new BedrockClient(clientConfig(local));
        assert.equal(
            (await rejection(bedrock.send(new ListFoundationModelsCommand({})))).name,
            'ExpiredTokenException',
        );
        bedrock.destroy();
        assert.equal(local.faults.list()[0]?.hits, 3);
        local.faults.clear();
        assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Account, local.accountId);
    });

    it('makes calls fail with invalid credentials', async () => {
        local.faults.add({ kind: 'invalidCredentials', service: 'sts' });
        assert.equal(
            (await rejection(sts.send(new GetCallerIdentityCommand({})))).name,
            'InvalidClientTokenId',
        );
    });

    it('consumes counts and matches only its service and operation', async () => {
        const id = local.faults.add({
            kind: 'throttle',
            service: 's3',
            operation: 'PutObject',
            count: 5,
        });
        await sts.send(new GetCallerIdentityCommand({}));
        await s3.send(new ListBucketsCommand({}));
        assert.equal(local.faults.list().find((f) => f.id === id)?.remaining, 5);
        await rejection(
            s3Client(local, { maxAttempts: 2 }).send(
                new PutObjectCommand({ Bucket: 'fault-bucket', Key: 'k', Body: 'v' }),
            ),
        );
        assert.equal(local.faults.list().find((f) => f.id === id)?.remaining, 3);
        assert.equal(local.faults.remove(id), true);
        assert.deepEqual(local.faults.list(), []);
    });

    it('matches only the region a request was signed for, when given one', async () => {
        const elsewhere = local.region === 'us-west-2' ? 'eu-west-1' : 'us-west-2';
        const id = local.faults.add({ kind: 'throttle', service: 'sts', region: elsewhere });
        await sts.send(new GetCallerIdentityCommand({}));
        assert.equal(local.faults.list().find((f) => f.id === id)?.remaining, 1);
        const signedElsewhere = new STSClient({
            ...clientConfig(local, { maxAttempts: 1 }),
            region: elsewhere,
        });
        assert.equal(
            (await rejection(signedElsewhere.send(new GetCallerIdentityCommand({})))).name,
            'Throttling',
        );
        assert.deepEqual(local.faults.list(), []);
        signedElsewhere.destroy();
    });

    it('receives gzipped CloudWatch bodies decoded', async () => {
        const cloudwatch = new CloudWatchClient(clientConfig(local));
        const metricData = Array.from({ length: 500 }, (_, i) => ({
            MetricName: `metric-${i}`,
            Value: i,
            Unit: 'Count' as const,
        }));
        await cloudwatch.send(
            new PutMetricDataCommand({ Namespace: 'AWS/Bedrock/Batch', MetricData: metricData }),
        );
        const seen = metricBodies.at(-1);
        assert.equal(seen?.contentEncoding, 'gzip');
        assert.equal(
            (seen?.body as { MetricData?: unknown[] } | undefined)?.MetricData?.length,
            500,
        );
        cloudwatch.destroy();
    });
});

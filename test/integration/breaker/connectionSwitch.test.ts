// Breaker evidence: changing the connection (profile + endpoints, as Open/Leave Sandbox or a
// profile switch does) while a submission is uploading. The job must be created where its input
// went, or not at all with a clear message; never silently on the other connection.
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { BedrockService } from '../../../src/localAws/bedrock';
import type { LoggedRequest } from '../../../src/localAws/core/requestLog';
import type { SubmitOutcome } from '../../../src/submit/submitFlow';
import { extensionApi, extensionId } from '../support/extension';
import { useLocalAws, type TestAws } from '../support/localAws';
import { waitFor } from '../support/waitFor';

const bucket = 'bb-breaker-switch';
const haiku = 'anthropic.claude-3-haiku-20240307-v1:0';

function fixture(name: string): string {
    const extension = vscode.extensions.getExtension(extensionId);
    return join(extension?.extensionPath ?? '', 'test', 'fixtures', 'submit', name);
}

async function jobNames(local: TestAws): Promise<string[]> {
    const service = local.aws.state('bedrock') as BedrockService;
    return (await service.listAllJobs()).map((job) => String(job['jobName']));
}

/**
 * What a submission sends: S3 calls and CreateModelInvocationJob (known by method and path too,
 * as a request refused for its signature has no operation name).
 */
function submissionCalls(local: TestAws): LoggedRequest[] {
    return local.aws.requests
        .list()
        .filter(
            (r) =>
                r.service === 's3' ||
                r.operation === 'CreateModelInvocationJob' ||
                (r.method === 'POST' && r.path.split('?')[0] === '/model-invocation-job'),
        );
}

describe('breaker: the connection changes while a submission runs', function () {
    this.timeout(120_000);
    let first: TestAws | undefined;
    let second: TestAws | undefined;
    let third: TestAws | undefined;
    let fourth: TestAws | undefined;
    let work: string;

    before(async () => {
        await extensionApi();
        work = mkdtempSync(join(tmpdir(), 'bb-breaker-switch-'));
    });

    after(async () => {
        await fourth?.dispose();
        await third?.dispose();
        await second?.dispose();
        await first?.dispose();
        rmSync(work, { recursive: true, force: true });
    });

    it('does not send the Create to the new connection while the input went to the old one', async () => {
        first = await useLocalAws();
        const a = first;
        await a.aws.s3.createBucket(bucket, a.aws.region);
        await (a.aws.state('bedrock') as BedrockService).updateSettings({ minRecordsPerJob: 1 });
        const file = join(work, 'switch.jsonl');
        copyFileSync(fixture('support tickets 2024+Q1.jsonl'), file);
        a.aws.faults.add({ kind: 'delay', service: 's3', operation: 'PutObject', delayMs: 4000 });
        const running = vscode.commands.executeCommand<SubmitOutcome>(
            'bedrockBatch.submitJob',
            vscode.Uri.file(file),
            [vscode.Uri.file(file)],
            {
                region: a.aws.region,
                modelId: haiku,
                roleArn: `arn:aws:iam::${a.aws.accountId}:role/BedrockBatchServiceRole`,
                bucket,
                prefix: 'in',
                outputPrefix: 'out',
                skipConfirm: true,
                jobName: 'switch-mid-upload',
            },
        );
        await waitFor(
            () => a.aws.requests.list({ service: 's3', operation: 'PutObject' }).length,
            (n) => n > 0,
            'the upload to start on the first connection',
        );
        // Another profile and endpoint (what entering or leaving the sandbox does).
        second = await useLocalAws();
        const b = second;
        await (b.aws.state('bedrock') as BedrockService).updateSettings({ minRecordsPerJob: 1 });
        const outcome = await running;
        const onFirst = await jobNames(a);
        const onSecond = await jobNames(b);
        process.stdout.write(
            `    outcome ${JSON.stringify(outcome).slice(0, 400)}; first ${JSON.stringify(onFirst)}` +
                `; second ${JSON.stringify(onSecond)}\n`,
        );
        for (const [name, local] of [['first', a], ['second', b]] as const) {
            const calls = local.aws.requests
                .list()
                .map((r) => `${r.service}:${r.operation}:${r.status ?? '-'}:${r.errorCode ?? ''}`);
            process.stdout.write(`    ${name} saw ${JSON.stringify(calls)}\n`);
        }
        // The Create of a submission whose input went to the first connection must not be sent
        // to the second (with whichever credentials are current at that moment), nor any of
        // its S3 calls. (Batch Jobs listing the second connection's jobs is right, when the
        // view is open.)
        const strays = submissionCalls(b);
        assert.deepEqual(
            strays.map((r) => `${r.operation ?? '?'} ${r.status ?? '-'} ${r.errorCode ?? ''}`),
            [],
            `outcome ${JSON.stringify(outcome).slice(0, 300)}; jobs on the first (where the input ` +
                `is): ${JSON.stringify(onFirst)}; on the second: ${JSON.stringify(onSecond)}`,
        );
    });

    it('resumes a lost Create only through the connection it was sent through', async () => {
        third = await useLocalAws();
        const a = third;
        const testing = (await extensionApi()).testing;
        await a.aws.s3.createBucket(bucket, a.aws.region);
        await (a.aws.state('bedrock') as BedrockService).updateSettings({ minRecordsPerJob: 1 });
        const file = join(work, 'resume-elsewhere.jsonl');
        copyFileSync(fixture('support tickets 2024+Q1.jsonl'), file);
        // Every Create reaches Bedrock on the first connection, but no answer comes back.
        a.aws.faults.add({
            kind: 'dropBeforeResponse',
            service: 'bedrock',
            operation: 'CreateModelInvocationJob',
            count: 20,
        });
        const failed = await vscode.commands.executeCommand<SubmitOutcome>(
            'bedrockBatch.submitJob',
            vscode.Uri.file(file),
            [vscode.Uri.file(file)],
            {
                region: a.aws.region,
                modelId: haiku,
                roleArn: `arn:aws:iam::${a.aws.accountId}:role/BedrockBatchServiceRole`,
                bucket,
                prefix: 'in',
                outputPrefix: 'out',
                skipConfirm: true,
                jobName: 'resume-elsewhere',
            },
        );
        a.aws.faults.clear();
        assert.equal(failed.status, 'failed', JSON.stringify(failed));
        const pending = testing.submit.pending
            .list()
            .find((p) => p.request.jobName === 'resume-elsewhere');
        const token = pending?.request.clientRequestToken;
        assert.ok(token, 'the lost Create is kept for resuming');
        const isPending = (t: string): boolean =>
            testing.submit.pending.list().some((p) => p.request.clientRequestToken === t);
        assert.match(pending?.connection ?? '', new RegExp(`^profile ${a.profile};`));
        assert.deepEqual(await jobNames(a), ['resume-elsewhere'], 'the first attempt created it');

        try {
            // Another connection: resuming there would ask an account without the job or its input.
            fourth = await useLocalAws();
            const b = fourth;
            const refused = await vscode.commands.executeCommand<SubmitOutcome>(
                'bedrockBatch.resumeSubmission',
                token,
            );
            assert.equal(refused.status, 'failed', JSON.stringify(refused));
            assert.match(
                refused.status === 'failed' ? refused.message : '',
                new RegExp(
                    `was sent through profile ${a.profile};.* now uses profile ${b.profile};`,
                ),
            );
            assert.deepEqual(submissionCalls(b), []);
            assert.ok(isPending(token), 'the request stays stored for resuming');

            // Back on the first connection, Resume finds the job the first attempt started.
            const config = vscode.workspace.getConfiguration('bedrockBatch');
            const services = ['bedrock', 's3', 'monitoring', 'sts', 'iam', 'sns', 'servicequotas'];
            await config.update(
                'endpoints',
                Object.fromEntries(services.map((service) => [service, a.aws.endpoint])),
                true,
            );
            await config.update('profile', a.profile, true);
            const resumed = await vscode.commands.executeCommand<SubmitOutcome>(
                'bedrockBatch.resumeSubmission',
                token,
            );
            assert.equal(resumed.status, 'started', JSON.stringify(resumed));
            assert.deepEqual(await jobNames(a), ['resume-elsewhere']);
            assert.ok(!isPending(token), 'the request is resolved');
        } finally {
            // A failure here must not leave a pending Create for the suites that follow.
            await testing.submit.pending.remove(token);
        }
    });
});

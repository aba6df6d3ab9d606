// Breaker evidence: dropped connections and cancellations on the submit and download paths.
// Each test fails while the bug it names is present.
import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BedrockClient, ListModelInvocationJobsCommand } from '@aws-sdk/client-bedrock';
import {
    CreateBucketCommand,
    ListMultipartUploadsCommand,
    PutObjectCommand,
    S3Client,
} from '@aws-sdk/client-s3';
import * as vscode from 'vscode';
import type { BedrockService } from '../../../src/localAws/bedrock';
import type { DownloadOutcome } from '../../../src/results/downloadCommand';
import type { SubmitOutcome } from '../../../src/submit/submitFlow';
import type { TestingApi } from '../../../src/testing/api';
import { haiku, prepareBedrock, seedJob } from '../../support/jobSeeds';
import { evaluateInWorkbench, hasBridge } from '../support/bridge';
import { extensionApi, extensionId } from '../support/extension';
import { useLocalAws, type TestAws } from '../support/localAws';
import { waitFor } from '../support/waitFor';

const bucket = 'bb-breaker-input';
const fixtureName = 'support tickets 2024+Q1.jsonl';

function fixture(name: string): string {
    const extension = vscode.extensions.getExtension(extensionId);
    return join(extension?.extensionPath ?? '', 'test', 'fixtures', 'submit', name);
}

/** Claude records with long prompts, so the file needs a multipart upload (5 MiB parts). */
function bigClaudeFile(path: string, records: number, textBytes: number): void {
    const text = 'Every shipment of the quarter, with its delay and its cause. '
        .repeat(Math.ceil(textBytes / 60))
        .slice(0, textBytes);
    const lines = Array.from({ length: records }, (_, i) =>
        JSON.stringify({
            recordId: `BRK${String(i).padStart(6, '0')}`,
            modelInput: {
                anthropic_version: 'bedrock-2023-05-31',
                max_tokens: 200,
                messages: [{ role: 'user', content: [{ type: 'text', text: `${i}: ${text}` }] }],
            },
        }),
    );
    writeFileSync(path, `${lines.join('\n')}\n`);
}

/** Every notification's text, from the notification center (toasts hide after a while). */
async function notificationTexts(): Promise<string> {
    if (!hasBridge()) {
        return '';
    }
    await vscode.commands.executeCommand('notifications.showList');
    const text = String(
        await evaluateInWorkbench(
            `document.querySelector('.notifications-center')?.innerText ?? ''`,
        ),
    );
    await vscode.commands.executeCommand('notifications.hideList');
    return text;
}

function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('breaker: AWS failures and cancellation on submit and download', function () {
    this.timeout(180_000);
    let local: TestAws;
    let s3: S3Client;
    let bedrock: BedrockClient;
    let testing: TestingApi;
    let work: string;
    let roleArn: string;

    const preset = (extra: Record<string, unknown>): Record<string, unknown> => ({
        region: local.aws.region,
        modelId: haiku,
        roleArn,
        bucket,
        prefix: 'in',
        outputPrefix: 'out',
        skipConfirm: true,
        ...extra,
    });

    async function jobsNamed(prefix: string): Promise<string[]> {
        const listed = await bedrock.send(
            new ListModelInvocationJobsCommand({ nameContains: prefix }),
        );
        return (listed.invocationJobSummaries ?? []).map((j) => j.jobName ?? '');
    }

    before(async () => {
        local = await useLocalAws();
        const config = {
            region: local.aws.region,
            endpoint: local.aws.endpoint,
            credentials: local.aws.credentials,
        };
        s3 = new S3Client({ ...config, forcePathStyle: true });
        bedrock = new BedrockClient(config);
        await s3.send(new CreateBucketCommand({ Bucket: bucket }));
        const service = local.aws.state('bedrock') as BedrockService;
        await service.updateSettings({ concurrentJobsPerModel: 1000, minRecordsPerJob: 1 });
        roleArn = `arn:aws:iam::${local.aws.accountId}:role/BedrockBatchServiceRole`;
        testing = (await extensionApi()).testing;
        work = mkdtempSync(join(tmpdir(), 'bb-breaker-aws-'));
    });

    after(async () => {
        s3?.destroy();
        bedrock?.destroy();
        await local?.dispose();
        if (work !== undefined) {
            rmSync(work, { recursive: true, force: true });
        }
    });

    beforeEach(async () => {
        await vscode.commands.executeCommand('notifications.clearAll');
    });

    afterEach(() => {
        local.aws.faults.clear();
        local.aws.clock.advance(8 * 24 * 60 * 60 * 1000);
    });

    it('cancelling while Create is in flight does not leave a job the user was not told of', async () => {
        const file = join(work, 'cancel-create.jsonl');
        copyFileSync(fixture(fixtureName), file);
        const since = local.aws.requests.list().at(-1)?.seq ?? 0;
        // Bedrock is slow to answer: the request has arrived, the answer has not.
        local.aws.faults.add({
            kind: 'delay',
            service: 'bedrock',
            operation: 'CreateModelInvocationJob',
            delayMs: 3000,
        });
        const running = vscode.commands.executeCommand<SubmitOutcome>(
            'bedrockBatch.submitJob',
            vscode.Uri.file(file),
            [vscode.Uri.file(file)],
            preset({ jobName: 'cancel-in-create' }),
        );
        await waitFor(
            () =>
                local.aws.requests.list({
                    service: 'bedrock',
                    operation: 'CreateModelInvocationJob',
                    since,
                }).length,
            (n) => n >= 1,
            'the Create request to reach Bedrock',
        );
        assert.ok(testing.submit.cancelRunning(), 'a submission was running');
        const outcome = await running;
        await sleep(4000);
        const jobs = await jobsNamed('cancel-in-create');
        const told = await notificationTexts();
        // Either the cancel really stopped it, or the user hears that a job exists anyway.
        assert.ok(
            jobs.length === 0 || told.includes('cancel-in-create'),
            `outcome ${JSON.stringify(outcome)}; ${jobs.length} job(s) named cancel-in-create ` +
                `exist; notifications: ${JSON.stringify(told)}; pending: ` +
                `${testing.submit.pending.list().length}`,
        );
    });

    it('a connection lost mid-upload leaves no open multipart upload behind', async () => {
        const big = join(work, 'dropped upload.jsonl');
        bigClaudeFile(big, 150, 150_000);
        // The network goes away while parts are being sent: the parts never arrive, and the
        // clean-up call that follows does not get through either.
        local.aws.faults.add({
            kind: 'dropBeforeResponse',
            service: 's3',
            operation: 'UploadPart',
            afterHandling: false,
            count: 'untilCleared',
        });
        local.aws.faults.add({
            kind: 'unavailable',
            service: 's3',
            operation: 'AbortMultipartUpload',
            count: 'untilCleared',
        });
        const outcome = await vscode.commands.executeCommand<SubmitOutcome>(
            'bedrockBatch.submitJob',
            vscode.Uri.file(big),
            [vscode.Uri.file(big)],
            preset({ jobName: 'dropped-upload' }),
        );
        local.aws.faults.clear();
        const uploads = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
        const open = (uploads.Uploads ?? []).map((u) => u.Key);
        const told = await notificationTexts();
        assert.equal(outcome.status, 'failed', JSON.stringify(outcome));
        assert.ok(
            open.length === 0 || told.includes(open[0] ?? '\u0000'),
            `open multipart uploads left behind without a word: ${JSON.stringify(open)}; ` +
                `the user read: ${JSON.stringify(
                    outcome.status === 'failed' ? outcome.message : outcome,
                )}`,
        );
    });

    it('when the second of two jobs fails, the message does not say the first failed too', async () => {
        const a = join(work, 'first file.jsonl');
        const b = join(work, 'second file.jsonl');
        copyFileSync(fixture(fixtureName), a);
        writeFileSync(
            b,
            (await vscode.workspace.fs.readFile(vscode.Uri.file(a)))
                .toString()
                .replace(/TICKET-/g, 'TICKET-B-'),
        );
        // The first file is already in S3 (nothing to send); the second one's PutObject is refused.
        await s3.send(
            new PutObjectCommand({
                Bucket: bucket,
                Key: 'in/first-file.jsonl',
                Body: (await vscode.workspace.fs.readFile(vscode.Uri.file(a))).toString(),
            }),
        );
        local.aws.faults.add({
            kind: 'error',
            service: 's3',
            operation: 'PutObject',
            error: { code: 'AccessDenied', status: 403, message: 'Access Denied' },
        });
        const uris = [vscode.Uri.file(a), vscode.Uri.file(b)];
        const outcome = await vscode.commands.executeCommand<SubmitOutcome>(
            'bedrockBatch.submitJob',
            uris[0],
            uris,
            preset({ mode: 'jobPerFile', onConflict: 'newKey' }),
        );
        const started = outcome.status === 'failed' ? outcome.jobs.map((j) => j.jobName) : [];
        const told = await notificationTexts();
        const failureLine = told.split('\n').find((line) => line.startsWith('Could not submit'));
        assert.equal(outcome.status, 'failed', JSON.stringify(outcome));
        assert.equal(started.length, 1, 'the first job started');
        assert.ok(
            failureLine !== undefined && !failureLine.includes(started[0] ?? '\u0000'),
            `the failure names the job that started: ${JSON.stringify(failureLine)}`,
        );
    });

    it('a download cut mid-file says what happened and leaves nothing half-written', async () => {
        const service = await prepareBedrock(local.aws);
        const arn = await seedJob(local.aws, service, {
            region: local.aws.region,
            name: 'cut-download',
            modelId: haiku,
            status: 'Completed',
        });
        const job = await service.describeJob(arn);
        const folder = join(work, 'downloaded');
        local.aws.faults.add({
            kind: 'dropMidBody',
            service: 's3',
            operation: 'GetObject',
            count: 'untilCleared',
        });
        const outcome = await vscode.commands.executeCommand<DownloadOutcome | undefined>(
            'bedrockBatch.downloadResults',
            { region: local.aws.region, job },
            { folder },
        );
        local.aws.faults.clear();
        assert.equal(outcome, undefined);
        assert.ok(
            !existsSync(folder) || readdirSync(folder).length === 0,
            `left behind: ${existsSync(folder) ? readdirSync(folder).join(', ') : ''}`,
        );
        if (hasBridge()) {
            const told = await waitFor(
                notificationTexts,
                (text) => text.includes('Could not download'),
                'the download failure',
            );
            const line = told.split('\n').find((l) => l.includes('Could not download')) ?? '';
            // The user should learn the connection dropped and be offered a retry.
            assert.match(told, /Retry/, `no Retry offered: ${JSON.stringify(told)}`);
            assert.match(
                line,
                /connection|reach|network|interrupted|closed|dropped/i,
                `unclear message: ${JSON.stringify(line)}`,
            );
        }
    });
});

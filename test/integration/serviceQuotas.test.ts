import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import * as vscode from 'vscode';
import type { ServiceQuotasState } from '../../src/localAws/servicequotas/serviceQuotasModule';
import { modelQuotas } from '../../src/quotas/jobQuotas';
import type { SubmitOutcome } from '../../src/submit/submitFlow';
import type { TestingApi } from '../../src/testing/api';
import { screenshot } from './support/bridge';
import { extensionApi } from './support/extension';
import { useLocalAws, type TestAws } from './support/localAws';
import { waitFor } from './support/waitFor';

const bucket = 'bb-quota-input';
const haiku = 'anthropic.claude-3-haiku-20240307-v1:0';
const haikuMinimum = 'Minimum number of records per batch inference job for Claude 3 Haiku';
const denial =
    'User: arn:aws:iam::123456789012:user/local-user is not authorized to perform: ' +
    'servicequotas:ListServiceQuotas';

/** A valid Claude batch file of `records` short records. */
function claudeFile(path: string, records: number): void {
    const lines = Array.from({ length: records }, (_, i) =>
        JSON.stringify({
            recordId: `Q${String(i).padStart(5, '0')}`,
            modelInput: {
                anthropic_version: 'bedrock-2023-05-31',
                max_tokens: 50,
                messages: [
                    { role: 'user', content: [{ type: 'text', text: `Summarise note ${i}.` }] },
                ],
            },
        }),
    );
    writeFileSync(path, `${lines.join('\n')}\n`);
}

describe('service quotas: the job quotas of the chosen model and region', function () {
    this.timeout(120_000);
    let local: TestAws;
    let s3: S3Client;
    let testing: TestingApi;
    let quotas: ServiceQuotasState;
    let work: string;
    let roleArn: string;

    const submit = async (
        uri: vscode.Uri,
        extra: Record<string, unknown>,
    ): Promise<SubmitOutcome> =>
        await vscode.commands.executeCommand<SubmitOutcome>('bedrockBatch.submitJob', uri, [uri], {
            region: local.aws.region,
            modelId: haiku,
            roleArn,
            bucket,
            prefix: 'in',
            outputPrefix: 'out',
            skipConfirm: true,
            ...extra,
        });

    /** A fresh copy of a 150-record file, so each test uploads its own key. */
    function fileOf150(name: string): vscode.Uri {
        const path = join(work, name);
        claudeFile(path, 150);
        return vscode.Uri.file(path);
    }

    const lastSeq = (): number => local.aws.requests.list().at(-1)?.seq ?? 0;

    /**
     * Forgets what this session read from Service Quotas, once the test has set the endpoint
     * up: the submit then reads what the test just arranged.
     */
    const readQuotasAgain = (): void => testing.submit.diagnostics.serviceQuotas.refresh();

    before(async () => {
        local = await useLocalAws();
        s3 = new S3Client({
            region: local.aws.region,
            endpoint: local.aws.endpoint,
            credentials: local.aws.credentials,
            forcePathStyle: true,
        });
        await s3.send(new CreateBucketCommand({ Bucket: bucket }));
        roleArn = `arn:aws:iam::${local.aws.accountId}:role/BedrockBatchServiceRole`;
        quotas = local.aws.state('servicequotas') as ServiceQuotasState;
        testing = (await extensionApi()).testing;
        work = mkdtempSync(join(tmpdir(), 'bb-quotas-'));
    });

    after(async () => {
        s3?.destroy();
        await local?.dispose();
        if (work !== undefined) {
            rmSync(work, { recursive: true, force: true });
        }
    });

    beforeEach(async () => {
        await vscode.commands.executeCommand('notifications.clearAll');
    });

    afterEach(async () => {
        local.aws.faults.clear();
        quotas.reset();
        local.aws.clock.advance(8 * 24 * 60 * 60 * 1000);
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    });

    it('refuses 150 records when Service Quotas asks 1,000: nothing is uploaded', async () => {
        quotas.setValue({ quotaName: haikuMinimum, region: local.aws.region }, 1000);
        readQuotasAgain();
        const since = lastSeq();
        const file = fileOf150('too-few.jsonl');

        const outcome = await submit(file, { jobName: 'quota-too-few' });

        assert.deepEqual(outcome, { status: 'checkFailed', errors: 1, warnings: 0 });
        const problems = vscode.languages.getDiagnostics(file);
        assert.deepEqual(
            problems.map((d) => [d.code, d.severity]),
            [['job-too-few-records', vscode.DiagnosticSeverity.Error]],
        );
        assert.match(
            problems[0]?.message ?? '',
            /^The job has 150 records; Bedrock needs at least 1,?000 per job \(quota "Minimum/,
        );
        const asked = local.aws.requests.list({ service: 'servicequotas', since });
        assert.ok(asked.length > 0, 'Service Quotas was not asked');
        assert.ok(asked.every((r) => r.status === 200));
        assert.deepEqual(
            local.aws.requests.list({ service: 's3', since }).map((r) => r.operation),
            [],
            'something was sent to S3',
        );
        assert.deepEqual(
            local.aws.requests.list({
                service: 'bedrock',
                operation: 'CreateModelInvocationJob',
                since,
            }),
            [],
        );
        const view = modelQuotas(
            await testing.submit.diagnostics.diagnostics.quotasFor(haiku, local.aws.region),
        );
        assert.deepEqual(view.minRecordsPerJob, {
            value: 1000,
            origin: 'serviceQuotas',
            quotaName: haikuMinimum,
        });
        await screenshot('quotas-too-few-records');
    });

    it('applies the default minimum (100) when Service Quotas is denied: submits', async () => {
        quotas.setValue({ quotaName: haikuMinimum, region: local.aws.region }, 1000);
        local.aws.faults.add({
            kind: 'error',
            service: 'servicequotas',
            operation: 'ListServiceQuotas',
            count: 'untilCleared',
            error: { code: 'AccessDeniedException', status: 400, message: denial },
        });
        readQuotasAgain();
        const since = lastSeq();
        const file = fileOf150('denied.jsonl');

        const outcome = await submit(file, { jobName: 'quota-denied' });

        assert.equal(outcome.status, 'started', JSON.stringify(outcome));
        const denied = local.aws.requests.list({
            service: 'servicequotas',
            operation: 'ListServiceQuotas',
            since,
        });
        assert.ok(denied.length > 0, 'ListServiceQuotas was not called');
        assert.ok(
            denied.every((r) => r.errorCode === 'AccessDeniedException'),
            JSON.stringify(denied.map((r) => r.errorCode)),
        );
        const uploaded = await s3.send(
            new GetObjectCommand({ Bucket: bucket, Key: 'in/denied.jsonl' }),
        );
        assert.deepEqual(
            Buffer.from((await uploaded.Body?.transformToByteArray()) ?? []),
            readFileSync(file.fsPath),
        );
        assert.equal(
            local.aws.requests.list({
                service: 'bedrock',
                operation: 'CreateModelInvocationJob',
                since,
            }).length,
            1,
        );
        assert.deepEqual(
            vscode.languages.getDiagnostics(file).filter((d) => d.code === 'job-too-few-records'),
            [],
        );
        const view = modelQuotas(
            await testing.submit.diagnostics.diagnostics.quotasFor(haiku, local.aws.region),
        );
        assert.deepEqual(view.minRecordsPerJob, { value: 100, origin: 'default' });
    });

    it('lets the minRecordsPerJob setting override Service Quotas', async () => {
        quotas.setValue({ quotaName: haikuMinimum, region: local.aws.region }, 1000);
        readQuotasAgain();
        const config = vscode.workspace.getConfiguration('bedrockBatch');
        await config.update('quotas.minRecordsPerJob', 150, true);
        try {
            const outcome = await submit(fileOf150('setting.jsonl'), { jobName: 'quota-setting' });
            assert.equal(outcome.status, 'started', JSON.stringify(outcome));
            const view = modelQuotas(
                await testing.submit.diagnostics.diagnostics.quotasFor(haiku, local.aws.region),
            );
            assert.deepEqual(view.minRecordsPerJob, { value: 150, origin: 'setting' });
        } finally {
            await config.update('quotas.minRecordsPerJob', undefined, true);
        }
    });

    it('says in the confirmation where a quota other than the default came from', async () => {
        quotas.setValue({ quotaName: haikuMinimum, region: local.aws.region }, 120);
        readQuotasAgain();
        const running = submit(fileOf150('confirm.jsonl'), {
            jobName: 'quota-confirm',
            skipConfirm: false,
        });
        const confirm = await waitFor(
            () => testing.submit.wizardStep(),
            (s) => s?.title.startsWith('Submit the job') === true,
            'the confirmation step',
        );
        assert.ok(
            confirm?.items.includes('Quotas: min 120 records (Service Quotas)'),
            confirm?.items.join(' / '),
        );
        await screenshot('quotas-confirm-step');
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        const outcome = await running;
        assert.equal(outcome.status, 'started', JSON.stringify(outcome));
    });

    it('checks an open file with the quotas of the model and region it went to', async () => {
        const file = fileOf150('editor.jsonl');
        const outcome = await submit(file, { jobName: 'quota-editor' });
        assert.equal(outcome.status, 'started', JSON.stringify(outcome));
        quotas.setValue({ quotaName: haikuMinimum, region: local.aws.region }, 1000);
        readQuotasAgain();

        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
        const problems = await waitFor(
            () => vscode.languages.getDiagnostics(file).map((d) => d.message),
            (messages) => messages.some((m) => /at least 1,?000 per job/.test(m)),
            'the Service Quotas minimum in the editor',
        );
        assert.equal(problems.length, 1, problems.join('\n'));
        await screenshot('quotas-editor');
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });
});

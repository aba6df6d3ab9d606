import * as assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
    BedrockClient,
    GetModelInvocationJobCommand,
    ListModelInvocationJobsCommand,
} from '@aws-sdk/client-bedrock';
import { GetRoleCommand, GetRolePolicyCommand, IAMClient } from '@aws-sdk/client-iam';
import {
    CreateBucketCommand,
    GetObjectCommand,
    HeadObjectCommand,
    ListMultipartUploadsCommand,
    PutObjectCommand,
    S3Client,
} from '@aws-sdk/client-s3';
import * as vscode from 'vscode';
import type { SubmitOutcome } from '../../src/submit/submitFlow';
import type { TestingApi } from '../../src/testing/api';
import type { TreeRow } from '../../src/testing/treeSnapshot';
import { click, evaluateInWorkbench, hasBridge, press, screenshot } from './support/bridge';
import { localClientConfig } from './support/clientConfig';
import { extensionApi, extensionId } from './support/extension';
import { useLocalAws, type TestAws } from './support/localAws';
import { waitFor } from './support/waitFor';

const bucket = 'bb-submit-input';
const haiku = 'anthropic.claude-3-haiku-20240307-v1:0';
const fixtureName = 'support tickets 2024+Q1.jsonl';
/** What the file name becomes as an S3 key (spaces and + are not allowed by Bedrock). */
const fixtureKey = 'in/support-tickets-2024-Q1.jsonl';

function fixture(name: string): string {
    const extension = vscode.extensions.getExtension(extensionId);
    return join(extension?.extensionPath ?? '', 'test', 'fixtures', 'submit', name);
}

/** Claude records with long prompts, so the file needs a multipart upload. */
function bigClaudeFile(path: string, records: number, textBytes: number): void {
    const text = 'The quarterly report lists every shipment and its delay. '
        .repeat(Math.ceil(textBytes / 58))
        .slice(0, textBytes);
    const lines = Array.from({ length: records }, (_, i) =>
        JSON.stringify({
            recordId: `BIG${String(i).padStart(6, '0')}`,
            modelInput: {
                anthropic_version: 'bedrock-2023-05-31',
                max_tokens: 200,
                messages: [{ role: 'user', content: [{ type: 'text', text: `${i}: ${text}` }] }],
            },
        }),
    );
    writeFileSync(path, `${lines.join('\n')}\n`);
}

async function bodyOf(s3: S3Client, key: string): Promise<Buffer> {
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return Buffer.from((await object.Body?.transformToByteArray()) ?? []);
}

function jobLabels(rows: readonly TreeRow[]): string[] {
    return rows.flatMap((row) => [row.label, ...jobLabels(row.children)]);
}

function tokenOf(body: string | undefined): string | undefined {
    return body === undefined
        ? undefined
        : (JSON.parse(body) as { clientRequestToken?: string }).clientRequestToken;
}

describe('submit: a .jsonl file becomes a Bedrock batch job', function () {
    this.timeout(120_000);
    let local: TestAws;
    let s3: S3Client;
    let bedrock: BedrockClient;
    let testing: TestingApi;
    let work: string;
    let file: vscode.Uri;
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

    const submit = async (
        uri: vscode.Uri,
        extra: Record<string, unknown>,
    ): Promise<SubmitOutcome> =>
        await vscode.commands.executeCommand<SubmitOutcome>(
            'bedrockBatch.submitJob',
            uri,
            [uri],
            preset(extra),
        );

    async function jobsNamed(name: string): Promise<string[]> {
        const listed = await bedrock.send(
            new ListModelInvocationJobsCommand({ nameContains: name }),
        );
        return (listed.invocationJobSummaries ?? [])
            .filter((j) => j.jobName === name)
            .map((j) => j.jobArn ?? '');
    }

    before(async () => {
        local = await useLocalAws();
        const config = localClientConfig(local.aws);
        s3 = new S3Client({ ...config, forcePathStyle: true });
        bedrock = new BedrockClient(config);
        await s3.send(new CreateBucketCommand({ Bucket: bucket }));
        roleArn = `arn:aws:iam::${local.aws.accountId}:role/BedrockBatchServiceRole`;
        testing = (await extensionApi()).testing;
        work = mkdtempSync(join(tmpdir(), 'bb-submit-'));
        copyFileSync(fixture(fixtureName), join(work, fixtureName));
        file = vscode.Uri.file(join(work, fixtureName));
    });

    after(async () => {
        // Guarded: when `before` failed half-way, there is less to clean up.
        const started = { s3, bedrock, local, work } as Partial<{
            s3: S3Client;
            bedrock: BedrockClient;
            local: TestAws;
            work: string;
        }>;
        started.s3?.destroy();
        started.bedrock?.destroy();
        await started.local?.dispose();
        if (started.work !== undefined) {
            rmSync(started.work, { recursive: true, force: true });
        }
    });

    beforeEach(async () => {
        await vscode.commands.executeCommand('notifications.clearAll');
    });

    afterEach(async () => {
        local.aws.faults.clear();
        // Let the simulated jobs end: Bedrock allows only a few active jobs per model.
        local.aws.clock.advance(8 * 24 * 60 * 60 * 1000);
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
        // A test that failed while a notification waited for an answer must not leave it to
        // the next one: dismissing it ends that submission as cancelled.
        await vscode.commands.executeCommand('notifications.clearAll');
    });

    it('uploads the file byte for byte and starts one job with the chosen settings', async () => {
        const outcome = await submit(file, {
            jobName: 'support-tickets',
            timeoutHours: 48,
            tags: [{ key: 'team', value: 'support' }],
        });
        assert.equal(outcome.status, 'started', JSON.stringify(outcome));
        assert.equal(outcome.jobs.length, 1);

        assert.deepEqual(await bodyOf(s3, fixtureKey), readFileSync(file.fsPath));
        const [jobArn] = await jobsNamed('support-tickets');
        assert.equal((await jobsNamed('support-tickets')).length, 1);
        const job = await bedrock.send(new GetModelInvocationJobCommand({ jobIdentifier: jobArn }));
        assert.equal(job.modelId, haiku);
        assert.equal(job.roleArn, roleArn);
        assert.equal(job.inputDataConfig?.s3InputDataConfig?.s3Uri, `s3://${bucket}/${fixtureKey}`);
        assert.equal(job.outputDataConfig?.s3OutputDataConfig?.s3Uri, `s3://${bucket}/out/`);
        assert.equal(job.timeoutDurationInHours, 48);
        assert.equal(
            readFileSync(file.fsPath, 'utf8'),
            readFileSync(fixture(fixtureName), 'utf8'),
            'the user file changed',
        );

        const tree = await waitFor(
            () => testing.jobsTree(),
            (rows) => jobLabels(rows).includes('support-tickets'),
            'the new job in the Batch Jobs view',
        );
        assert.ok(jobLabels(tree).includes(local.aws.region));
        // The submitted file is now checked against the model it was submitted with.
        const document = await vscode.workspace.openTextDocument(file);
        await vscode.window.showTextDocument(document);
        const status = await waitFor(
            () => testing.submit.diagnostics.status.shown,
            (s) => s !== undefined,
            'the model status item',
        );
        assert.equal(status?.text, '$(checklist) Anthropic Claude');
        assert.match(status?.tooltip ?? '', /anthropic\.claude-3-haiku-20240307-v1:0/);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('does not send identical content again and never overwrites different content', async () => {
        const since = local.aws.requests.list().at(-1)?.seq ?? 0;
        const again = await submit(file, { jobName: 'support-tickets-again' });
        assert.equal(again.status, 'started');
        const writes = local.aws.requests
            .list({ service: 's3', since })
            .filter((r) => r.operation === 'PutObject' || r.operation === 'CreateMultipartUpload');
        assert.deepEqual(writes, [], 'identical content was uploaded again');
        assert.deepEqual(again.status === 'started' ? again.jobs[0]?.reusedKeys : [], [fixtureKey]);

        const taken = 'somebody else wrote this\n';
        await s3.send(
            new PutObjectCommand({ Bucket: bucket, Key: 'in/conflict.jsonl', Body: taken }),
        );
        const conflicting = join(work, 'conflict.jsonl');
        copyFileSync(file.fsPath, conflicting);
        const outcome = await submit(vscode.Uri.file(conflicting), {
            jobName: 'conflict',
            onConflict: 'newKey',
        });
        assert.equal(outcome.status, 'started');
        assert.equal((await bodyOf(s3, 'in/conflict.jsonl')).toString('utf8'), taken);
        assert.deepEqual(await bodyOf(s3, 'in/conflict-2.jsonl'), readFileSync(conflicting));
        const job = await bedrock.send(
            new GetModelInvocationJobCommand({ jobIdentifier: (await jobsNamed('conflict'))[0] }),
        );
        assert.equal(
            job.inputDataConfig?.s3InputDataConfig?.s3Uri,
            `s3://${bucket}/in/conflict-2.jsonl`,
        );
    });

    it('re-sends the same token after a Create attempt times out: one job starts', async () => {
        const since = local.aws.requests.list().at(-1)?.seq ?? 0;
        local.aws.faults.add({
            kind: 'delay',
            service: 'bedrock',
            operation: 'CreateModelInvocationJob',
            delayMs: 2500,
        });
        const outcome = await submit(file, {
            jobName: 'timeout-once',
            createAttemptTimeoutMs: 1000,
        });
        assert.equal(outcome.status, 'started', JSON.stringify(outcome));
        // Let the delayed first attempt reach the service too.
        const creates = await waitFor(
            () =>
                local.aws.requests.list({
                    service: 'bedrock',
                    operation: 'CreateModelInvocationJob',
                    since,
                }),
            (entries) => entries.length >= 2 && entries.every((e) => e.durationMs !== undefined),
            'both Create attempts answered',
        );
        const tokens = new Set(creates.map((c) => tokenOf(c.body)));
        assert.equal(tokens.size, 1, `tokens sent: ${[...tokens].join(', ')}`);
        assert.equal(
            outcome.status === 'started' ? outcome.jobs[0]?.clientRequestToken : undefined,
            [...tokens][0],
        );
        assert.equal((await jobsNamed('timeout-once')).length, 1);
    });

    it('keeps a Create whose answer was lost; Resume finds the one job it started', async () => {
        const since = local.aws.requests.list().at(-1)?.seq ?? 0;
        // Every attempt reaches Bedrock, but no answer ever comes back.
        local.aws.faults.add({
            kind: 'dropBeforeResponse',
            service: 'bedrock',
            operation: 'CreateModelInvocationJob',
            count: 20,
        });
        const failed = await submit(file, { jobName: 'answer-lost' });
        assert.equal(failed.status, 'failed');
        const [pending] = testing.submit.pending.list();
        assert.equal(testing.submit.pending.list().length, 1);
        const token = pending?.request.clientRequestToken;
        assert.ok(token);
        assert.equal(
            (await jobsNamed('answer-lost')).length,
            1,
            'the first attempt did create the job',
        );

        local.aws.faults.clear();
        const resumed = await vscode.commands.executeCommand<SubmitOutcome>(
            'bedrockBatch.resumeSubmission',
            token,
        );
        assert.equal(resumed.status, 'started', JSON.stringify(resumed));
        assert.deepEqual(
            await jobsNamed('answer-lost'),
            resumed.status === 'started' ? [resumed.jobs[0]?.jobArn] : [],
        );
        assert.deepEqual(testing.submit.pending.list(), []);
        const creates = local.aws.requests.list({
            service: 'bedrock',
            operation: 'CreateModelInvocationJob',
            since,
        });
        assert.ok(creates.length >= 2);
        assert.deepEqual([...new Set(creates.map((c) => tokenOf(c.body)))], [token]);
    });

    it('rides out throttling of the upload and of Create', async () => {
        const since = local.aws.requests.list().at(-1)?.seq ?? 0;
        const throttled = join(work, 'throttled.jsonl');
        copyFileSync(file.fsPath, throttled);
        local.aws.faults.add({ kind: 'throttle', service: 's3', operation: 'PutObject', count: 1 });
        local.aws.faults.add({
            kind: 'throttle',
            service: 'bedrock',
            operation: 'CreateModelInvocationJob',
            count: 2,
        });
        const outcome = await submit(vscode.Uri.file(throttled), { jobName: 'throttled' });
        assert.equal(outcome.status, 'started', JSON.stringify(outcome));
        assert.equal((await jobsNamed('throttled')).length, 1);
        const creates = local.aws.requests.list({
            service: 'bedrock',
            operation: 'CreateModelInvocationJob',
            since,
        });
        assert.deepEqual(
            creates.map((c) => c.status),
            [429, 429, 200],
        );
        assert.deepEqual(await bodyOf(s3, 'in/throttled.jsonl'), readFileSync(throttled));
    });

    it('starts nothing for a file with errors and shows them as diagnostics', async () => {
        const since = local.aws.requests.list().at(-1)?.seq ?? 0;
        const broken = join(work, 'tickets-with-errors.jsonl');
        copyFileSync(fixture('tickets-with-errors.jsonl'), broken);
        const uri = vscode.Uri.file(broken);
        const outcome = await submit(uri, { jobName: 'should-not-start' });
        assert.deepEqual(outcome, { status: 'checkFailed', errors: 3, warnings: 0 });

        const writes = local.aws.requests
            .list({ since })
            .filter((r) => r.service === 's3' || r.service === 'bedrock');
        assert.deepEqual(
            writes.map((r) => r.operation),
            [],
            'AWS was called although the check failed',
        );
        const diagnostics = vscode.languages
            .getDiagnostics(uri)
            .filter((d) => d.source === 'Bedrock Batch');
        const found = diagnostics.map((d) => [d.range.start.line + 1, d.code, d.severity]);
        assert.deepEqual(found, [
            [3, 'claude-missing-anthropic-version', vscode.DiagnosticSeverity.Error],
            [7, 'model-input-model-id', vscode.DiagnosticSeverity.Error],
            [10, 'json-syntax', vscode.DiagnosticSeverity.Error],
        ]);
        if (hasBridge()) {
            const toasts = await waitFor(
                notificationTexts,
                (text) => text.includes('nothing was uploaded'),
                'the error notification',
            );
            await vscode.commands.executeCommand('notifications.hideList');
            assert.match(toasts, /3 errors/);
            assert.match(toasts, /Show Problems/);
        }
    });

    it('Continue Anyway goes on to the wizard, whose own check still decides', async function () {
        if (!hasBridge()) {
            this.skip();
        }
        const since = local.aws.requests.list().at(-1)?.seq ?? 0;
        const uri = await openWithErrors(testing, work, 'continue anyway.jsonl');
        const running = vscode.commands.executeCommand<SubmitOutcome>(
            'bedrockBatch.submitJob',
            uri,
            [uri],
            preset({}),
        );
        await toastSaying('Fix them before submitting');
        await clickNotificationButton('Fix them before submitting', 'Continue Anyway');
        await waitFor(
            () => testing.submit.wizardStep(),
            (s) => s?.title === 'Job name',
            'the job name step',
        );
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        const outcome = await running;
        assert.deepEqual(outcome, { status: 'checkFailed', errors: 3, warnings: 0 });
        assert.deepEqual(writesSince(local, since), [], 'nothing uploaded, no job created');
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('names the errors an open file already shows before any wizard step', async function () {
        if (!hasBridge()) {
            this.skip();
        }
        const since = local.aws.requests.list().at(-1)?.seq ?? 0;
        const uri = await openWithErrors(testing, work, 'open with errors.jsonl');
        const shown = editorErrors(uri);
        const [first] = shown;
        assert.ok(first !== undefined);
        // No preset: had the wizard started, its first step would be on screen.
        const running = vscode.commands.executeCommand<SubmitOutcome>(
            'bedrockBatch.submitJob',
            uri,
            [uri],
        );
        const text = await toastSaying('Fix them before submitting').catch((error: unknown) => {
            const document = vscode.workspace.textDocuments.find(
                (d) => d.uri.toString() === uri.toString(),
            );
            const diagnostics = testing.submit.diagnostics.diagnostics;
            const state = {
                wizardStep: testing.submit.wizardStep()?.title,
                outcome: testing.submit.lastOutcome,
                dirty: document?.isDirty,
                version: document?.version,
                published: diagnostics.publishedVersion(uri),
                errors: diagnostics.lastResult(uri)?.errors,
            };
            throw new Error(`${String(error)}; state: ${JSON.stringify(state)}`);
        });
        assert.ok(
            text.includes(
                `open with errors.jsonl has ${shown.length} errors ` +
                    `(first: line ${first.range.start.line + 1}: ${first.message.slice(0, 40)}`,
            ),
            text,
        );
        assert.match(text, /Show Problems/);
        assert.match(text, /Continue Anyway/);
        assert.equal(testing.submit.wizardStep(), undefined, 'a wizard step came first');
        await screenshot('submit-editor-errors');

        await clickNotificationButton('Fix them before submitting', 'Show Problems');
        const outcome = await running;
        assert.equal(outcome.status, 'checkFailed', JSON.stringify(outcome));
        assert.equal(outcome.errors, shown.length);
        assert.equal(testing.submit.wizardStep(), undefined, 'a wizard step was shown');
        const editor = vscode.window.activeTextEditor;
        assert.equal(editor?.document.uri.toString(), uri.toString());
        assert.equal(editor.selection.start.line, first.range.start.line);
        await waitFor(
            () =>
                evaluateInWorkbench(
                    `[...document.querySelectorAll('.markers-panel')]` +
                        `.some((p) => p.offsetParent !== null)`,
                ),
            (visible) => visible === true,
            'the Problems view',
        );
        assert.deepEqual(writesSince(local, since), [], 'nothing uploaded, no job created');
        await vscode.commands.executeCommand('workbench.action.closePanel');
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('cancelling a multipart upload leaves no object and no open multipart upload', async () => {
        const big = join(work, 'big quarterly.jsonl');
        bigClaudeFile(big, 150, 150_000);
        const key = 'in/big-quarterly.jsonl';
        local.aws.faults.add({
            kind: 'delay',
            service: 's3',
            operation: 'UploadPart',
            delayMs: 1500,
            count: 'untilCleared',
        });
        const running = submit(vscode.Uri.file(big), { jobName: 'cancel-me' });
        await waitFor(
            () =>
                local.aws.requests
                    .list({ service: 's3', operation: 'UploadPart' })
                    .filter((r) => r.path.includes('big-quarterly')).length,
            (parts) => parts >= 1,
            'the first part upload',
        );
        if (hasBridge()) {
            // The Cancel button of the progress notification, as the user clicks it. Clicked in
            // the notification list: other toasts (jobs that ended) may crowd it out of view.
            await vscode.commands.executeCommand('notifications.showList');
            await click(
                '.notifications-center .notification-list-item:has-text("Submitting cancel-me") ' +
                    '.monaco-button:has-text("Cancel")',
            );
            await vscode.commands.executeCommand('notifications.hideList');
        } else {
            assert.ok(testing.submit.cancelRunning());
        }
        const outcome = await running;
        assert.equal(outcome.status, 'cancelled');
        local.aws.faults.clear();

        const uploads = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
        assert.deepEqual(
            (uploads.Uploads ?? []).map((u) => u.Key),
            [],
        );
        await assert.rejects(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key })), {
            name: 'NotFound',
        });
        assert.deepEqual(await jobsNamed('cancel-me'), []);
    });

    it('submits several files as one job over a folder, or as one job per file', async () => {
        const a = join(work, 'batch a.jsonl');
        const b = join(work, 'batch b.jsonl');
        copyFileSync(file.fsPath, a);
        // recordIds must be unique across the files of one job: the checker would refuse copies.
        writeFileSync(b, readFileSync(file.fsPath, 'utf8').replace(/TICKET-/g, 'TICKET-B-'));
        const uris = [vscode.Uri.file(a), vscode.Uri.file(b)];
        const folder = await vscode.commands.executeCommand<SubmitOutcome>(
            'bedrockBatch.submitJob',
            uris[0],
            uris,
            preset({ mode: 'oneJob', jobName: 'two-files' }),
        );
        assert.equal(folder.status, 'started', JSON.stringify(folder));
        const [jobArn] = await jobsNamed('two-files');
        const job = await bedrock.send(new GetModelInvocationJobCommand({ jobIdentifier: jobArn }));
        assert.equal(job.inputDataConfig?.s3InputDataConfig?.s3Uri, `s3://${bucket}/in/two-files/`);
        assert.deepEqual(await bodyOf(s3, 'in/two-files/batch-a.jsonl'), readFileSync(a));
        assert.deepEqual(await bodyOf(s3, 'in/two-files/batch-b.jsonl'), readFileSync(b));

        // A folder job reads every object in its folder: a stranger there means another folder.
        await s3.send(
            new PutObjectCommand({
                Bucket: bucket,
                Key: 'in/two-files/notes.jsonl',
                Body: 'not mine\n',
            }),
        );
        const again = await vscode.commands.executeCommand<SubmitOutcome>(
            'bedrockBatch.submitJob',
            uris[0],
            uris,
            preset({ mode: 'oneJob', jobName: 'two-files' }),
        );
        assert.equal(
            again.status === 'started' ? again.jobs[0]?.inputUri : again.status,
            `s3://${bucket}/in/two-files-2/`,
        );
        assert.deepEqual(await bodyOf(s3, 'in/two-files-2/batch-a.jsonl'), readFileSync(a));

        const perFile = await vscode.commands.executeCommand<SubmitOutcome>(
            'bedrockBatch.submitJob',
            uris[0],
            uris,
            preset({ mode: 'jobPerFile' }),
        );
        assert.equal(perFile.status, 'started', JSON.stringify(perFile));
        const started = perFile.status === 'started' ? perFile.jobs : [];
        assert.deepEqual(
            started.map((j) => j.inputUri),
            [`s3://${bucket}/in/batch-a.jsonl`, `s3://${bucket}/in/batch-b.jsonl`],
        );
        assert.match(started[0]?.jobName ?? '', /^batch-a-\d{8}-\d{6}$/);
    });

    it('says which role needs iam:PassRole when it is refused; nothing stays pending', async () => {
        local.aws.faults.add({
            kind: 'error',
            service: 'bedrock',
            operation: 'CreateModelInvocationJob',
            error: {
                code: 'AccessDeniedException',
                status: 403,
                message:
                    `User: arn:aws:iam::${local.aws.accountId}:user/dev is not authorized to ` +
                    `perform: iam:PassRole on resource: ${roleArn}`,
            },
        });
        const outcome = await submit(file, { jobName: 'no-pass-role' });
        assert.equal(outcome.status, 'failed');
        assert.match(
            outcome.status === 'failed' ? outcome.message : '',
            new RegExp(`needs iam:PassRole on ${roleArn.replace(/[/.]/g, '\\$&')}`),
        );
        assert.deepEqual(testing.submit.pending.list(), []);
        assert.deepEqual(await jobsNamed('no-pass-role'), []);
        if (hasBridge()) {
            const toasts = await waitFor(
                notificationTexts,
                (text) => text.includes('iam:PassRole'),
                'the refusal notification',
            );
            await vscode.commands.executeCommand('notifications.hideList');
            assert.match(toasts, /not authorized to perform: iam:PassRole/);
            assert.match(toasts, /Copy "iam:PassRole"/);
        }
    });

    it('offers to save unsaved changes first and submits the saved bytes', async function () {
        if (!hasBridge()) {
            this.skip();
        }
        const path = join(work, 'edited.jsonl');
        copyFileSync(file.fsPath, path);
        const files = vscode.workspace.getConfiguration('files');
        await files.update('autoSave', 'off', true);
        try {
            const uri = vscode.Uri.file(path);
            const editor = await vscode.window.showTextDocument(
                await vscode.workspace.openTextDocument(uri),
            );
            const extra = editor.document.lineAt(0).text.replace('TICKET-048120', 'TICKET-EXTRA');
            await editor.edit((edit) =>
                edit.insert(new vscode.Position(editor.document.lineCount - 1, 0), `${extra}\n`),
            );
            const running = vscode.commands.executeCommand<SubmitOutcome>(
                'bedrockBatch.submitJob',
                preset({ jobName: 'edited' }),
            );
            await toastSaying('edited.jsonl has unsaved changes');
            await clickNotificationButton('edited.jsonl has unsaved changes', 'Save and Submit');
            const outcome = await running;
            assert.equal(outcome.status, 'started', JSON.stringify(outcome));
            const uploaded = await bodyOf(s3, 'in/edited.jsonl');
            assert.ok(uploaded.toString('utf8').includes('TICKET-EXTRA'));
            assert.deepEqual(uploaded, readFileSync(path));
        } finally {
            await vscode.commands.executeCommand('workbench.action.closeAllEditors');
            await files.update('autoSave', undefined, true);
        }
    });

    it('lists roles Bedrock can assume; creates one with the documented policy', async function () {
        if (!hasBridge()) {
            this.skip();
        }
        const named = join(work, 'new-role.jsonl');
        copyFileSync(file.fsPath, named);
        const uri = vscode.Uri.file(named);
        const running = vscode.commands.executeCommand<SubmitOutcome>(
            'bedrockBatch.submitJob',
            uri,
            {
                region: local.aws.region,
                modelId: haiku,
                bucket,
                prefix: 'in',
                outputPrefix: 'out',
                jobName: 'new-role',
                skipConfirm: true,
            },
        );
        const roles = await waitFor(
            () => testing.submit.wizardStep(),
            (s) =>
                s?.title.startsWith('Service role') === true &&
                s.items.some((i) => i.includes('Create a new service role')),
            'the role step with its roles',
        );
        assert.ok(roles?.items.includes('BedrockBatchServiceRole'), roles?.items.join(' / '));
        assert.ok(
            !roles?.items.includes('LambdaBasicExecutionRole'),
            'a role Bedrock cannot assume was offered',
        );
        await typeText('Create a new');
        await waitFor(
            () => testing.submit.wizardStep(),
            (s) => s?.active?.includes('Create a new service role') === true,
            'the filtered list',
        );
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        const name = await waitFor(
            () => testing.submit.wizardStep(),
            (s) => s?.title === 'Name of the new service role',
            'the role name step',
        );
        assert.match(name?.value ?? '', /^BedrockBatch-\d{8}-\d{6}$/);
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        const outcome = await running;
        assert.equal(outcome.status, 'started', JSON.stringify(outcome));

        const iam = new IAMClient(localClientConfig(local.aws, 'us-east-1'));
        try {
            const role = await iam.send(new GetRoleCommand({ RoleName: name?.value }));
            assert.equal(
                role.Role?.Arn,
                `arn:aws:iam::${local.aws.accountId}:role/${name?.value ?? ''}`,
            );
            const trust = decodeURIComponent(role.Role?.AssumeRolePolicyDocument ?? '');
            assert.match(trust, /"Service":"bedrock\.amazonaws\.com"/);
            assert.match(trust, new RegExp(`"aws:SourceAccount":"${local.aws.accountId}"`));
            const policy = await iam.send(
                new GetRolePolicyCommand({
                    RoleName: name?.value,
                    PolicyName: 'BedrockBatchS3Access',
                }),
            );
            assert.match(
                decodeURIComponent(policy.PolicyDocument ?? ''),
                new RegExp(`arn:aws:s3:::${bucket}/\\*`),
            );
        } finally {
            iam.destroy();
        }
        const job = await bedrock.send(
            new GetModelInvocationJobCommand({ jobIdentifier: (await jobsNamed('new-role'))[0] }),
        );
        assert.equal(job.roleArn, `arn:aws:iam::${local.aws.accountId}:role/${name?.value ?? ''}`);
    });

    it('asks for the job name in the real quick input, then confirms', async function () {
        if (!hasBridge()) {
            this.skip();
        }
        const named = join(work, 'wizard.jsonl');
        copyFileSync(file.fsPath, named);
        const uri = vscode.Uri.file(named);
        const running = vscode.commands.executeCommand<SubmitOutcome>(
            'bedrockBatch.submitJob',
            uri,
            {
                region: local.aws.region,
                modelId: haiku,
                roleArn,
                bucket,
                prefix: 'in',
                outputPrefix: 'out',
            },
        );
        const nameStep = await waitFor(
            () => testing.submit.wizardStep(),
            (s) => s?.title === 'Job name',
            'the job name step',
        );
        assert.match(nameStep?.value ?? '', /^wizard-\d{8}-\d{6}$/);

        await press('Control+A');
        await typeText('my job');
        await waitFor(
            () => testing.submit.wizardStep(),
            (s) =>
                s?.value === 'my job' && /spaces are not allowed/.test(s.validationMessage ?? ''),
            'the validation message',
        );
        // The message travels from the extension host to the page: wait until it is drawn.
        const shownError = await waitFor(
            async () =>
                String(
                    await evaluateInWorkbench(
                        `document.querySelector('.quick-input-widget')?.innerText ?? ''`,
                    ),
                ),
            (text) => text.includes('spaces are not allowed'),
            'the validation message on screen',
        );
        assert.match(shownError, /A job name has letters, digits and \+ - \. only/);
        await screenshot('submit-job-name-invalid');
        await press('Control+A');
        await typeText('typed-by-ui');
        await waitFor(
            () => testing.submit.wizardStep(),
            (s) => s?.value === 'typed-by-ui' && s.validationMessage === undefined,
            'a valid name',
        );
        await press('Enter');

        const confirm = await waitFor(
            () => testing.submit.wizardStep(),
            (s) => s?.title.startsWith('Submit the job') === true,
            'the confirmation step',
        );
        assert.equal(
            confirm?.title,
            `Submit the job "typed-by-ui" to Bedrock in ${local.aws.region}?`,
        );
        assert.equal(confirm?.items[0], '$(cloud-upload) Submit');
        const rows = confirm?.items ?? [];
        assert.ok(rows.includes('Records: 120 records, 69.8 KB'), rows.join(' / '));
        assert.ok(
            rows.some((r) => /^Tokens: about [\d,]+ input, at most 36,000 output$/.test(r)),
            rows.join(' / '),
        );
        const costRow = rows.findIndex((r) =>
            /^Cost: about \$0\.00\d\d input \+ up to \$0\.02 output$/.test(r),
        );
        assert.ok(costRow > 0, rows.join(' / '));
        assert.match(
            confirm?.itemDetails[costRow] ?? '',
            /batch price of anthropic\.claude-3-haiku: \$0\.125 input, \$0\.625 output per 1M/,
        );
        assert.ok(confirm?.items.includes(`Input: s3://${bucket}/in/wizard.jsonl`));
        await screenshot('submit-confirm-step');

        // Back returns to the name, keeping what was typed; then forward again.
        await vscode.commands.executeCommand('workbench.action.quickInputBack');
        const back = await waitFor(
            () => testing.submit.wizardStep(),
            (s) => s?.title === 'Job name',
            'the job name step again',
        );
        assert.equal(back?.value, 'typed-by-ui');
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        await waitFor(
            () => testing.submit.wizardStep(),
            (s) => s?.title.startsWith('Submit the job') === true,
            'the confirmation step again',
        );
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');

        const outcome = await running;
        assert.equal(outcome.status, 'started', JSON.stringify(outcome));
        assert.equal((await jobsNamed('typed-by-ui')).length, 1);
    });
});

/** Opens a copy of the fixture with errors and waits for the editor's check of it. */
async function openWithErrors(
    testing: TestingApi,
    folder: string,
    name: string,
): Promise<vscode.Uri> {
    const path = join(folder, name);
    copyFileSync(fixture('tickets-with-errors.jsonl'), path);
    const uri = vscode.Uri.file(path);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    // The check of the open document, not one of the file on disk that may publish first.
    const diagnostics = testing.submit.diagnostics.diagnostics;
    await waitFor(
        () => diagnostics.publishedVersion(uri),
        (version) => version === document.version,
        'the editor check of the open document',
    );
    const shown = await waitFor(
        () => editorErrors(uri),
        (errors) => errors.length > 0,
        'the editor check of the file',
    );
    // The syntax error of line 10 is an error whatever model the editor checks against.
    assert.ok(
        shown.some((d) => d.code === 'json-syntax' && d.range.start.line === 9),
        JSON.stringify(shown),
    );
    return uri;
}

/** Uploads and job creations the endpoint received after request `since`. */
function writesSince(local: TestAws, since: number): string[] {
    const writes = ['PutObject', 'CreateMultipartUpload', 'CreateModelInvocationJob'];
    return local.aws.requests
        .list({ since })
        .map((r) => r.operation ?? '')
        .filter((operation) => writes.includes(operation));
}

/** The errors the extension shows for a file in Problems, in order. */
function editorErrors(uri: vscode.Uri): vscode.Diagnostic[] {
    return vscode.languages
        .getDiagnostics(uri)
        .filter(
            (d) => d.source === 'Bedrock Batch' && d.severity === vscode.DiagnosticSeverity.Error,
        );
}

/**
 * The text of the notification that says `part`, once it is on screen: as a toast or, when
 * earlier notifications that wait for an answer hold every toast place, in the notification
 * center, which is then left open for clickNotificationButton.
 */
async function toastSaying(part: string): Promise<string> {
    const find = async (): Promise<string> =>
        String(
            await evaluateInWorkbench(
                `[...document.querySelectorAll(${JSON.stringify(notificationSelector)})]` +
                    `.map((t) => t.innerText)` +
                    `.find((t) => t.includes(${JSON.stringify(part)})) ?? ''`,
            ),
        );
    return await waitFor(
        async () => {
            const toast = await find();
            if (toast !== '') {
                return toast;
            }
            await vscode.commands.executeCommand('notifications.showList');
            return await find();
        },
        (text) => text !== '',
        `the notification saying "${part}"`,
    );
}

const notificationSelector =
    '.notification-toast, .notifications-center .notification-list-item';

/** Clicks a button of the notification that says `part`, toast or notification center item. */
async function clickNotificationButton(part: string, button: string): Promise<void> {
    await click(
        `:is(${notificationSelector}):has-text(${JSON.stringify(part)}) ` +
            `.monaco-button:has-text(${JSON.stringify(button)})`,
    );
    await vscode.commands.executeCommand('notifications.hideList');
}

/** Every notification's text, as the notification center lists it (toasts hide after a while). */
async function notificationTexts(): Promise<string> {
    await vscode.commands.executeCommand('notifications.showList');
    return String(
        await evaluateInWorkbench(
            `document.querySelector('.notifications-center')?.innerText ?? ''`,
        ),
    );
}

/** Types into the focused quick input through the browser, as a user would. */
async function typeText(text: string): Promise<void> {
    for (const char of text) {
        await press(char === ' ' ? 'Space' : char);
    }
}

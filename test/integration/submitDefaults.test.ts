import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import {
    BedrockClient,
    GetModelInvocationJobCommand,
    ListTagsForResourceCommand,
} from '@aws-sdk/client-bedrock';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import * as vscode from 'vscode';
import type { BedrockService } from '../../src/localAws/bedrock';
import type { ResubmitOutcome } from '../../src/results/resubmitCommand';
import type { SubmitOutcome } from '../../src/submit/submitFlow';
import type { StepSnapshot } from '../../src/submit/wizard/multiStepInput';
import type { TestingApi } from '../../src/testing/api';
import { click, evaluateInWorkbench, hasBridge, press } from './support/bridge';
import { localClientConfig } from './support/clientConfig';
import { extensionApi, extensionId } from './support/extension';
import { useLocalAws, type TestAws } from './support/localAws';
import { waitFor } from './support/waitFor';

const bucket = 'bb-submit-defaults';
const haiku = 'anthropic.claude-3-haiku-20240307-v1:0';
const titan = 'amazon.titan-embed-text-v2:0';
const cohere = 'cohere.embed-english-v3';
const cohereEmbedPrice = { modelPrefix: 'cohere.embed', inputPerMillion: 0.1, outputPerMillion: 0 };

async function typeText(text: string): Promise<void> {
    for (const char of text) {
        await press(char === ' ' ? 'Space' : char);
    }
}

async function clearQuickInput(): Promise<void> {
    await press('Control+A');
    await press('Backspace');
}

/**
 * The review step of the running wizard. A wizard that ends before it (the pre-submit check
 * refused the file, an error) fails the wait at once with the outcome that says why.
 */
async function reviewStep(
    testing: TestingApi,
    what: string,
    before: SubmitOutcome | undefined,
): Promise<StepSnapshot | undefined> {
    const seen = await waitFor(
        () => ({ step: testing.submit.wizardStep(), outcome: testing.submit.lastOutcome }),
        ({ step, outcome }) =>
            step?.title.startsWith('Submit the job') === true ||
            (outcome !== undefined && outcome !== before),
        what,
    );
    assert.ok(
        seen.step?.title.startsWith('Submit the job') === true,
        `the wizard ended before ${what}: ${JSON.stringify(seen.outcome)}`,
    );
    return seen.step;
}

describe('submit wizard defaults: check model, typed ids, embeddings, resubmit', function () {
    this.timeout(180_000);
    let local: TestAws;
    let s3: S3Client;
    let bedrock: BedrockClient;
    let testing: TestingApi;
    let work: string;
    let roleArn: string;

    before(async function () {
        if (!hasBridge()) {
            this.skip();
        }
        local = await useLocalAws();
        const config = localClientConfig(local.aws);
        s3 = new S3Client({ ...config, forcePathStyle: true });
        bedrock = new BedrockClient(config);
        await s3.send(new CreateBucketCommand({ Bucket: bucket }));
        const service = local.aws.state('bedrock') as BedrockService;
        // Only the simulator's own limits: the extension checks the job quotas Service Quotas
        // gives (at least 100 records per job), so the files here have 100 records or more.
        await service.updateSettings({ minRecordsPerJob: 1, concurrentJobsPerModel: 1000 });
        roleArn = `arn:aws:iam::${local.aws.accountId}:role/BedrockBatchServiceRole`;
        testing = (await extensionApi()).testing;
        work = mkdtempSync(join(tmpdir(), 'bb-submit-defaults-'));
        // The checker has no price for Cohere Embed: the user adds one, as the review suggests.
        await vscode.workspace
            .getConfiguration('bedrockBatch')
            .update('prices', [cohereEmbedPrice], vscode.ConfigurationTarget.Global);
    });

    after(async () => {
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
        await vscode.workspace
            .getConfiguration('bedrockBatch')
            .update('prices', undefined, vscode.ConfigurationTarget.Global);
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

    afterEach(async () => {
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    });

    it("starts at the file's check model, filters, and says what a typed id means", async () => {
        const path = join(work, 'embed.jsonl');
        const lines = Array.from({ length: 120 }, (_, i) =>
            JSON.stringify({ recordId: `E${i}`, modelInput: { inputText: `Sentence ${i}.` } }),
        );
        writeFileSync(path, `${lines.join('\n')}\n`);
        const uri = vscode.Uri.file(path);
        const models = testing.submit.diagnostics.diagnostics.models;
        // As the sandbox does for its samples: assigned, never used.
        await models.setForFile(uri, { modelId: titan, invocationType: 'InvokeModel' });
        const recent = models.recentModels();
        assert.ok(!recent.includes(titan), 'an assigned model joined the recently used ones');

        const running = vscode.commands.executeCommand<SubmitOutcome>(
            'bedrockBatch.submitJob',
            uri,
            {
                region: local.aws.region,
                roleArn,
                bucket,
                prefix: 'in',
                outputPrefix: 'out',
                jobName: 'embed-defaults',
            },
        );
        const step = await waitFor(
            () => testing.submit.wizardStep(),
            (s) => s?.title.startsWith('Model for the batch job') === true && s.items.length > 1,
            'the model step with its models',
        );
        assert.equal(step?.items[0], titan);
        assert.equal(step?.active, titan);
        assert.match(step?.itemDetails[0] ?? '', /^this file's check model/);
        step?.items.forEach((label, index) => {
            if ((step.itemDetails[index] ?? '').includes('recently used')) {
                assert.ok(recent.includes(label), `${label} is called recently used`);
            }
        });

        await typeText('claude-3-hai');
        await waitFor(
            () => testing.submit.wizardStep(),
            (s) => s?.active === haiku,
            'the typed text picks out Claude 3 Haiku',
        );
        await clearQuickInput();
        await typeText('acme.widget-model-v9:0');
        // Wait for the whole id: keystrokes reach the quick input one by one.
        const typed = await waitFor(
            () => testing.submit.wizardStep(),
            (s) =>
                s?.items.at(-1)?.includes('Use the typed id') === true &&
                (s.itemDetails.at(-1) ?? '').startsWith('acme.widget-model-v9:0 '),
            'the whole typed id offered',
        );
        assert.match(typed?.itemDetails.at(-1) ?? '', /^acme\.widget-model-v9:0 \| not listed in/);
        await clearQuickInput();
        await typeText('no such thing!');
        const invalid = await waitFor(
            () => testing.submit.wizardStep(),
            (s) => s?.items.at(-1)?.includes('Not a model id') === true,
            'the reason the text is no model id',
        );
        assert.match(invalid?.itemDetails.at(-1) ?? '', /is not a model id/);
        await clearQuickInput();
        await typeText('cohere.embed-english-v3');
        await waitFor(
            () => testing.submit.wizardStep(),
            (s) => s?.active === cohere,
            'Cohere embeddings picked out',
        );
        await press('Enter');

        // No request format question for an embeddings model: straight to the review.
        const review = await reviewStep(testing, 'the review step', undefined);
        const rows = review?.items ?? [];
        const shown = rows.join(' / ');
        assert.ok(rows.includes('Tags: none'), shown);
        const tokens = /^Tokens: about [\d,]+ input, no output tokens \(embeddings\)$/;
        assert.ok(rows.some((r) => tokens.test(r)), shown);
        const costRow = rows.findIndex((r) => r.startsWith('Cost: '));
        assert.match(rows[costRow] ?? '', /^Cost: .* input, no output tokens \(embeddings\)$/);
        assert.equal(
            review?.itemDetails[costRow],
            'batch price of cohere.embed: $0.05 input per 1M tokens',
        );
        assert.ok(rows.some((r) => /^Records: 120 records, [\d.]+ KB$/.test(r)), shown);
        assert.deepEqual(models.forFile(uri), {
            modelId: cohere,
            invocationType: 'InvokeModel',
            region: local.aws.region,
        });
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
        const outcome = await running;
        assert.equal(outcome.status, 'cancelled');
    });

    it("offers a new file the workspace's check model first", async function () {
        const path = join(work, 'fresh.jsonl');
        copyFileSync(
            join(
                vscode.extensions.getExtension(extensionId)?.extensionPath ?? '',
                'test/fixtures/submit/support tickets 2024+Q1.jsonl',
            ),
            path,
        );
        const uri = vscode.Uri.file(path);
        const models = testing.submit.diagnostics.diagnostics.models;
        await models.setForFile(uri, undefined);
        const resolved = models.resolve(uri);
        if (resolved.source === 'none' || resolved.source === 'file') {
            // Nothing submitted before in this run: the workspace has no model yet.
            await models.rememberSubmitted([vscode.Uri.file(join(work, 'other.jsonl'))], {
                modelId: haiku,
                invocationType: 'InvokeModel',
            });
        }
        const expected = models.resolve(uri).model.modelId;
        assert.ok(expected !== undefined);
        const running = vscode.commands.executeCommand<SubmitOutcome>(
            'bedrockBatch.submitJob',
            uri,
            { region: local.aws.region, roleArn, bucket, jobName: 'fresh-defaults' },
        );
        const step = await waitFor(
            () => testing.submit.wizardStep(),
            (s) => s?.title.startsWith('Model for the batch job') === true && s.items.length > 1,
            'the model step with its models',
        );
        assert.equal(step?.items[0], expected);
        assert.equal(step?.active, expected);
        assert.match(step?.itemDetails[0] ?? '', /^this file's check model/);
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
        assert.equal((await running).status, 'cancelled');
    });

    it("resubmits failed records with the job's settings: review, announce, reveal", async () => {
        const original = join(work, 'orders.jsonl');
        copyFileSync(
            join(
                vscode.extensions.getExtension(extensionId)?.extensionPath ?? '',
                'test/fixtures/submit/support tickets 2024+Q1.jsonl',
            ),
            original,
        );
        const tags = [{ key: 'team', value: 'search' }];
        const vpc = { subnetIds: ['subnet-0abc1234'], securityGroupIds: ['sg-0abc1234'] };
        const first = await vscode.commands.executeCommand<SubmitOutcome>(
            'bedrockBatch.submitJob',
            vscode.Uri.file(original),
            {
                region: local.aws.region,
                modelId: haiku,
                roleArn,
                bucket,
                prefix: 'in',
                outputPrefix: 'out-orders',
                jobName: 'orders-original',
                timeoutHours: 72,
                tags,
                vpc,
                skipConfirm: true,
            },
        );
        assert.equal(first.status, 'started', JSON.stringify(first));
        const originalArn = first.status === 'started' ? (first.jobs[0]?.jobArn ?? '') : '';
        const service = local.aws.state('bedrock') as BedrockService;
        // Stopped after its first 12 records: the other 108 are still more than the 100 records
        // a job needs, so the retry file passes the pre-submit check.
        await service.updateSettings({ recordsPerMinute: 12 });
        await service.forceStatus(originalArn, 'InProgress');
        local.aws.clock.advance(60_000);
        const job = await service.forceStatus(originalArn, 'Stopped');
        const folder = join(work, 'orders-results');
        await vscode.commands.executeCommand(
            'bedrockBatch.downloadResults',
            { region: local.aws.region, job },
            { folder },
        );
        // The same bytes elsewhere: the retry file is not next to a file this workspace submitted.
        const elsewhere = join(work, 'copy');
        mkdirSync(elsewhere);
        copyFileSync(original, join(elsewhere, 'orders.jsonl'));
        await vscode.commands.executeCommand('notifications.clearAll');
        const written = await vscode.commands.executeCommand<ResubmitOutcome | undefined>(
            'bedrockBatch.resubmitFailed',
            vscode.Uri.file(folder),
            { inputFile: join(elsewhere, 'orders.jsonl') },
        );
        assert.ok(written?.file !== undefined, 'a retry file was written');
        // The offer, in the notification list (other toasts may crowd it out of view).
        const retryName = basename(written.file);
        await vscode.commands.executeCommand('notifications.showList');
        const offer = await waitFor(
            async () =>
                String(
                    await evaluateInWorkbench(
                        `[...document.querySelectorAll(
                            '.notifications-center .notification-list-item')]
                            .map((item) => item.innerText)
                            .find((text) => text.includes(${JSON.stringify(retryName)})) ?? ''`,
                    ),
                ),
            (text) => text !== '',
            `the offer to submit ${retryName}`,
        );
        assert.match(offer, /Wrote 108 records \(0 failed, 108 missing\) to orders\.retry-1\./);
        const before = testing.submit.lastOutcome;
        await click(
            `.notifications-center .notification-list-item:has-text("${retryName}") ` +
                '.monaco-button:has-text("Submit…")',
        );
        await vscode.commands.executeCommand('notifications.hideList');
        const review = await reviewStep(
            testing,
            'the review step, with nothing asked before it',
            before,
        );
        const rows = review?.items ?? [];
        assert.ok(rows.includes(`Input: s3://${bucket}/in/${retryName}`), rows.join(' / '));
        assert.ok(rows.some((r) => r.startsWith('Records: 108 records, ')), rows.join(' / '));
        assert.ok(rows.includes(`Role: ${roleArn}`), rows.join(' / '));
        assert.ok(rows.includes('Tags: team=search'), rows.join(' / '));
        assert.ok(rows.includes('Timeout: 72 h'), rows.join(' / '));
        assert.ok(rows.includes('VPC: subnet-0abc1234'), rows.join(' / '));
        assert.ok(rows.includes(`Output: s3://${bucket}/out-orders/<job id>/`), rows.join(' / '));
        assert.ok(rows.includes('Settings copied from orders-original'), rows.join(' / '));
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        const outcome = await waitFor(
            () => testing.submit.lastOutcome,
            (o) => o !== undefined,
            'the resubmission to end',
        );
        assert.equal(outcome?.status, 'started', JSON.stringify(outcome));
        const started = outcome?.status === 'started' ? outcome.jobs[0] : undefined;
        const created = await bedrock.send(
            new GetModelInvocationJobCommand({ jobIdentifier: started?.jobArn }),
        );
        assert.equal(created.modelId, haiku);
        assert.equal(
            created.inputDataConfig?.s3InputDataConfig?.s3Uri,
            `s3://${bucket}/in/${retryName}`,
        );
        assert.equal(created.roleArn, roleArn);
        assert.equal(created.timeoutDurationInHours, 72);
        assert.deepEqual(created.vpcConfig, vpc);
        assert.equal(
            created.outputDataConfig?.s3OutputDataConfig?.s3Uri,
            `s3://${bucket}/out-orders/`,
        );
        const listed = await bedrock.send(
            new ListTagsForResourceCommand({ resourceARN: started?.jobArn }),
        );
        assert.deepEqual(listed.tags, tags);
        await waitFor(
            () => testing.explorer.selectedJobArn(),
            (arn) => arn === started?.jobArn,
            'the new job selected in Batch Jobs',
        );
        await vscode.commands.executeCommand('notifications.showList');
        const shown = String(
            await evaluateInWorkbench(
                `document.querySelector('.notifications-center')?.innerText ?? ''`,
            ),
        );
        assert.match(shown, new RegExp(`Started batch job ${created.jobName ?? '?'} \\(`));
    });
});

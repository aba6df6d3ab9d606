import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { BedrockService } from '../../src/localAws/bedrock';
import type { DownloadOutcome } from '../../src/results/downloadCommand';
import type { ResubmitOutcome } from '../../src/results/resubmitCommand';
import type { ResultsTesting } from '../../src/results/resultsTesting';
import { evaluateInWebview, evaluateInWorkbench, hasBridge, screenshot } from './support/bridge';
import { extensionApi } from './support/extension';
import { useLocalAws, type TestAws } from './support/localAws';
import { waitFor } from './support/waitFor';

const inputBucket = 'bb-results-in';
const outputBucket = 'bb-results-out';
const inputKey = 'requests/records.jsonl';
const haiku = 'anthropic.claude-3-haiku-20240307-v1:0';
const RECORDS = 20;

interface Manifest {
    totalRecordCount: number;
    processedRecordCount: number;
    successRecordCount: number;
    errorRecordCount: number;
    inputTokenCount: number;
    outputTokenCount: number;
}

/** 20 records; every fourth lacks anthropic_version, which the service fails per record. */
function inputLines(): string[] {
    return Array.from({ length: RECORDS }, (_unused, i) => {
        const id = `REC${String(i + 1).padStart(4, '0')}`;
        const body: Record<string, unknown> = {
            max_tokens: 64,
            messages: [
                { role: 'user', content: [{ type: 'text', text: `Question number ${i + 1}?` }] },
            ],
        };
        if (i % 4 !== 3) {
            body['anthropic_version'] = 'bedrock-2023-05-31';
        }
        return JSON.stringify({ recordId: id, modelInput: body });
    });
}

/** The notification center's text (toasts hide after a while; the center keeps them). */
async function notificationCenterText(): Promise<string> {
    await vscode.commands.executeCommand('notifications.showList');
    try {
        return String(
            await evaluateInWorkbench(
                `document.querySelector('.notifications-center')?.innerText ?? ''`,
            ),
        );
    } finally {
        await vscode.commands.executeCommand('notifications.hideList');
    }
}

const count = (n: number): string => new Intl.NumberFormat('en-US').format(n);
const percent = (succeeded: number): string => `${((succeeded / RECORDS) * 100).toFixed(1)}%`;

describe('results: download, summary, view and resubmit against the local endpoint', function () {
    this.timeout(120_000);
    let local: TestAws;
    let results: ResultsTesting;
    let scratch: string;
    let inputFile: string;
    let jobArn: string;
    let job: Record<string, unknown>;
    let manifest: Manifest;
    let folder: string;

    before(async () => {
        local = await useLocalAws();
        const aws = local.aws;
        const service = aws.state('bedrock') as BedrockService;
        await service.updateSettings({
            minRecordsPerJob: 1,
            concurrentJobsPerModel: 1000,
            recordsPerMinute: 10,
        });
        for (const bucket of [inputBucket, outputBucket]) {
            if (!aws.s3.hasBucket(bucket)) {
                await aws.s3.createBucket(bucket, aws.region);
            }
        }
        scratch = mkdtempSync(join(tmpdir(), 'bb-results-it-'));
        inputFile = join(scratch, 'records.jsonl');
        const text = `${inputLines().join('\n')}\n`;
        writeFileSync(inputFile, text);
        await aws.s3.putObject(inputBucket, inputKey, text);
        ({ jobArn } = await service.createJob(
            {
                jobName: 'results-it',
                roleArn: `arn:aws:iam::${aws.accountId}:role/BedrockBatchResultsTest`,
                modelId: haiku,
                inputDataConfig: {
                    s3InputDataConfig: { s3Uri: `s3://${inputBucket}/${inputKey}` },
                },
                outputDataConfig: {
                    s3OutputDataConfig: { s3Uri: `s3://${outputBucket}/results/` },
                },
            },
            { accountId: aws.accountId, region: aws.region },
        ));
        // Half the records run, then the job is stopped: some errored, the rest never came back.
        await service.forceStatus(jobArn, 'InProgress');
        aws.clock.advance(60_000);
        job = await service.forceStatus(jobArn, 'Stopped');
        const jobId = jobArn.split('/').pop() ?? '';
        const manifestText = await aws.s3.readText(
            outputBucket,
            `results/${jobId}/manifest.json.out`,
        );
        assert.ok(manifestText !== undefined, 'the simulator wrote a manifest');
        manifest = JSON.parse(manifestText) as Manifest;
        assert.equal(manifest.processedRecordCount, RECORDS / 2, 'half the records ran');
        assert.ok(
            manifest.errorRecordCount > 0 && manifest.successRecordCount > 0,
            'some records failed, some not',
        );
        results = (await extensionApi()).testing.results;
        folder = join(scratch, 'downloaded');
    });

    after(async () => {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await local.dispose();
        rmSync(scratch, { recursive: true, force: true });
    });

    it('downloads every result file and the manifest, leaving nothing partial', async () => {
        const outcome = await vscode.commands.executeCommand<DownloadOutcome | undefined>(
            'bedrockBatch.downloadResults',
            { region: local.aws.region, job },
            { folder },
        );
        assert.equal(outcome?.folder, folder);
        assert.deepEqual(readdirSync(folder).sort(), [
            'bedrock-batch-job.json',
            'manifest.json.out',
            'records.jsonl.out',
        ]);
        const outLines = readFileSync(join(folder, 'records.jsonl.out'), 'utf8')
            .split('\n')
            .filter((l) => l !== '');
        assert.equal(outLines.length, manifest.processedRecordCount);
    });

    it('summarises the job with the manifest numbers, in the tooltip and the view', async () => {
        const summary = { ...job, jobArn, status: 'Stopped' } as ModelInvocationJobSummary;
        const display = await results.summaries.summaryFor(local.aws.region, summary);
        const expected = [
            [
                'Records',
                `${count(RECORDS)} total, ${count(manifest.processedRecordCount)} processed, ` +
                    `${count(RECORDS - manifest.processedRecordCount)} never processed`,
            ],
            [
                'Succeeded',
                `${count(manifest.successRecordCount)} (${percent(manifest.successRecordCount)})`,
            ],
            ['Failed', count(manifest.errorRecordCount)],
            [
                'Tokens',
                `${count(manifest.inputTokenCount)} input, ` +
                    `${count(manifest.outputTokenCount)} output`,
            ],
        ];
        assert.deepEqual(
            display?.lines.slice(0, 4).map((l) => [l.label, l.value]),
            expected,
        );
        assert.match(
            display?.lines[4]?.value ?? '',
            /anthropic\.claude-3-haiku at \$0\.125\/\$0\.625 per million tokens/,
        );
        assert.equal(display?.warning, undefined);

        await vscode.commands.executeCommand('bedrockBatch.openResults', vscode.Uri.file(folder), {
            inputFile,
        });
        await results.ready(folder);
        const shown = await waitFor(
            () => results.view(folder),
            (v) => v?.page !== undefined,
            'the first page',
        );
        assert.equal(shown?.summary?.title, 'results-it');
        assert.deepEqual(
            shown?.summary?.lines.slice(0, 4).map((l) => [l.label, l.value]),
            expected,
        );
        assert.equal(
            shown?.page?.total,
            RECORDS,
            'processed records plus the ones that never came back',
        );
        const problems = await results.query(folder, 'problems', '', 0);
        assert.equal(
            problems?.matching,
            manifest.errorRecordCount + RECORDS - manifest.processedRecordCount,
        );
        const failedRow = problems?.rows.find((r) => r.status === 'failed');
        assert.match(failedRow?.error ?? '', /anthropic_version/);
        assert.match(failedRow?.input ?? '', /^Question number \d+\?$/);

        await results.openRecord(folder, failedRow?.position ?? -1);
        const editor = await waitFor(
            () =>
                vscode.window.visibleTextEditors.find(
                    (e) => e.document.uri.scheme === 'bedrock-batch-result',
                ),
            (found) => found !== undefined,
            'the record opened as JSON',
        );
        const record = JSON.parse(editor?.document.getText() ?? '') as Record<string, unknown>;
        assert.equal(record['recordId'], failedRow?.recordId);
        assert.deepEqual(Object.keys(record).sort(), ['error', 'modelInput', 'recordId']);
        assert.equal(editor?.document.languageId, 'json');
    });

    it('shows the summary and records in the webview as text', async function () {
        if (!hasBridge()) {
            this.skip();
        }
        await results.query(folder, 'all', '', 0);
        const text = await waitFor(
            async () =>
                String(await evaluateInWebview('document.body.innerText', 'Results: results-it')),
            (seen) => seen.includes(`Page 1 of 1 · ${RECORDS} records`),
            'the records in the results view',
        );
        assert.match(text, /Succeeded/);
        assert.match(text, /REC0001/);
        assert.match(text, /Question number 1\?/);
        await screenshot('results-view');
        const narrow = (width: string): Promise<unknown> =>
            evaluateInWebview(
                `document.body.style.boxSizing = 'border-box';
                document.body.style.width = '${width}'`,
                'Results: results-it',
            );
        await narrow('400px');
        await screenshot('results-view-400px');
        await narrow('');
    });

    it('keeps every cell, status word and count inside the view from 400 px up', async function () {
        if (!hasBridge()) {
            this.skip();
        }
        const problems = (await evaluateInWebview(
            `(() => {
                const seen = [];
                document.body.style.boxSizing = 'border-box';
                for (const width of [400, 520, 800, 1200]) {
                    document.body.style.width = width + 'px';
                    const box = document.body.getBoundingClientRect();
                    const check = (what, element) => {
                        const r = element.getBoundingClientRect();
                        if (r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1)) {
                            seen.push(width + ': ' + what + ' outside the view');
                        }
                        if (element.scrollWidth > element.clientWidth + 1) {
                            seen.push(width + ': ' + what + ' overflows its box');
                        }
                    };
                    for (const cell of document.querySelectorAll('.records th, .records td')) {
                        check('cell ' + cell.textContent.slice(0, 20), cell);
                    }
                    for (const line of document.querySelectorAll('.summary dt, .summary dd')) {
                        check('summary ' + line.textContent.slice(0, 20), line);
                    }
                    for (const control of document.querySelectorAll('.toolbar > *')) {
                        check('toolbar ' + (control.textContent || control.tagName), control);
                    }
                    // "Succeeded" broken over two lines reads as two words, or is cut.
                    for (const cell of document.querySelectorAll('.records td.status')) {
                        const range = document.createRange();
                        range.selectNodeContents(cell.firstChild);
                        const lines = new Set([...range.getClientRects()].map((r) => r.top));
                        if (lines.size !== 1) {
                            seen.push(width + ': "' + cell.firstChild.textContent +
                                '" on ' + lines.size + ' lines');
                        }
                    }
                }
                document.body.style.width = '';
                document.body.style.boxSizing = '';
                return [...new Set(seen)];
            })()`,
            'Results: results-it',
        )) as string[];
        assert.deepEqual(problems, [], 'text runs past its box');
    });

    it('writes exactly the failed and missing records, byte for byte, to a file', async () => {
        const outcome = await vscode.commands.executeCommand<ResubmitOutcome | undefined>(
            'bedrockBatch.resubmitFailed',
            vscode.Uri.file(folder),
            { inputFile, offerSubmit: false },
        );
        assert.equal(outcome?.file, join(scratch, 'records.retry-1.jsonl'));
        assert.deepEqual(outcome?.counts, {
            failed: manifest.errorRecordCount,
            missing: RECORDS - manifest.processedRecordCount,
            withoutId: 0,
            malformedInput: 0,
        });
        const succeeded = new Set(
            readFileSync(join(folder, 'records.jsonl.out'), 'utf8')
                .split('\n')
                .filter((l) => l !== '')
                .map((l) => JSON.parse(l) as { recordId: string; modelOutput?: unknown })
                .filter((r) => r.modelOutput !== undefined)
                .map((r) => r.recordId),
        );
        const expected = inputLines().filter(
            (line) => !succeeded.has((JSON.parse(line) as { recordId: string }).recordId),
        );
        assert.equal(readFileSync(outcome?.file ?? '', 'utf8'), `${expected.join('\n')}\n`);

        const again = await vscode.commands.executeCommand<ResubmitOutcome | undefined>(
            'bedrockBatch.resubmitFailed',
            vscode.Uri.file(folder),
            { inputFile, offerSubmit: false },
        );
        assert.equal(
            again?.file,
            join(scratch, 'records.retry-2.jsonl'),
            'an existing retry file is never replaced',
        );
        assert.ok(existsSync(join(scratch, 'records.retry-1.jsonl')));
    });

    it('warns in the tooltip when every record of a Completed job failed, from S3', async () => {
        const aws = local.aws;
        const service = aws.state('bedrock') as BedrockService;
        const key = 'requests/wrong-shape.jsonl';
        const lines = Array.from({ length: 5 }, (_unused, i) =>
            JSON.stringify({
                recordId: `W${i}`,
                modelInput: { messages: [{ role: 'user', content: 'hi' }], max_tokens: 16 },
            }),
        );
        await aws.s3.putObject(inputBucket, key, `${lines.join('\n')}\n`);
        const { jobArn: wrongArn } = await service.createJob(
            {
                jobName: 'wrong-shape',
                roleArn: `arn:aws:iam::${aws.accountId}:role/BedrockBatchResultsTest`,
                modelId: haiku,
                inputDataConfig: { s3InputDataConfig: { s3Uri: `s3://${inputBucket}/${key}` } },
                outputDataConfig: {
                    s3OutputDataConfig: { s3Uri: `s3://${outputBucket}/results/` },
                },
            },
            { accountId: aws.accountId, region: aws.region },
        );
        const wrong = await service.forceStatus(wrongArn, 'Completed');
        assert.equal(wrong['status'], 'Completed');
        const display = await results.summaries.summaryFor(
            aws.region,
            wrong as unknown as ModelInvocationJobSummary,
        );
        assert.equal(
            display?.warning,
            'Every record failed (5 of 5), whatever the job status says. ' +
                'Most common error: 400: anthropic_version: Field required (5 of 5).',
        );
    });

    it('leaves result objects whose keys are no safe file name in S3, and says so', async () => {
        const prefix = `results/${jobArn.split('/').pop() ?? ''}/`;
        // Whoever can write to the output prefix chooses these keys.
        const hostile = [`${prefix}C:evil.out`, `${prefix}sub\\..\\..\\..\\evil.out`];
        for (const key of hostile) {
            await local.aws.s3.putObject(outputBucket, key, '{}\n');
        }
        const target = join(scratch, 'hostile', 'downloaded');
        try {
            await vscode.commands.executeCommand('notifications.clearAll');
            const outcome = await vscode.commands.executeCommand<DownloadOutcome | undefined>(
                'bedrockBatch.downloadResults',
                { region: local.aws.region, job },
                { folder: target },
            );
            assert.deepEqual(outcome?.skipped, hostile);
            assert.deepEqual(readdirSync(target).sort(), [
                'bedrock-batch-job.json',
                'manifest.json.out',
                'records.jsonl.out',
            ]);
            assert.deepEqual(readdirSync(join(scratch, 'hostile')), ['downloaded']);
            if (hasBridge()) {
                const shown = await waitFor(
                    notificationCenterText,
                    (text) => text.includes('left in S3'),
                    'the warning about the files left in S3',
                );
                assert.match(shown, /2 result files were left in S3/);
                assert.match(shown, /Show Log/);
            }
        } finally {
            for (const key of hostile) {
                await local.aws.s3.deleteObject(outputBucket, key);
            }
        }
    });
});

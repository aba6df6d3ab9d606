// Features handing work to each other, as a user meets them: a submitted job's finished results
// appear in its hover, and "Download Results" proposes the folder beside the submitted file.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import * as vscode from 'vscode';
import type { SubmitOutcome } from '../../src/submit/submitFlow';
import type { TreeRow } from '../../src/testing/treeSnapshot';
import { localClientConfig } from './support/clientConfig';
import { extensionApi } from './support/extension';
import { useLocalAws, type TestAws } from './support/localAws';
import { waitFor } from './support/waitFor';

const bucket = 'bb-wiring';

function reviewsFile(records: number): string {
    return Array.from({ length: records }, (_, i) =>
        JSON.stringify({
            recordId: `REV${String(i).padStart(8, '0')}`,
            modelInput: {
                anthropic_version: 'bedrock-2023-05-31',
                max_tokens: 50,
                messages: [{ role: 'user', content: [{ type: 'text', text: `Is review ${i} positive?` }] }],
            },
        }),
    ).join('\n');
}

function findRow(rows: readonly TreeRow[], label: string): TreeRow | undefined {
    for (const row of rows) {
        if (row.label === label) {
            return row;
        }
        const found = findRow(row.children, label);
        if (found !== undefined) {
            return found;
        }
    }
    return undefined;
}

describe('wiring: submit, explorer and results work together', function () {
    this.timeout(120_000);
    let local: TestAws;
    let folder: string;

    before(async () => {
        local = await useLocalAws();
        const s3 = new S3Client({ ...localClientConfig(local.aws), forcePathStyle: true });
        await s3.send(new CreateBucketCommand({ Bucket: bucket }));
        s3.destroy();
        const workspace = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
        assert.ok(workspace !== undefined, 'the test host opens a workspace folder');
        folder = join(workspace, 'wiring');
        mkdirSync(folder, { recursive: true });
    });

    after(async () => {
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
        await local.dispose();
        rmSync(folder, { recursive: true, force: true });
    });

    it('shows the results in the hover and downloads beside the submitted file', async () => {
        const input = join(folder, 'reviews.jsonl');
        writeFileSync(input, reviewsFile(150));
        const uri = vscode.Uri.file(input);
        const outcome = await vscode.commands.executeCommand<SubmitOutcome>('bedrockBatch.submitJob', uri, [uri], {
            region: local.aws.region,
            modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
            roleArn: `arn:aws:iam::${local.aws.accountId}:role/BedrockBatchServiceRole`,
            bucket,
            prefix: 'in',
            outputPrefix: 'out',
            jobName: 'wiring-reviews',
            skipConfirm: true,
        });
        assert.equal(outcome.status, 'started', JSON.stringify(outcome));
        const jobArn = outcome.status === 'started' ? (outcome.jobs[0]?.jobArn ?? '') : '';

        // 150 records at the simulator's default pace finish well within an hour.
        local.aws.clock.advance(60 * 60 * 1000);
        const { testing } = await extensionApi();
        await vscode.commands.executeCommand('bedrockBatch.refreshExplorer');
        const row = await waitFor(
            async () => findRow(await testing.jobsTree(), 'wiring-reviews'),
            (found) => /\*\*Results\*\*/.test(found?.tooltip ?? ''),
            'the results summary in the job hover',
        );
        assert.match(row?.description ?? '', /^Completed · 150\/150 records/);
        assert.match(row?.tooltip ?? '', /\*\*Succeeded:\*\* 150/);

        const jobId = jobArn.slice(jobArn.lastIndexOf('/') + 1);
        const download = vscode.commands.executeCommand<{ folder: string; files: string[] }>(
            'bedrockBatch.downloadResults',
            { region: local.aws.region, job: { jobArn, jobName: 'wiring-reviews' } },
        );
        // The folder choice is a quick pick whose first, default item is beside the input.
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        const downloaded = await download;
        assert.equal(downloaded.folder, join(folder, `wiring-reviews-${jobId}`));
        assert.ok(existsSync(join(downloaded.folder, 'reviews.jsonl.out')), downloaded.files.join(', '));
        assert.ok(existsSync(join(downloaded.folder, 'manifest.json.out')));
    });
});

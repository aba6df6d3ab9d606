import type { CreateModelInvocationJobCommandInput } from '@aws-sdk/client-bedrock';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BedrockClient, CreateModelInvocationJobCommand } from '@aws-sdk/client-bedrock';
import { S3Client, CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import * as vscode from 'vscode';
import type { TreeRow } from '../../src/testing/treeSnapshot';
import { localClientConfig } from './support/clientConfig';
import { extensionApi } from './support/extension';
import { useLocalAws, type TestAws } from './support/localAws';
import { waitFor } from './support/waitFor';

/** One record per line, enough of them for the service's 100-record minimum. */
function claudeInput(records: number): string {
    return Array.from({ length: records }, (_, i) =>
        JSON.stringify({
            recordId: `REC${String(i).padStart(8, '0')}`,
            modelInput: {
                anthropic_version: 'bedrock-2023-05-31',
                max_tokens: 64,
                messages: [{ role: 'user', content: [{ type: 'text', text: `Say ${i}` }] }],
            },
        }),
    ).join('\n');
}

describe('foundation: the explorer lists jobs from the endpoint through the real SDK', () => {
    let local: TestAws;

    before(async () => {
        local = await useLocalAws();
    });

    after(async () => {
        await local.dispose();
    });

    it('did not load the AWS SDK during activation', async () => {
        const api = await extensionApi();
        assert.equal(api.testing.activation.sdkLoaded, false, 'dist/sdk.js was in require.cache when activate() returned');
        // And the SDK is not hiding inside the extension bundle itself.
        const extension = vscode.extensions.getExtension('bedrock-batch.bedrock-batch');
        const bundle = readFileSync(join(extension?.extensionPath ?? '', 'dist', 'extension.js'), 'utf8');
        assert.doesNotMatch(bundle, /AWS4-HMAC-SHA256|node_modules\/@(aws-sdk|smithy)\//);
    });

    it('shows the configured region with the jobs the endpoint returned, grouped by model', async () => {
        const { aws } = local;
        const config = localClientConfig(aws);
        const s3 = new S3Client({ ...config, forcePathStyle: true });
        await s3.send(new CreateBucketCommand({ Bucket: 'foundation-input' }));
        await s3.send(new PutObjectCommand({ Bucket: 'foundation-input', Key: 'in/records.jsonl', Body: claudeInput(120) }));
        const bedrock = new BedrockClient(config);
        const job = (name: string, modelId: string): CreateModelInvocationJobCommandInput => ({
            jobName: name,
            modelId,
            roleArn: `arn:aws:iam::${aws.accountId}:role/BedrockBatchServiceRole`,
            inputDataConfig: { s3InputDataConfig: { s3Uri: 's3://foundation-input/in/records.jsonl' } },
            outputDataConfig: { s3OutputDataConfig: { s3Uri: 's3://foundation-input/out/' } },
        });
        await bedrock.send(new CreateModelInvocationJobCommand(job('haiku-base', 'anthropic.claude-3-haiku-20240307-v1:0')));
        await bedrock.send(
            new CreateModelInvocationJobCommand(job('haiku-profile', 'us.anthropic.claude-3-haiku-20240307-v1:0')),
        );
        await bedrock.send(new CreateModelInvocationJobCommand(job('nova-job', 'amazon.nova-lite-v1:0')));
        bedrock.destroy();
        s3.destroy();

        const api = await extensionApi();
        await vscode.commands.executeCommand('bedrockBatch.refreshExplorer');
        const tree = await waitFor(
            () => api.testing.jobsTree(),
            (rows) => jobNames(rows).length === 3,
            'three jobs in the Batch Jobs view',
        );
        assert.deepEqual(
            tree.map((r) => r.label),
            [aws.region],
        );
        const models = tree[0]?.children ?? [];
        assert.deepEqual(
            models.map((m) => [m.label, m.children.map((j) => j.label).sort()]),
            [
                ['amazon.nova-lite-v1:0', ['nova-job']],
                ['anthropic.claude-3-haiku-20240307-v1:0', ['haiku-base', 'haiku-profile']],
            ],
        );
        const profileJob = models[1]?.children.find((j) => j.label === 'haiku-profile');
        assert.match(profileJob?.description ?? '', /^Submitted/);
        assert.match(profileJob?.description ?? '', /us profile/);
    });
});

function jobNames(rows: TreeRow[]): string[] {
    return rows.flatMap((row) => (row.contextValue?.startsWith('bedrockBatch:job') ? [row.label] : jobNames(row.children)));
}

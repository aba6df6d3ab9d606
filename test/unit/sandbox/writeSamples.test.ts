import * as assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleFiles } from '../../../src/sandbox/samples';
import { sampleWorkspaceReadme } from '../../../src/sandbox/workspaceReadme';
import { writeSampleWorkspace } from '../../../src/sandbox/writeSamples';

describe('sample workspace', () => {
    let folder: string;

    beforeEach(async () => {
        folder = await mkdtemp(join(tmpdir(), 'bb-samples-'));
    });

    afterEach(async () => {
        await rm(folder, { recursive: true, force: true });
    });

    it('writes the README and the five sample files', async () => {
        const target = join(folder, 'nested', 'samples');
        const result = await writeSampleWorkspace(target);
        assert.deepEqual((await readdir(target)).sort(), [
            'README.md',
            'claude-literary-questions.jsonl',
            'converse-discussion.jsonl',
            'mistakes.jsonl',
            'nova-labels.jsonl',
            'titan-embeddings.jsonl',
        ]);
        assert.equal(result.written[0], join(target, 'README.md'));
        assert.deepEqual(result.kept, []);
        const nova = sampleFiles().find((f) => f.name === 'nova-labels.jsonl');
        assert.equal(await readFile(join(target, 'nova-labels.jsonl'), 'utf8'), nova?.text);
    });

    it('keeps a file the user already has under a sample name', async () => {
        await writeFile(join(folder, 'mistakes.jsonl'), 'mine\n');
        const result = await writeSampleWorkspace(folder);
        assert.deepEqual(result.kept, [join(folder, 'mistakes.jsonl')]);
        assert.equal(result.written.length, 5);
        assert.equal(await readFile(join(folder, 'mistakes.jsonl'), 'utf8'), 'mine\n');
    });

    it('README lists every file with its record count and the model to choose', () => {
        const readme = sampleWorkspaceReadme(sampleFiles());
        const claudeRow = readme.split('\n').find((row) => row.includes('claude-literary'));
        assert.match(claudeRow ?? '', /\| 300 \| .* \| `anthropic\.claude-3-haiku-20240307-v1:0` \|$/);
        assert.match(readme, /\| `titan-embeddings\.jsonl` \| 258 \|/);
        assert.match(readme, /\| `mistakes\.jsonl` \| 100 \|/);
        for (const step of ['Submit as Bedrock batch...', 'Show Metrics', 'Download Results...',
            'Leave Sandbox', 'BedrockBatchServiceRole', 'bedrock-batch-sandbox']) {
            assert.ok(readme.includes(step), step);
        }
    });
});

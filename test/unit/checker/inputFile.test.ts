import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFiles, InputFileError } from '../../../src/checker/check';
import { CLAUDE } from './fixtures';
import { TempFiles, claudeLine } from './tempFiles';

const OPTIONS = { modelId: CLAUDE, quotas: { minRecordsPerJob: 1 } };

/** Settles with the outcome, or says it is still waiting after `ms`. */
async function outcome(check: Promise<unknown>, ms: number): Promise<unknown> {
    let timer: NodeJS.Timeout | undefined;
    const waiting = new Promise((resolve) => {
        timer = setTimeout(() => resolve('still waiting'), ms);
    });
    try {
        const settled = check.then(
            () => 'resolved',
            (error: unknown) => error,
        );
        return await Promise.race([settled, waiting]);
    } finally {
        clearTimeout(timer);
    }
}

describe('input files: only regular files are read', () => {
    const temp = new TempFiles();
    let dir = '';
    before(() => {
        dir = mkdtempSync(join(tmpdir(), 'bedrock-batch-special-'));
    });
    after(() => {
        temp.cleanup();
        rmSync(dir, { recursive: true, force: true });
    });

    it('refuses a FIFO named .jsonl at once instead of waiting for a writer', async function () {
        if (process.platform === 'win32') {
            this.skip();
        }
        const fifo = join(dir, 'pipe.jsonl');
        execFileSync('mkfifo', [fifo]);
        const good = temp.write('good.jsonl', `${claudeLine('a')}\n`);
        // The FIFO second: nothing of the job is opened before every path is known to be a file.
        const error = await outcome(checkFiles([good, fifo], OPTIONS), 5000);
        assert.ok(error instanceof InputFileError, `not refused: ${String(error)}`);
        assert.equal(error.problem, 'not-a-file');
        assert.equal(error.path, fifo);
        assert.equal(error.message, `cannot read ${fifo}: not a file (a named pipe, FIFO)`);
    });

    it('refuses a folder and a device', async function () {
        await assert.rejects(checkFiles([dir], OPTIONS), {
            problem: 'not-a-file',
            message: `cannot read ${dir}: not a file (a folder)`,
        });
        if (process.platform === 'win32') {
            this.skip();
        }
        await assert.rejects(checkFiles(['/dev/null'], OPTIONS), {
            message: 'cannot read /dev/null: not a file (a device)',
        });
    });

    it('shows control characters of a path as escapes in its message', async () => {
        const path = join(dir, 'e\u001b[2Jx\u202E.jsonl');
        await assert.rejects(checkFiles([path], OPTIONS), {
            problem: 'missing',
            message: `cannot read ${join(dir, 'e\\u001B[2Jx\\u202E.jsonl')}: no such file`,
        });
    });
});

// Breaker evidence: "Check JSONL" on a .jsonl that is not a regular file. The CLI refuses a
// FIFO ("not a file"); the editor command must not wait forever for a writer either.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { SubmitOutcome } from '../../../src/submit/submitFlow';
import { extensionApi } from '../support/extension';

describe('breaker: special files named .jsonl', function () {
    this.timeout(60_000);
    let work: string;

    before(async () => {
        await extensionApi();
        work = mkdtempSync(join(tmpdir(), 'bb-breaker-special-'));
    });

    after(() => {
        rmSync(work, { recursive: true, force: true });
    });

    it('Check JSONL on a FIFO answers instead of hanging', async function () {
        if (process.platform === 'win32') {
            this.skip();
        }
        const fifo = join(work, 'pipe.jsonl');
        execFileSync('mkfifo', [fifo]);
        const checking = Promise.resolve(
            vscode.commands.executeCommand('bedrockBatch.checkFile', vscode.Uri.file(fifo)),
        ).then(
            () => 'settled',
            () => 'settled',
        );
        const outcome = await Promise.race([
            checking,
            new Promise<string>((resolve) => setTimeout(() => resolve('still waiting'), 10_000)),
        ]);
        if (outcome !== 'settled') {
            // Free the thread-pool thread blocked in open(): a writer arrives and leaves at once.
            try {
                closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
            } catch {
                // No reader was waiting after all.
            }
            await vscode.commands.executeCommand('notifications.clearAll');
        }
        assert.equal(
            outcome,
            'settled',
            'Check JSONL on a FIFO waited 10 s for a writer: open() blocks a libuv thread ' +
                '(4 such checks block every fs and DNS call of the extension host)',
        );
    });

    it('Submit on a FIFO refuses it before opening anything', async function () {
        if (process.platform === 'win32') {
            this.skip();
        }
        const fifo = join(work, 'submit pipe.jsonl');
        execFileSync('mkfifo', [fifo]);
        const submitting = Promise.resolve(
            vscode.commands.executeCommand<SubmitOutcome>(
                'bedrockBatch.submitJob',
                vscode.Uri.file(fifo),
                [vscode.Uri.file(fifo)],
                { region: 'us-east-1', skipConfirm: true },
            ),
        );
        const outcome = await Promise.race([
            submitting,
            new Promise<string>((resolve) => setTimeout(() => resolve('still waiting'), 10_000)),
        ]);
        if (typeof outcome === 'string') {
            closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
        }
        assert.deepEqual(outcome, {
            status: 'failed',
            message:
                'submit pipe.jsonl is a named pipe (FIFO), not a regular file: only regular ' +
                '.jsonl files are read.',
            jobs: [],
        });
    });
});

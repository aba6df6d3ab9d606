// Breaker evidence, kept as a regression test: typing in a 45 MB .jsonl document froze the
// extension host for about a second per pause, because the document was checked in one
// synchronous call. The test asserts behaviour, not time: the check of a large document lets
// other work run while it goes, an edit cancels the check of the version before it, and only the
// latest version's results are published. How long the event loop is blocked is measured by
// bench/editorCheck.ts (checking from disk, the path of files above 50 MB, by bench/checker.mjs).
import * as assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { JsonlDiagnostics } from '../../../src/diagnostics/jsonlDiagnostics';
import { extensionApi } from '../support/extension';
import { waitFor } from '../support/waitFor';

const haiku = 'anthropic.claude-3-haiku-20240307-v1:0';

function record(i: number, text: string): string {
    return JSON.stringify({
        recordId: `R${i}`,
        modelInput: {
            anthropic_version: 'bedrock-2023-05-31',
            max_tokens: 100,
            messages: [{ role: 'user', content: text }],
        },
    });
}

/** `records` Claude records of about `bytes` each; every third has a JSON syntax error. */
function writeRecords(path: string, records: number, bytes: number): void {
    const fd = openSync(path, 'w');
    const text = 'q'.repeat(Math.max(1, bytes - 160));
    try {
        const lines: string[] = [];
        for (let i = 0; i < records; i++) {
            const line = record(i, text);
            lines.push(i % 3 === 0 ? line.slice(0, -2) : line);
            if (lines.length === 1000) {
                writeSync(fd, `${lines.join('\n')}\n`);
                lines.length = 0;
            }
        }
        if (lines.length > 0) {
            writeSync(fd, `${lines.join('\n')}\n`);
        }
    } finally {
        closeSync(fd);
    }
}

function syntaxErrorLines(uri: vscode.Uri): number[] {
    return vscode.languages
        .getDiagnostics(uri)
        .filter((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'json-syntax')
        .map((d) => d.range.start.line + 1);
}

function nextTurn(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

describe('breaker: big .jsonl documents and the extension host', function () {
    this.timeout(300_000);
    let work: string;
    let diagnostics: JsonlDiagnostics;

    before(async () => {
        diagnostics = (await extensionApi()).testing.submit.diagnostics.diagnostics;
        work = mkdtempSync(join(tmpdir(), 'bb-breaker-large-'));
        await vscode.workspace
            .getConfiguration('bedrockBatch')
            .update('defaultModelId', haiku, true);
        // The edits stay unsaved: the document, not the file, is what is checked.
        await vscode.workspace.getConfiguration('files').update('autoSave', 'off', true);
    });

    after(async () => {
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.workspace
            .getConfiguration('bedrockBatch')
            .update('defaultModelId', undefined, true);
        await vscode.workspace.getConfiguration('files').update('autoSave', undefined, true);
        rmSync(work, { recursive: true, force: true });
    });

    it('checks edits to a 45 MB document in slices, publishing the latest only', async () => {
        const path = join(work, 'big-edited.jsonl');
        writeRecords(path, 45_000, 1000);
        const uri = vscode.Uri.file(path);
        const document = await vscode.workspace.openTextDocument(uri);
        const editor = await vscode.window.showTextDocument(document);
        await waitFor(
            () => syntaxErrorLines(uri),
            (lines) => lines.length > 0,
            'the first check',
            120_000,
        );
        assert.deepEqual(syntaxErrorLines(uri).slice(0, 3), [1, 4, 7]);

        // Every publish from here on must be for the version the document has at that moment.
        const published: { version: number | undefined; current: number }[] = [];
        const listening = diagnostics.onDidPublish((publishedUri) => {
            if (publishedUri.toString() === uri.toString()) {
                published.push({
                    version: diagnostics.publishedVersion(uri),
                    current: document.version,
                });
            }
        });
        try {
            // Line 1 fixed; the check scheduled by the edit follows it.
            await editor.edit((edit) => edit.replace(document.lineAt(0).range, record(0, 'fine')));
            const fixedVersion = document.version;
            await waitFor(
                () => diagnostics.publishedVersion(uri),
                (version) => version === fixedVersion,
                'the check of the edited document',
                120_000,
            );
            assert.deepEqual(syntaxErrorLines(uri).slice(0, 2), [4, 7]);

            // A check of the document lets a timer run before it ends: it works in slices.
            let timerRanFirst = false;
            let checkEnded = false;
            setTimeout(() => {
                timerRanFirst = !checkEnded;
            }, 0);
            const direct = await diagnostics.checkDocument(document);
            checkEnded = true;
            await nextTurn();
            assert.equal(timerRanFirst, true, 'the check held the event loop until it ended');
            assert.ok(direct, 'the check of an unchanged document publishes its result');
            assert.equal(diagnostics.publishedVersion(uri), fixedVersion);

            // An edit while a check runs: that check gives up and publishes nothing.
            const overtaken = diagnostics.checkDocument(document);
            await nextTurn();
            const end = document.lineAt(1).range.end;
            await editor.edit((edit) => edit.delete(new vscode.Range(end.translate(0, -2), end)));
            assert.equal(await overtaken, undefined, 'the check of an old version went on');

            // The scheduled check of the newest version follows the edit.
            await waitFor(
                () => diagnostics.publishedVersion(uri),
                (version) => version === document.version,
                'the check of the latest version',
                120_000,
            );
            assert.deepEqual(syntaxErrorLines(uri).slice(0, 3), [2, 4, 7]);
        } finally {
            listening.dispose();
        }
        assert.ok(published.length >= 2, `publishes: ${JSON.stringify(published)}`);
        assert.deepEqual(
            published.filter((p) => p.version !== p.current),
            [],
            'results of an older version were published',
        );
    });
});

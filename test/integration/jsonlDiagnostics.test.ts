import * as assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { CheckFileOutcome } from '../../src/diagnostics/checkFileCommand';
import type { TestingApi } from '../../src/testing/api';
import { extensionApi, extensionId } from './support/extension';
import { waitFor } from './support/waitFor';

const haiku = 'anthropic.claude-3-haiku-20240307-v1:0';

function fixture(name: string): string {
    const extension = vscode.extensions.getExtension(extensionId);
    return join(extension?.extensionPath ?? '', 'test', 'fixtures', 'submit', name);
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
    return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Bedrock Batch');
}

function codeOf(diagnostic: vscode.Diagnostic): string {
    const code = diagnostic.code;
    return typeof code === 'object' ? String(code.value) : String(code);
}

function summary(diagnostics: readonly vscode.Diagnostic[]): string[] {
    return diagnostics.map(
        (d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)}`,
    );
}

async function quickFixes(
    uri: vscode.Uri,
    diagnostic: vscode.Diagnostic,
): Promise<vscode.CodeAction[]> {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
    );
    return actions.filter(
        (a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value && a.edit !== undefined,
    );
}

describe('editor: .jsonl files are checked as they are typed', function () {
    this.timeout(60_000);
    let work: string;
    let testing: TestingApi;

    before(async () => {
        testing = (await extensionApi()).testing;
        // Earlier suites submit jobs, making their model the workspace's; start from the setting.
        await testing.submit.diagnostics.diagnostics.models.forgetWorkspace();
        work = mkdtempSync(join(tmpdir(), 'bb-diag-'));
        await vscode.workspace
            .getConfiguration('bedrockBatch')
            .update('defaultModelId', haiku, true);
        // VS Code for the web saves after a delay by default; the tests tell document from disk.
        await vscode.workspace.getConfiguration('files').update('autoSave', 'off', true);
    });

    after(async () => {
        for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
            await vscode.window.showTextDocument(document);
            await vscode.commands.executeCommand('workbench.action.files.revert');
        }
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.workspace
            .getConfiguration('bedrockBatch')
            .update('defaultModelId', undefined, true);
        await vscode.workspace.getConfiguration('files').update('autoSave', undefined, true);
        const folder = work as string | undefined;
        if (folder !== undefined) {
            rmSync(folder, { recursive: true, force: true });
        }
    });

    it('shows problems at line and column, for the default model, and follows edits', async () => {
        const path = join(work, 'tickets.jsonl');
        copyFileSync(fixture('tickets-with-errors.jsonl'), path);
        const uri = vscode.Uri.file(path);
        const editor = await vscode.window.showTextDocument(
            await vscode.workspace.openTextDocument(uri),
        );
        const shown = await waitFor(
            () => summary(ours(uri)),
            (s) => s.length === 3,
            'three problems',
        );
        const line7 = editor.document.lineAt(6).text;
        assert.deepEqual(shown, [
            '3:29 claude-missing-anthropic-version',
            `7:${line7.indexOf('"modelId"') + 1} model-input-model-id`,
            '10:61 json-syntax',
        ]);
        const [first] = ours(uri);
        assert.equal(first?.severity, vscode.DiagnosticSeverity.Error);
        assert.match(first?.message ?? '', /anthropic_version/);

        const status = testing.submit.diagnostics.status.shown;
        assert.equal(status?.text, '$(checklist) Anthropic Claude');
        assert.match(status?.tooltip ?? '', /bedrockBatch\.defaultModelId/);

        await editor.edit((edit) =>
            edit.insert(new vscode.Position(editor.document.lineCount - 1, 0), '{"recordId": \n'),
        );
        await waitFor(
            () => summary(ours(uri)),
            (s) =>
                s.some(
                    (d) =>
                        d.startsWith(`${editor.document.lineCount - 1}:`) &&
                        d.endsWith('json-syntax'),
                ),
            'the new broken line reported',
        );
    });

    it('offers certain fixes that edit the document (undoably), never the file', async () => {
        const editor = vscode.window.activeTextEditor;
        assert.ok(editor);
        const uri = editor.document.uri;
        const onDisk = readFileSync(uri.fsPath, 'utf8');
        const missingVersion = ours(uri).find((d) => d.code === 'claude-missing-anthropic-version');
        assert.ok(missingVersion);
        const [insert] = await quickFixes(uri, missingVersion);
        assert.match(insert?.title ?? '', /anthropic_version/);
        assert.ok(insert?.edit);
        assert.ok(await vscode.workspace.applyEdit(insert.edit));
        assert.match(editor.document.lineAt(2).text, /"anthropic_version": ?"bedrock-2023-05-31"/);
        assert.equal(readFileSync(uri.fsPath, 'utf8'), onDisk, 'the quick fix wrote to disk');
        assert.equal(editor.document.isDirty, true);
        await waitFor(
            () => summary(ours(uri)),
            (s) => !s.some((d) => d.startsWith('3:')),
            'the fixed problem gone',
        );

        const strayModelId = ours(uri).find((d) => d.code === 'model-input-model-id');
        assert.ok(strayModelId);
        const [remove] = await quickFixes(uri, strayModelId);
        assert.ok(remove?.edit);
        assert.ok(await vscode.workspace.applyEdit(remove.edit));
        assert.doesNotMatch(editor.document.lineAt(6).text, /"modelId"/);
        JSON.parse(editor.document.lineAt(6).text);

        await vscode.commands.executeCommand('undo');
        assert.match(editor.document.lineAt(6).text, /"modelId"/);
        await vscode.commands.executeCommand('redo');
        assert.doesNotMatch(editor.document.lineAt(6).text, /"modelId"/);
    });

    it('adds the missing recordIds in one fix', async () => {
        const editor = vscode.window.activeTextEditor;
        assert.ok(editor);
        const uri = editor.document.uri;
        const record = JSON.stringify({
            modelInput: {
                anthropic_version: 'bedrock-2023-05-31',
                max_tokens: 50,
                messages: [{ role: 'user', content: [{ type: 'text', text: 'No id here' }] }],
            },
        });
        await editor.edit((edit) =>
            edit.insert(new vscode.Position(0, 0), `${record}\n${record}\n`),
        );
        const missing = await waitFor(
            () => ours(uri).find((d) => d.code === 'record-id-missing'),
            (d) => d !== undefined,
            'the missing recordId hint',
        );
        assert.ok(missing);
        assert.equal(missing.severity, vscode.DiagnosticSeverity.Information);
        const [add] = await quickFixes(uri, missing);
        assert.ok(add?.edit);
        assert.ok(await vscode.workspace.applyEdit(add.edit));
        const ids = [0, 1].map(
            (line) =>
                (JSON.parse(editor.document.lineAt(line).text) as { recordId?: unknown }).recordId,
        );
        assert.equal(typeof ids[0], 'string');
        assert.equal(typeof ids[1], 'string');
        assert.notEqual(ids[0], ids[1]);
        await waitFor(
            () => ours(uri).some((d) => d.code === 'record-id-missing'),
            (present) => !present,
            'the hint gone',
        );
    });

    it('re-checks against the model chosen for the file', async () => {
        const editor = vscode.window.activeTextEditor;
        assert.ok(editor);
        const uri = editor.document.uri;
        await testing.submit.diagnostics.diagnostics.models.setForFile(uri, {
            modelId: 'amazon.nova-lite-v1:0',
            invocationType: 'InvokeModel',
        });
        const status = await waitFor(
            () => testing.submit.diagnostics.status.shown,
            (s) => s?.text.includes('Nova') === true,
            'the Nova status',
        );
        assert.match(status?.tooltip ?? '', /chosen for this file/);
        // Claude bodies are wrong for Nova: the checker now says so.
        await waitFor(
            () => ours(uri).length,
            (n) => n > 10,
            'Nova problems on Claude records',
        );
        await testing.submit.diagnostics.diagnostics.models.setForFile(uri, undefined);
        await waitFor(
            () => testing.submit.diagnostics.status.shown?.text,
            (t) => t === '$(checklist) Anthropic Claude',
            'back to Claude',
        );
    });

    it('Check JSONL reports records, tokens and the batch cost of a file on disk', async () => {
        const path = join(work, 'good tickets.jsonl');
        copyFileSync(fixture('support tickets 2024+Q1.jsonl'), path);
        const [outcome] = await vscode.commands.executeCommand<CheckFileOutcome[]>(
            'bedrockBatch.checkFile',
            vscode.Uri.file(path),
        );
        assert.equal(outcome?.result.errors, 0);
        assert.match(
            outcome?.summary ?? '',
            new RegExp(
                String.raw`^good tickets\.jsonl: no problems ` +
                    String.raw`\(Anthropic Claude rules, InvokeModel\)\. ` +
                    String.raw`120 records, 69\.8 KB; about [\d,]+ input tokens, ` +
                    String.raw`at most 36,000 output tokens; ` +
                    String.raw`about \$0\.00\d\d for input at the batch price`,
            ),
        );
    });

    it('checks a file too large for the extension API by streaming it', async function () {
        this.timeout(120_000);
        const path = join(work, 'huge.jsonl');
        const good =
            readFileSync(fixture('support tickets 2024+Q1.jsonl'), 'utf8').split('\n')[0] ?? '';
        const padding = 'x'.repeat(9000);
        const line = good.replace('Ticket #', `${padding} Ticket #`);
        const lines = Array.from({ length: 5800 }, (_, i) =>
            line.replace('TICKET-048120', `TICKET-${i}`),
        );
        lines[1] = '{"recordId": "broken", "modelInput": ';
        writeFileSync(path, `${lines.join('\n')}\n`);
        const uri = vscode.Uri.file(path);
        await vscode.commands.executeCommand('vscode.open', uri);
        assert.equal(
            vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()),
            false,
            'VS Code handed the large file over',
        );
        const found = await waitFor(
            () => summary(ours(uri)),
            (s) => s.length > 0,
            'problems of the large file',
            60_000,
        );
        assert.deepEqual(
            found.map((d) => d.split(' ')[1]),
            ['json-syntax'],
        );
        assert.ok(found[0]?.startsWith('2:'));
    });
});

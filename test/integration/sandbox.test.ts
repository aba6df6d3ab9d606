import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/testing/api';
import { isRunning } from '../support/processes';
import { evaluateInWorkbench, hasBridge } from './support/bridge';
import { extensionApi } from './support/extension';
import { waitFor } from './support/waitFor';

function statusBarTexts(): Promise<string[]> {
    return evaluateInWorkbench(`[...document.querySelectorAll('.statusbar-item')]
        .map((item) => item.textContent.trim())`) as Promise<string[]>;
}

/** The Bedrock Batch sandbox commands the command palette offers right now. */
async function paletteSandboxCommands(): Promise<string[]> {
    await vscode.commands.executeCommand('workbench.action.quickOpen', '>Bedrock Batch: ');
    try {
        const rows = await waitFor(
            () => evaluateInWorkbench(`[...document.querySelectorAll(
                '.quick-input-widget .monaco-list-row')].map((row) => row.innerText)`) as
                Promise<string[]>,
            (shown) => shown.some((text) => text.includes('Show Log')),
            'the Bedrock Batch commands in the palette');
        return rows.map((text) => text.replace(/\s+/g, ' ').trim())
            .filter((text) => /Sandbox/.test(text));
    } finally {
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    }
}

/** The Ports view's count in the status bar (the radio-tower item), as the user reads it. */
function forwardedPortsText(): Promise<string> {
    return evaluateInWorkbench(`[...document.querySelectorAll('.statusbar-item')]
        .filter((item) => item.id === 'status.forwardedPorts'
            || item.querySelector('.codicon-radio-tower') !== null)
        .map((item) => item.textContent.trim()).join('|')`) as Promise<string>;
}

describe('Open Sandbox and Leave Sandbox', function () {
    this.timeout(60_000);
    let api: TestingApi;
    let samples: string;

    before(async () => {
        api = (await extensionApi()).testing;
        samples = mkdtempSync(join(tmpdir(), 'bb-sandbox-samples-'));
    });

    after(async () => {
        if (api.sandbox.state !== 'off') {
            await vscode.commands.executeCommand('bedrockBatch.leaveSandbox');
        }
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        rmSync(samples, { recursive: true, force: true });
    });

    it('starts the endpoint in a child process and shows its region as the sandbox', async () => {
        assert.equal(api.sandbox.state, 'off');
        const options = { samplesFolder: samples };
        await vscode.commands.executeCommand('bedrockBatch.openSandbox', options);
        assert.equal(api.sandbox.state, 'running');
        assert.equal(api.inSandbox, true);
        const pid = api.sandbox.childPid;
        assert.ok(pid !== undefined && pid !== process.pid && isRunning(pid), `child pid ${pid}`);
        const info = api.sandbox.info;
        assert.match(info?.endpoint ?? '', /^http:\/\/127\.0\.0\.1:\d+$/);
        assert.equal(api.sandbox.statusText, '$(beaker) Bedrock Batch Sandbox');
        const rows = await waitFor(() => api.jobsTree(),
            (shown) => shown.some((row) => (row.description ?? '').includes('sandbox')
                && !(row.description ?? '').startsWith('loading')),
            'the sandbox region listed');
        assert.deepEqual(rows.map((row) => [row.label, row.description]), [
            [info?.region, '0 jobs · sandbox'],
        ]);
        assert.ok(readdirSync(samples).includes('claude-literary-questions.jsonl'));
        assert.ok(readdirSync(samples).includes('README.md'));
    });

    it('checks the sample files against the model each is written for', async () => {
        const uri = vscode.Uri.file(join(samples, 'mistakes.jsonl'));
        await vscode.window.showTextDocument(uri);
        const errors = await waitFor(
            () => vscode.languages.getDiagnostics(uri)
                .filter((d) => d.severity === vscode.DiagnosticSeverity.Error),
            (found) => found.length === 5,
            'the five mistakes, Claude ones included',
        );
        assert.deepEqual(errors.map((d) => d.code), [
            'claude-missing-anthropic-version',
            'model-input-model-id',
            'record-id-duplicate',
            'model-input-wrapper-missing',
            'json-syntax',
        ]);
    });

    it('labels the window: the status bar shows the sandbox item', async function () {
        if (!hasBridge()) {
            this.skip();
        }
        const texts = await waitFor(statusBarTexts,
            (shown) => shown.some((text) => text.includes('Bedrock Batch Sandbox')),
            'the sandbox status bar item');
        assert.ok(texts.length > 0);
    });

    it('offers Leave Sandbox, not Open Sandbox, in the palette while in the sandbox', async function () {
        if (!hasBridge()) {
            this.skip();
        }
        assert.deepEqual(await paletteSandboxCommands(), ['Bedrock Batch: Leave Sandbox']);
    });

    it('forwards no port of the endpoint or of any other process', async function () {
        if (!hasBridge()) {
            this.skip();
        }
        assert.equal(vscode.workspace.getConfiguration('remote').get('autoForwardPorts'), false);
        const ports = await forwardedPortsText();
        assert.match(ports, /^\d*$/, 'one ports item at most');
        assert.equal(Number(ports === '' ? '0' : ports), 0, `the ports item reads "${ports}"`);
    });

    it('stops the child process and switches back to the account on Leave Sandbox', async () => {
        const pid = api.sandbox.childPid;
        assert.ok(pid !== undefined);
        await vscode.commands.executeCommand('bedrockBatch.leaveSandbox');
        assert.equal(api.sandbox.state, 'off');
        assert.equal(api.sandbox.childPid, undefined);
        assert.equal(api.inSandbox, false);
        assert.equal(api.sandbox.statusText, '');
        assert.equal(isRunning(pid), false, `pid ${pid} still runs`);
        const rows = await api.jobsTree();
        assert.ok(rows.every((row) => !(row.description ?? '').includes('sandbox')));
        if (hasBridge()) {
            assert.deepEqual(await paletteSandboxCommands(), ['Bedrock Batch: Open Sandbox']);
        }
    });
});

import * as assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import * as vscode from 'vscode';
import { evaluateInWorkbench, hasBridge, screenshot } from './support/bridge';
import { waitFor } from './support/waitFor';

const extensionId = 'bedrock-batch.bedrock-batch';

// Name of the channel the Output panel shows.
const selectedOutputChannel =
    `document.querySelector('.part.panel select')?.selectedOptions[0]?.text ?? null`;

// Text of the primary side bar as the user sees it (titles, view headers, welcome content).
const sideBarText = `document.querySelector('.part.sidebar')?.innerText ?? ''`;

describe('activation', () => {
    it('installs and activates the extension', async () => {
        const extension = vscode.extensions.getExtension(extensionId);
        assert.ok(extension, `${extensionId} is not loaded in the extension host`);
        await extension.activate();
        assert.equal(extension.isActive, true);
    });

    it('opens the Bedrock Batch log with Show Log', async () => {
        // Runs without a prior activate(): the command itself must activate the extension.
        await vscode.commands.executeCommand('bedrockBatch.showLog');
        assert.equal(vscode.extensions.getExtension(extensionId)?.isActive, true);
        if (!hasBridge()) {
            return;
        }
        const channel = await waitFor(
            () => evaluateInWorkbench(selectedOutputChannel),
            (seen) => seen === 'Bedrock Batch',
            'the Output panel to show the Bedrock Batch channel',
        );
        assert.equal(channel, 'Bedrock Batch');
    });

    it('gets no AWS settings from the developer environment', () => {
        assert.equal(process.env['AWS_EC2_METADATA_DISABLED'], 'true');
        assert.equal(process.env['AWS_PROFILE'], undefined);
        assert.equal(process.env['AWS_ACCESS_KEY_ID'], undefined);
        assert.equal(process.env['AWS_SECRET_ACCESS_KEY'], undefined);
    });

    it('shows the Batch Jobs view in the side bar', async function () {
        if (!hasBridge()) {
            this.skip();
        }
        await vscode.commands.executeCommand('bedrockBatch.jobs.focus');
        const text = await waitFor(
            async () => String(await evaluateInWorkbench(sideBarText)),
            (seen) => seen.toUpperCase().includes('BEDROCK BATCH'),
            'the Bedrock Batch side bar',
        );
        assert.match(text.toUpperCase(), /BATCH JOBS/);
        const path = await screenshot('activation-jobs-view');
        assert.ok(statSync(path).size > 0, `${path} is empty`);
    });
});

// Breaker evidence: what the Batch Metrics panel says when CloudWatch refuses expired
// credentials or keeps failing, and whether it offers the action that fixes it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
    evaluateInWebview,
    evaluateInWorkbench,
    hasBridge,
    press,
    screenshot,
} from '../support/bridge';
import { extensionApi } from '../support/extension';
import { useLocalAws, type TestAws } from '../support/localAws';
import { waitFor } from '../support/waitFor';

const title = 'Batch Metrics';

function panelText(): Promise<string> {
    return evaluateInWebview('document.body.innerText', title).then(String);
}

function statusText(): Promise<string> {
    return evaluateInWebview('document.querySelector("#status")?.textContent ?? ""', title).then(
        String,
    );
}

function bannerText(): Promise<string> {
    return evaluateInWebview(
        `(() => {
            const banner = document.querySelector('#credential-problem');
            return banner === null || banner.hidden ? '' : banner.innerText;
        })()`,
        title,
    ).then(String);
}

function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

function panelButtons(): Promise<string[]> {
    return evaluateInWebview(
        `[...document.querySelectorAll('vscode-button, button, a')].map((b) => b.textContent.trim())`,
        title,
    ) as Promise<string[]>;
}

describe('breaker: Batch Metrics when CloudWatch fails', function () {
    this.timeout(120_000);
    let local: TestAws;

    before(async function () {
        if (!hasBridge()) {
            this.skip();
        }
        local = await useLocalAws();
        await extensionApi();
    });

    after(async () => {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await local?.dispose();
    });

    it('expired credentials: says so and offers to configure the profile', async () => {
        local.aws.faults.add({
            kind: 'expiredCredentials',
            service: 'monitoring',
            count: 'untilCleared',
        });
        try {
            await vscode.commands.executeCommand('bedrockBatch.openMetrics', {
                region: local.aws.region,
                modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
            });
            const text = await waitFor(
                panelText,
                (t) => /credential|token/i.test(t),
                'the panel to say why it has no data',
                30_000,
            );
            const buttons = await panelButtons();
            process.stdout.write(`    panel: ${JSON.stringify(text.slice(0, 600))}\n`);
            process.stdout.write(`    buttons: ${JSON.stringify(buttons)}\n`);
            assert.ok(
                buttons.some((b) => /profile|credential|sign in|log ?in/i.test(b)),
                `no action to fix the credentials; buttons: ${JSON.stringify(buttons)}`,
            );
        } finally {
            local.aws.faults.clear();
        }
    });

    it('refused credentials: refresh waits; host runs the fix; reconnect resumes', async () => {
        // A fresh panel, so it is told the interval set here.
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        const config = vscode.workspace.getConfiguration('bedrockBatch');
        await config.update('metrics.refreshIntervalSeconds', 10, true);
        local.aws.faults.add({
            kind: 'expiredCredentials',
            service: 'monitoring',
            count: 'untilCleared',
        });
        const monitoringSince = (since: number): number =>
            local.aws.requests.list({ since, service: 'monitoring' }).length;
        try {
            await vscode.commands.executeCommand('bedrockBatch.openMetrics', {
                region: local.aws.region,
                modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
            });
            const status = await waitFor(
                statusText,
                (t) => t.startsWith('Live refresh paused'),
                'the paused status',
                30_000,
            );
            assert.match(status, /^Live refresh paused: the credentials were refused · /);
            const banner = await bannerText();
            assert.match(banner, /security token included in the request is expired/);
            assert.match(banner, /Live refresh is paused/);
            await screenshot('metrics-credentials-refused');

            // Two intervals pass without a call signed with the refused credentials.
            let since = local.aws.requests.list().at(-1)?.seq ?? 0;
            await sleep(21_000);
            assert.equal(monitoringSince(since), 0, 'CloudWatch was called with them again');

            // The button asks the host, which opens the profile picker in the editor.
            await evaluateInWebview(
                `document.querySelector('[data-fix="configureProfile"]').click()`,
                title,
            );
            await waitFor(
                async () =>
                    String(
                        await evaluateInWorkbench(
                            `document.querySelector('.quick-input-widget .quick-input-title')` +
                                `?.textContent ?? ''`,
                        ),
                    ),
                (t) => t.includes('AWS Profile for Bedrock Batch'),
                'the profile picker',
            );
            await press('Escape');

            // Credentials that work, under a new connection: back to live refresh by itself.
            local.aws.faults.clear();
            await config.update('profile', undefined, true);
            await waitFor(bannerText, (t) => /No AWS credentials/.test(t), 'no credentials');
            since = local.aws.requests.list().at(-1)?.seq ?? 0;
            await config.update('profile', local.profile, true);
            await waitFor(
                statusText,
                (t) => t.startsWith('Live, every 10 s'),
                'live refresh again',
                30_000,
            );
            assert.equal(await bannerText(), '');
            assert.ok(monitoringSince(since) > 0, 'no CloudWatch call after the change');
        } finally {
            local.aws.faults.clear();
            await config.update('profile', local.profile, true);
            await config.update('metrics.refreshIntervalSeconds', undefined, true);
        }
    });

    it('closing the panel while it loads leaves no error behind', async () => {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.commands.executeCommand('notifications.clearAll');
        local.aws.faults.add({
            kind: 'delay',
            service: 'monitoring',
            delayMs: 3000,
            count: 'untilCleared',
        });
        try {
            await vscode.commands.executeCommand('bedrockBatch.openMetrics', {
                region: local.aws.region,
            });
            await new Promise((resolve) => setTimeout(resolve, 500));
            await vscode.commands.executeCommand('workbench.action.closeAllEditors');
            await new Promise((resolve) => setTimeout(resolve, 8000));
        } finally {
            local.aws.faults.clear();
        }
        const toasts = String(
            await evaluateInWorkbench(
                `[...document.querySelectorAll('.notification-toast')].map((e) => e.innerText)` +
                    `.join('\\n')`,
            ),
        );
        assert.equal(toasts, '', 'a notification appeared after the panel was closed');
    });
});

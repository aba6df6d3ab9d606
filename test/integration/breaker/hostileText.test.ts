// Breaker evidence: text the user does not control (file names, S3 keys, service messages)
// reaching notifications and quick picks. Each test fails while the bug it names is present.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExplorerTesting } from '../../../src/explorer/explorerTesting';
import type { BedrockService } from '../../../src/localAws/bedrock';
import { haiku, outputBucket, prepareBedrock, seedJob } from '../../support/jobSeeds';
import { evaluateInWorkbench, hasBridge, press } from '../support/bridge';
import { extensionApi } from '../support/extension';
import { useLocalAws, type TestAws } from '../support/localAws';
import { waitFor } from '../support/waitFor';

/** A link VS Code's notifications turn into a button-like anchor that runs a command. */
const commandLink = '[Show Problems](command:workbench.action.files.newUntitledFile)';

/** Every anchor in the notification toasts and center, as href/data-href and text. */
const notificationLinks = `(() => {
    const roots = document.querySelectorAll('.notification-toast, .notifications-center');
    return [...roots].flatMap((root) => [...root.querySelectorAll('a')]).map((a) =>
        (a.getAttribute('href') ?? a.getAttribute('data-href') ?? '') + ' | ' + a.textContent);
})()`;

const notificationText = `[...document.querySelectorAll('.notification-toast')]
    .map((e) => e.innerText).join('\\n')`;

function untitledCount(): number {
    return vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'untitled').length;
}

async function links(): Promise<string[]> {
    return (await evaluateInWorkbench(notificationLinks)) as string[];
}

describe('breaker: hostile text in notifications and quick picks', function () {
    this.timeout(120_000);
    let local: TestAws;
    let service: BedrockService;
    let explorer: ExplorerTesting;
    let work: string;

    before(async function () {
        if (!hasBridge()) {
            this.skip();
        }
        local = await useLocalAws();
        service = await prepareBedrock(local.aws);
        explorer = (await extensionApi()).testing.explorer;
        work = mkdtempSync(join(tmpdir(), 'bb-breaker-'));
    });

    after(async () => {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await local?.dispose();
        if (work !== undefined) {
            rmSync(work, { recursive: true, force: true });
        }
    });

    beforeEach(async () => {
        await vscode.commands.executeCommand('notifications.clearAll');
    });

    it('a .jsonl file name cannot put a command link into the Check notification', async () => {
        // A legal Linux file name; a cloned repository can hold one.
        const path = join(work, `tickets ${commandLink}.jsonl`);
        writeFileSync(path, '{"recordId":"a","modelInput":{}}\n');
        const before = untitledCount();
        await vscode.commands.executeCommand('bedrockBatch.checkFile', vscode.Uri.file(path));
        const text = await waitFor(
            async () => String(await evaluateInWorkbench(notificationText)),
            (seen) => seen.includes('tickets'),
            'the check notification',
        );
        const anchors = await links();
        const commandAnchors = anchors.filter((a) => a.startsWith('command:'));
        if (commandAnchors.length > 0) {
            // Show that the anchor really runs the command a file name chose.
            await evaluateInWorkbench(`(() => {
                const a = [...document.querySelectorAll('.notification-toast a')]
                    .find((e) => (e.getAttribute('href') ?? '').startsWith('command:'));
                a?.click();
                return true;
            })()`);
            await new Promise((resolve) => setTimeout(resolve, 1500));
        }
        assert.deepEqual(
            commandAnchors,
            [],
            `the file name became a clickable command link; toast: ${text}; ` +
                `untitled editors ${before} -> ${untitledCount()}`,
        );
        // Shown as typed: the only change is an invisible zero-width space between `]` and `(`,
        // which is what keeps VS Code from reading a link there (it has no escape syntax).
        assert.ok(
            text.replace(/\u200b/g, '').includes(commandLink),
            `the name is not shown as typed: ${text}`,
        );
    });

    it('a service error message cannot put a command link into an error notification', async () => {
        const arn = await seedJob(local.aws, service, {
            region: local.aws.region,
            name: 'link-in-error',
            modelId: haiku,
            status: 'InProgress',
        });
        await explorer.refresh();
        const node = await explorer.findJob(local.aws.region, arn);
        assert.ok(node, 'the job has a row');
        // Real validation messages echo request values (S3 URIs, names) back verbatim.
        local.aws.faults.add({
            kind: 'error',
            service: 'bedrock',
            operation: 'GetModelInvocationJob',
            count: 'untilCleared',
            error: {
                code: 'ValidationException',
                status: 400,
                message: `The input s3://bucket/${commandLink} is not valid.`,
            },
        });
        try {
            await vscode.commands.executeCommand('bedrockBatch.refreshJob', node);
            const text = await waitFor(
                async () => String(await evaluateInWorkbench(notificationText)),
                (seen) => seen.includes('is not valid'),
                'the error notification',
            );
            const commandAnchors = (await links()).filter((a) => a.startsWith('command:'));
            assert.deepEqual(
                commandAnchors,
                [],
                `the service's message became a clickable command link; toast: ${text}`,
            );
        } finally {
            local.aws.faults.clear();
        }
    });

    it('S3 keys listed in a quick pick show $(icon) syntax as typed', async () => {
        const arn = await seedJob(local.aws, service, {
            region: local.aws.region,
            name: 'icons-in-keys',
            modelId: haiku,
            status: 'Completed',
        });
        const jobId = arn.split('/').pop() ?? '';
        const hostileKey = `results/${jobId}/$(pass-filled) verified $(lock) report.out`;
        await local.aws.s3.putObject(outputBucket, hostileKey, '{}\n');
        await explorer.refresh();
        const node = await explorer.findJob(local.aws.region, arn);
        const opening = vscode.commands.executeCommand('bedrockBatch.openOutputLocation', node);
        try {
            const shown = await waitFor(
                async () =>
                    (await evaluateInWorkbench(`(() => {
                        const w = document.querySelector('.quick-input-widget');
                        return {
                            text: w?.innerText ?? '',
                            icons: [...(w?.querySelectorAll('.monaco-list-row .codicon') ?? [])]
                                .map((e) => e.className),
                        };
                    })()`)) as { text: string; icons: string[] },
                (seen) => seen.text.includes('report.out'),
                'the output objects in a quick pick',
            );
            const injected = shown.icons.filter((c) => /codicon-(pass-filled|lock)\b/.test(c));
            assert.deepEqual(
                injected,
                [],
                `an S3 key drew codicons in the quick pick: ${JSON.stringify(shown)}`,
            );
            assert.ok(
                shown.text.includes('$(pass-filled) verified $(lock) report.out'),
                `the key is not shown as typed: ${JSON.stringify(shown.text)}`,
            );
        } finally {
            await press('Escape');
            await opening;
        }
    });
});

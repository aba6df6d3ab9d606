// Breaker evidence: the Batch Metrics page's security policy, and messages forged inside its
// frame the way injected script would send them (acquireVsCodeApi is already taken by the
// page, so the frame's parent channel is used directly).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { evaluateInWebview, evaluateInWorkbench, hasBridge } from '../support/bridge';
import { extensionApi } from '../support/extension';
import { useLocalAws, type TestAws } from '../support/localAws';
import { waitFor } from '../support/waitFor';

const title = 'Batch Metrics';

async function inPanel<T>(source: string): Promise<T> {
    return (await evaluateInWebview(`(() => { ${source} })()`, title)) as T;
}

/**
 * Makes the page ask the host for a region through its own region picker, as script injected
 * into the page could (the content frame has no other way to the host: VS Code deletes
 * window.parent there and the page holds the only acquireVsCodeApi() handle).
 */
async function pickRegionInPage(region: string): Promise<void> {
    await inPanel<void>(`
        const picker = document.querySelector('#region');
        const option = document.createElement('vscode-option');
        option.setAttribute('value', ${JSON.stringify(region)});
        option.textContent = ${JSON.stringify(region)};
        picker.appendChild(option);
    `);
    await sleep(500);
    await inPanel<void>(`
        const picker = document.querySelector('#region');
        picker.value = ${JSON.stringify(region)};
        picker.dispatchEvent(new Event('change'));
    `);
}

function regionOptions(): Promise<string[]> {
    return inPanel<string[]>(`
        return [...document.querySelectorAll('#region vscode-option')]
            .map((option) => option.getAttribute('value'));
    `);
}

function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('breaker: Batch Metrics webview security', function () {
    this.timeout(120_000);
    let local: TestAws;

    before(async function () {
        if (!hasBridge()) {
            this.skip();
        }
        local = await useLocalAws();
        await extensionApi();
        await vscode.commands.executeCommand('bedrockBatch.openMetrics', {
            region: local.aws.region,
        });
        await waitFor(regionOptions, (options) => options.length > 0, 'the panel to load', 30_000);
    });

    after(async () => {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await local?.dispose();
    });

    it('has a nonce CSP with default-src none and no inline handlers', async () => {
        const page = await inPanel<{ csp: string; scripts: string[]; handlers: string[] }>(`
            const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
            const all = [...document.querySelectorAll('*')];
            return {
                csp: meta?.getAttribute('content') ?? '',
                scripts: [...document.scripts].map((s) =>
                    (s.nonce === '' ? 'NO NONCE ' : 'nonce ') + (s.src || s.textContent.slice(0, 80))),
                handlers: all.flatMap((e) => [...e.attributes]
                    .filter((a) => a.name.startsWith('on')).map((a) => e.tagName + ' ' + a.name)),
            };
        `);
        assert.match(page.csp, /default-src 'none'/);
        assert.match(page.csp, /script-src 'nonce-[A-Za-z0-9+/=]{16,}'/);
        assert.doesNotMatch(page.csp, /unsafe-inline|unsafe-eval/);
        const withoutNonce = page.scripts.filter((s) => s.startsWith('NO NONCE'));
        process.stdout.write(`    scripts in the page: ${JSON.stringify(page.scripts)}\n`);
        assert.ok(page.scripts.some((s) => s.startsWith('nonce ')), 'the bundle has the nonce');
        assert.ok(
            withoutNonce.every((s) => s.includes('acquireVsCodeApi')),
            `scripts without the nonce: ${JSON.stringify(withoutNonce)}`,
        );
        assert.deepEqual(page.handlers, []);
    });

    it('does not let the page pick a region the user never offered', async () => {
        const offered = await regionOptions();
        const since = local.aws.requests.list().at(-1)?.seq ?? 0;
        const forged = 'attacker-chosen-9';
        await pickRegionInPage(forged);
        await sleep(2000);
        const after = await regionOptions();
        const calls = local.aws.requests.list({ since, service: 'monitoring' });
        const shown = await inPanel<string>('return document.body.innerText;');
        process.stdout.write(`    panel after the forged region: ${JSON.stringify(shown.slice(0, 300))}\n`);
        assert.ok(
            !after.includes(forged),
            `the host adopted a region only the page named: offered ${JSON.stringify(offered)} ` +
                `-> ${JSON.stringify(after)}; ${calls.length} CloudWatch call(s) made since`,
        );
    });

    it('a region named by the page cannot put a command link into a notification', async () => {
        const forged = 'us-east-1 [Open](command:workbench.action.files.newUntitledFile)';
        await vscode.commands.executeCommand('notifications.clearAll');
        await pickRegionInPage(forged);
        await sleep(2000);
        await inPanel<void>(`
            document.querySelector('#dashboard')?.click();
        `);
        await sleep(3000);
        const links = (await evaluateInWorkbench(`(() => [...document.querySelectorAll(
            '.notification-toast a')].map((a) => (a.getAttribute('href') ?? '') + ' | ' +
            a.textContent))()`)) as string[];
        const toast = String(
            await evaluateInWorkbench(
                `[...document.querySelectorAll('.notification-toast')].map((e) => e.innerText)` +
                    `.join('\\n')`,
            ),
        );
        process.stdout.write(`    toasts: ${JSON.stringify(toast)}\n`);
        process.stdout.write(
            `    panel: ${JSON.stringify(await inPanel<string>('return document.body.innerText;'))}\n`,
        );
        assert.deepEqual(
            links.filter((l) => l.startsWith('command:')),
            [],
            `a forged region became a command link: ${toast}`,
        );
    });
});

// What a user with a broken credential setup sees: the SDK's own advice, with the action that
// fixes it. No network is involved: an expired IAM Identity Center (SSO) token is detected from
// the token cache before any call would leave the machine.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { TreeRow } from '../../src/testing/treeSnapshot';
import { evaluateInWorkbench, hasBridge } from './support/bridge';
import { extensionApi } from './support/extension';
import { useLocalAws, type TestAws } from './support/localAws';
import { waitFor } from './support/waitFor';

const profile = 'bb-expired-sso';
const startUrl = 'https://bb-test.awsapps.invalid/start';

const toastText = `[...document.querySelectorAll('.notification-toast')]
    .map((e) => e.innerText).join('\\n')`;

function messages(rows: readonly TreeRow[]): string[] {
    return rows.flatMap((row) => [row.label, ...messages(row.children)]);
}

/** A legacy SSO profile whose cached token expired yesterday. */
async function writeExpiredSsoProfile(): Promise<void> {
    const config = process.env['AWS_CONFIG_FILE'];
    assert.ok(config !== undefined, 'useLocalAws points AWS_CONFIG_FILE at a temp file');
    await appendFile(
        config,
        `\n[profile ${profile}]\nsso_start_url = ${startUrl}\nsso_region = us-east-1\n` +
            'sso_account_id = 123456789012\nsso_role_name = BatchUser\nregion = us-east-1\n',
    );
    // The SDK looks for ~/.aws/sso/cache/<sha1 of the start URL>.json; HOME is the test's own.
    const cache = join(homedir(), '.aws', 'sso', 'cache');
    await mkdir(cache, { recursive: true });
    const name = createHash('sha1').update(startUrl).digest('hex');
    await writeFile(
        join(cache, `${name}.json`),
        JSON.stringify({
            startUrl,
            region: 'us-east-1',
            accessToken: 'expired-test-token',
            expiresAt: new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString(),
        }),
    );
}

describe('credentials: an expired SSO session', function () {
    this.timeout(60_000);
    let local: TestAws;

    before(async () => {
        // Endpoints and region from the local endpoint; the profile is then switched to SSO.
        local = await useLocalAws();
        await writeExpiredSsoProfile();
        await vscode.workspace.getConfiguration('bedrockBatch').update('profile', profile, true);
    });

    after(async () => {
        await vscode.commands.executeCommand('notifications.clearAll');
        await local.dispose();
    });

    it('says so in the Batch Jobs view with the login command for that profile', async () => {
        const { testing } = await extensionApi();
        await vscode.commands.executeCommand('bedrockBatch.refreshExplorer');
        const rows = await waitFor(
            async () => messages(await testing.jobsTree()),
            (labels) => labels.some((l) => l.startsWith('SSO session expired')),
            'the expired-session row',
        );
        assert.ok(
            rows.includes(
                `SSO session expired: run "aws sso login --profile ${profile}", then refresh`,
            ),
            rows.join(' | '),
        );
        // A listing started under the previous profile may have landed before the switch; from
        // now on nothing may reach the endpoint, since the SDK refuses before signing.
        const since = local.aws.requests.list().at(-1)?.seq ?? 0;
        await vscode.commands.executeCommand('bedrockBatch.refreshExplorer');
        await waitFor(
            async () => messages(await testing.jobsTree()),
            (labels) => labels.some((l) => l.startsWith('SSO session expired')),
            'the expired-session row after a second refresh',
        );
        const sent = local.aws.requests.list({ since }).filter((r) => r.service === 'bedrock');
        assert.deepEqual(sent, []);
    });

    it("shows the SDK's advice with a Copy Login Command button when a command fails", async function () {
        if (!hasBridge()) {
            this.skip();
        }
        await vscode.commands.executeCommand('notifications.clearAll');
        const job = {
            jobArn: 'arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/abcdefghijkl',
            jobName: 'any-job',
        };
        await vscode.commands.executeCommand('bedrockBatch.refreshJob', { region: 'us-east-1', job });
        const text = await waitFor(
            async () => String(await evaluateInWorkbench(toastText)),
            (seen) => seen.includes('SSO session'),
            'the error notification',
        );
        assert.match(text, /The SSO session associated with this profile has expired/);
        assert.match(text, /aws sso login/);
        assert.match(text, /Copy Login Command/);
    });
});

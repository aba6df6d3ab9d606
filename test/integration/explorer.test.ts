import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { jobContextValue } from '../../src/explorer/contextValues';
import type { ExplorerTesting } from '../../src/explorer/explorerTesting';
import { defaultFilter } from '../../src/explorer/jobFilter';
import { statusLabel } from '../../src/explorer/jobText';
import { escapeMarkdown } from '../../src/explorer/markdownText';
import { statusStyle } from '../../src/explorer/statusStyle';
import type { BedrockService } from '../../src/localAws/bedrock';
import type { TreeRow } from '../../src/testing/treeSnapshot';
import {
    haiku,
    modelForms,
    prepareBedrock,
    seedJob,
    seedStatuses,
    sonnet4,
} from '../support/jobSeeds';
import { evaluateInWorkbench, hasBridge, press, screenshot } from './support/bridge';
import { extensionApi } from './support/extension';
import { useLocalAws, type TestAws } from './support/localAws';
import { waitFor } from './support/waitFor';

const east = 'us-east-1';
const west = 'us-west-2';

/** Every row under the given rows, depth first. */
function allRows(rows: readonly TreeRow[]): TreeRow[] {
    return rows.flatMap((row) => [row, ...allRows(row.children)]);
}

function jobRows(rows: readonly TreeRow[]): TreeRow[] {
    return allRows(rows).filter(
        (row) => row.contextValue?.startsWith('bedrockBatch:job:') === true,
    );
}

function rowNamed(rows: readonly TreeRow[], label: string): TreeRow | undefined {
    return jobRows(rows).find((row) => row.label === label);
}

function regionRow(rows: readonly TreeRow[], region: string): TreeRow {
    const row = rows.find((r) => r.label === region);
    assert.ok(row, `no ${region} row in ${JSON.stringify(rows.map((r) => r.label))}`);
    return row;
}

function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('explorer: the Batch Jobs view against the local endpoint', function () {
    this.timeout(120_000);
    let local: TestAws;
    let service: BedrockService;
    let explorer: ExplorerTesting;
    let tree: () => Promise<TreeRow[]>;
    /** name -> [status, base model] of the jobs planted in us-east-1. */
    const planted = new Map<string, { status: string; baseId: string }>();

    before(async () => {
        local = await useLocalAws({ regions: [east, west] });
        await vscode.workspace
            .getConfiguration('bedrockBatch')
            .update('explorer.pollIntervalSeconds', 1, true);
        service = await prepareBedrock(local.aws);
        const forms = modelForms(east, local.aws.accountId);
        for (const [index, status] of seedStatuses.entries()) {
            const form = forms[index % forms.length] ?? { modelId: haiku, baseId: haiku };
            const name = `every-${status.toLowerCase()}`;
            await seedJob(local.aws, service, {
                region: east,
                name,
                modelId: form.modelId,
                status,
            });
            planted.set(name, { status, baseId: form.baseId });
        }
        const api = await extensionApi();
        explorer = api.testing.explorer;
        tree = () => api.testing.jobsTree();
        await explorer.setFilter(defaultFilter);
        await waitFor(
            tree,
            (rows) => rows.map((r) => r.label).join() === `${east},${west}`,
            'both regions',
        );
        await explorer.refresh();
    });

    after(async () => {
        await vscode.workspace
            .getConfiguration('bedrockBatch')
            .update('explorer.pollIntervalSeconds', undefined, true);
        await local.dispose();
    });

    it('shows the regions, models and jobs the endpoint holds, one job per status', async () => {
        const rows = await waitFor(
            tree,
            (r) => jobRows(r).length >= planted.size,
            'the planted jobs',
        );
        const eastRow = regionRow(rows, east);
        assert.deepEqual(
            eastRow.children.map((m) => m.label),
            [haiku, sonnet4],
            'every id form sits under its base model',
        );
        const endpointJobs = (await service.listAllJobs()).filter((job) =>
            job['jobArn']?.toString().includes(east),
        );
        assert.equal(endpointJobs.length, planted.size);
        for (const job of endpointJobs) {
            const name = String(job['jobName']);
            const status = String(job['status']);
            const expected = planted.get(name);
            assert.equal(status, expected?.status, `the endpoint moved ${name}`);
            const model = eastRow.children.find((m) => m.label === expected?.baseId);
            const row = model?.children.find((r) => r.label === name);
            assert.ok(row, `${name} is not under ${expected?.baseId}`);
            assert.equal(row.icon, statusStyle(status).icon, name);
            assert.equal(row.iconColor, statusStyle(status).color, name);
            assert.ok(
                row.description?.startsWith(statusLabel(status)),
                `${name}: ${row.description}`,
            );
            assert.equal(
                row.contextValue,
                jobContextValue({ status } as ModelInvocationJobSummary),
            );
            assert.ok(
                row.tooltip?.includes(escapeMarkdown(String(job['jobArn']))),
                'the hover has the ARN',
            );
        }
        assert.equal(eastRow.description, '10 jobs, 5 active');
        const icons = new Set(jobRows(eastRow.children).map((row) => row.icon));
        assert.equal(icons.size, 10, 'ten statuses, ten icons');

        const westRow = regionRow(rows, west);
        assert.equal(westRow.children.length, 1);
        assert.match(
            westRow.children[0]?.label ?? '',
            /^No batch jobs yet \(last 30 days\): submit a \.jsonl file/,
        );
        assert.equal(westRow.children[0]?.command, 'bedrockBatch.submitJob');
    });

    it('reveals a job in the hidden view with every row where it belongs', async function () {
        if (!hasBridge()) {
            this.skip();
        }
        await vscode.commands.executeCommand('workbench.view.explorer');
        const last = [...planted.keys()].at(-1) ?? '';
        const arn = (await service.listAllJobs()).find((job) => job['jobName'] === last)?.[
            'jobArn'
        ];
        assert.equal(await explorer.revealJob(east, String(arn)), true);
        const expected = flatten(await tree());
        const rendered = await waitFor(
            async () => (await evaluateInWorkbench(renderedRows)) as string[],
            (rows) => rows.length === expected.length,
            'the whole tree drawn',
        );
        assert.deepEqual(rendered, expected);
    });

    it('counts the active jobs in the status bar and on the view', async () => {
        await waitFor(
            () => explorer.badge(),
            (badge) => badge !== undefined && badge >= 5,
            'a badge',
        );
        assert.match(explorer.runningText(), /^\$\(sync~spin\) \d+ batch jobs$/);
        if (hasBridge()) {
            const text = await waitFor(
                async () =>
                    String(
                        await evaluateInWorkbench(
                            `document.querySelector('.part.statusbar')?.innerText ?? ''`,
                        ),
                    ),
                (seen) => /\d+ batch jobs/.test(seen),
                'the running jobs in the status bar',
            );
            assert.match(text, /\d+ batch jobs/);
        }
    });

    it('moves a job from InProgress to Completed in place by polling, and notifies', async () => {
        const arn = await seedJob(local.aws, service, {
            region: east,
            name: 'live-job',
            modelId: haiku,
            status: 'InProgress',
        });
        await explorer.refresh();
        await waitFor(() => explorer.isPolling(arn), Boolean, 'live-job to be polled');
        const since = lastSeq(local);
        await service.forceStatus(arn, 'Completed');
        const rows = await waitFor(
            tree,
            (r) => rowNamed(r, 'live-job')?.description?.startsWith('Completed') === true,
            'live-job to show Completed',
        );
        assert.equal(rowNamed(rows, 'live-job')?.icon, 'pass-filled');
        const operations = local.aws.requests
            .list({ since, service: 'bedrock' })
            .map((r) => r.operation);
        assert.ok(operations.includes('GetModelInvocationJob'), 'the change came from a poll');
        assert.ok(!operations.includes('ListModelInvocationJobs'), 'and not from listing again');
        const notices = explorer.notices().filter((n) => n.jobArn === arn);
        assert.deepEqual(
            notices.map((n) => [n.severity, n.message, n.actions]),
            [
                [
                    'info',
                    'Batch job "live-job" completed: 1 record.',
                    ['Download Results', 'Show Metrics', 'Show Job'],
                ],
            ],
        );
        assert.equal(explorer.isPolling(arn), false);
        if (hasBridge()) {
            const toasts = await waitFor(
                async () => String(await evaluateInWorkbench(toastText)),
                (text) => text.includes('Batch job "live-job" completed'),
                'the notification',
            );
            assert.match(toasts, /Download Results/);
        }
    });

    it('polls a steady job without redrawing its row, so its hover stays open', async () => {
        const arn = await seedJob(local.aws, service, {
            region: east,
            name: 'steady-job',
            modelId: haiku,
            status: 'Scheduled',
        });
        const jobId = arn.slice(-12);
        const polls = (since: number): number =>
            local.aws.requests
                .list({ since, service: 'bedrock' })
                .filter((r) => r.operation === 'GetModelInvocationJob' && r.path.includes(jobId))
                .length;
        await explorer.refresh();
        await waitFor(() => explorer.isPolling(arn), Boolean, 'steady-job to be polled');
        // The first answer may carry more than the listing did; count from after it.
        await waitFor(() => polls(0), (n) => n >= 1, 'a first poll');
        const since = lastSeq(local);
        const redrawsBefore = explorer.redraws().length;
        const before = rowNamed(await tree(), 'steady-job')?.description;
        await waitFor(() => polls(since), (n) => n >= 3, 'three more polls', 30_000);
        const after = rowNamed(await tree(), 'steady-job')?.description;
        const rowRedraws = explorer
            .redraws()
            .slice(redrawsBefore)
            .filter((id) => id === `job:${arn}`);
        // Only the elapsed minutes can move, and at most once in these few seconds.
        assert.equal(rowRedraws.length, before === after ? 0 : 1, `${before} -> ${after}`);
        assert.match(before ?? '', /^Scheduled · 0\/1 record \(0%\)/);

        const moved = explorer.redraws().length;
        await service.forceStatus(arn, 'InProgress');
        await waitFor(
            tree,
            (r) => rowNamed(r, 'steady-job')?.description?.startsWith('In progress') === true,
            'steady-job to show In progress',
        );
        assert.ok(explorer.redraws().slice(moved).includes(`region:${east}`), 'region redrawn');
        await service.forceStatus(arn, 'Completed');
        await waitFor(() => explorer.isPolling(arn), (p) => !p, 'steady-job to end');
    });

    it('stops a job when confirmed: Stopping at once, then Stopped and no more polls', async () => {
        const arn = await seedJob(local.aws, service, {
            region: east,
            name: 'stop-me',
            modelId: haiku,
            status: 'InProgress',
        });
        await explorer.refresh();
        const node = await explorer.findJob(east, arn);
        assert.ok(node, 'stop-me has a row');
        explorer.answerConfirmations(false);
        await vscode.commands.executeCommand('bedrockBatch.stopJob', node);
        assert.equal(
            (await service.describeJob(arn))['status'],
            'InProgress',
            'declined: still running',
        );
        explorer.answerConfirmations(true);
        try {
            await vscode.commands.executeCommand('bedrockBatch.stopJob', node);
        } finally {
            explorer.answerConfirmations(undefined);
        }
        assert.deepEqual(explorer.confirmations().slice(-2), [
            'Stop batch job "stop-me"?',
            'Stop batch job "stop-me"?',
        ]);
        const right = rowNamed(await tree(), 'stop-me');
        assert.ok(
            right?.description?.startsWith('Stopping'),
            `right after Stop: ${right?.description}`,
        );
        assert.equal((await service.describeJob(arn))['status'], 'Stopping');

        local.aws.clock.advance(60_000);
        await waitFor(
            tree,
            (r) => rowNamed(r, 'stop-me')?.description?.startsWith('Stopped') === true,
            'stop-me to show Stopped',
        );
        assert.equal(explorer.isPolling(arn), false);
        const notices = explorer.notices().filter((n) => n.jobArn === arn);
        assert.equal(notices.length, 1);
        assert.match(notices[0]?.message ?? '', /^Batch job "stop-me" stopped/);
        const after = lastSeq(local);
        await sleep(3_000);
        const jobId = arn.slice(-12);
        const polls = local.aws.requests
            .list({ since: after, service: 'bedrock', operation: 'GetModelInvocationJob' })
            .filter((r) => r.path.includes(jobId));
        assert.deepEqual(polls, [], 'a stopped job is not polled');
    });

    it('copies the ARN and id, and lists the input location of a local endpoint', async () => {
        const arn = await seedJob(local.aws, service, {
            region: east,
            name: 'copy-me',
            modelId: haiku,
            status: 'Completed',
        });
        await explorer.refresh();
        const node = await explorer.findJob(east, arn);
        await vscode.commands.executeCommand('bedrockBatch.copyJobArn', node);
        assert.equal(await vscode.env.clipboard.readText(), arn);
        await vscode.commands.executeCommand('bedrockBatch.copyJobId', node);
        assert.equal(await vscode.env.clipboard.readText(), arn.slice(-12));
        if (hasBridge()) {
            // S3 is the local endpoint, which has no console: the objects are listed instead.
            const opening = vscode.commands.executeCommand('bedrockBatch.openInputLocation', node);
            const text = await waitFor(
                async () => String(await evaluateInWorkbench(quickInputText)),
                // A hidden widget still holds the text of the last quick pick: wait for this one.
                (seen) => seen.includes('s3://bb-explorer-in/'),
                'the input objects in a quick pick',
            );
            assert.match(text, /s3:\/\/bb-explorer-in\/requests\/records\.jsonl/);
            await press('Escape');
            await opening;
        }
    });

    it('names the missing permission when listing is denied', async () => {
        const message =
            'User: arn:aws:iam::123456789012:user/tester is not authorized to perform: ' +
            'bedrock:ListModelInvocationJobs because no identity-based policy allows the action';
        const fault = local.aws.faults.add({
            kind: 'error',
            service: 'bedrock',
            operation: 'ListModelInvocationJobs',
            count: 'untilCleared',
            error: { code: 'AccessDeniedException', status: 403, message },
        });
        try {
            await explorer.refresh();
            const rows = await tree();
            const [first, ...rest] = regionRow(rows, east).children;
            assert.equal(first?.label, 'Access denied: needs bedrock:ListModelInvocationJobs');
            assert.equal(first?.icon, 'lock');
            assert.equal(first?.tooltip, message);
            assert.deepEqual(rest, [], 'no stale jobs under a denied region');
        } finally {
            local.aws.faults.remove(fault);
        }
        await explorer.refresh();
        assert.ok(jobRows(regionRow(await tree(), east).children).length >= planted.size);
    });

    it('says it is throttled, retries on its own with backoff, and recovers', async () => {
        const since = lastSeq(local);
        // Five attempts per listing (the SDK's retries); only this region, so a listing of the
        // other region cannot use up the faults meant for this one.
        local.aws.faults.add({
            kind: 'throttle',
            service: 'bedrock',
            operation: 'ListModelInvocationJobs',
            region: east,
            count: 5,
        });
        await explorer.refresh();
        const throttled = regionRow(await tree(), east).children[0];
        assert.match(throttled?.label ?? '', /^Throttled by AWS: retrying in \ds$/);
        assert.ok(
            jobRows(regionRow(await tree(), east).children).length >= planted.size,
            'the jobs listed before stay while throttled',
        );
        await waitFor(
            tree,
            (rows) =>
                !regionRow(rows, east).children.some((row) => row.label.startsWith('Throttled')),
            'the automatic retry',
            30_000,
        );
        const lists = local.aws.requests.list({
            since,
            service: 'bedrock',
            operation: 'ListModelInvocationJobs',
        });
        assert.equal(lists.filter((r) => r.fault !== undefined).length, 5);
        assert.ok(
            lists.some((r) => r.fault === undefined && r.status === 200),
            'a later listing succeeded',
        );
    });

    it('shows a job name and failure message full of markup as plain text', async () => {
        const name = '<b>**bold**</b> [x](command:workbench.action.quit) `c` \u0007 &amp; $(alert)';
        const message =
            `Role <i>denied</i>\n# not a heading\n[click](command:evil) ${'z'.repeat(1500)} ` +
            '\u001b[31m';
        const arn = await seedJob(local.aws, service, {
            region: east,
            name: 'hostile',
            modelId: haiku,
            status: 'Failed',
            message,
        });
        // The service refuses such names; rename the stored job as a misbehaving endpoint might.
        const stored = service.state.allJobs().find((job) => job.jobArn === arn) as unknown as {
            request: Record<string, unknown>;
        };
        stored.request = { ...stored.request, jobName: name };
        await explorer.refresh();
        const row = rowNamed(await tree(), name);
        assert.ok(row, 'the row label is the raw name');
        const tooltip = row.tooltip ?? '';
        assert.ok(tooltip.startsWith(`**${escapeMarkdown(name)}**`), tooltip.slice(0, 120));
        assert.ok(tooltip.includes(escapeMarkdown(message)), 'the whole message, escaped');
        // Markup survives only escaped (a backslash before it), control characters not at all.
        assert.doesNotMatch(tooltip, /(^|[^\\])(<(b|i|img)|\[x\]|\]\(command|`c`)/);
        assert.ok(
            !tooltip.includes('\u0007') && !tooltip.includes('\u001b'),
            'no raw control characters',
        );
        if (hasBridge()) {
            assert.equal(await explorer.revealJob(east, arn), true);
            const labels = await waitFor(
                async () => (await evaluateInWorkbench(rowLabels)) as string[],
                (seen) => seen.includes(name),
                'the hostile row rendered',
            );
            assert.ok(labels.includes(name), 'the rendered row text equals the raw name');
            await screenshot('explorer-hostile-job');
        }
    });

    it('reveals a job by ARN and tracks one in a region not shown yet', async () => {
        const quiet = await seedJob(local.aws, service, {
            region: east,
            name: 'reveal-me',
            modelId: haiku,
            status: 'Completed',
        });
        assert.equal(await explorer.revealJob(east, quiet), true);
        await waitFor(
            () => explorer.selectedJobArn(),
            (selected) => selected === quiet,
            'reveal-me selected',
        );

        const elsewhere = 'eu-west-1';
        const arn = await seedJob(local.aws, service, {
            region: elsewhere,
            name: 'tracked-job',
            modelId: `eu.${haiku}`,
            status: 'Scheduled',
        });
        await explorer.trackJob(elsewhere, arn);
        assert.equal(explorer.isPolling(arn), true);
        const rows = await tree();
        assert.match(regionRow(rows, elsewhere).description ?? '', /not in settings/);
        assert.ok(rowNamed(rows, 'tracked-job')?.description?.startsWith('Scheduled'));
        await service.forceStatus(arn, 'Failed', 'The input file is not valid JSON Lines.');
        await waitFor(
            () => explorer.notices().filter((n) => n.jobArn === arn),
            (found) => found.length === 1,
            'the failure notification',
        );
        const [notice] = explorer.notices().filter((n) => n.jobArn === arn);
        assert.equal(notice?.severity, 'error');
        assert.equal(
            notice?.message,
            'Batch job "tracked-job" failed: The input file is not valid JSON Lines.',
        );
    });

    it('asks for a profile when there are no credentials', async () => {
        const config = vscode.workspace.getConfiguration('bedrockBatch');
        await config.update('profile', 'bb-explorer-no-such-profile', true);
        try {
            const rows = await waitFor(
                tree,
                (r) =>
                    regionRow(r, east).children[0]?.label ===
                    'No usable AWS credentials: configure a profile',
                'the credentials row',
            );
            assert.equal(
                regionRow(rows, east).children[0]?.command,
                'bedrockBatch.configureProfile',
            );
        } finally {
            await config.update('profile', local.profile, true);
        }
    });
});

/** "level label" of every row, as the view draws a tree whose nodes are all expanded. */
function flatten(rows: readonly TreeRow[], level = 1): string[] {
    return rows.flatMap((row) => [`${level} ${row.label}`, ...flatten(row.children, level + 1)]);
}

/** "level label" of every row drawn in the Batch Jobs view. */
const renderedRows = `(() => {
    const pane = [...document.querySelectorAll('.pane')].find((p) =>
        (p.querySelector('.pane-header')?.textContent ?? '').toUpperCase().includes('BATCH JOBS'));
    return [...(pane ?? document).querySelectorAll('.monaco-list-row')].map((row) =>
        \`\${row.getAttribute('aria-level')} \${row.querySelector('.label-name')?.textContent}\`);
})()`;

function lastSeq(local: TestAws): number {
    return local.aws.requests.list().at(-1)?.seq ?? 0;
}

const quickInputText = `document.querySelector('.quick-input-widget')?.innerText ?? ''`;

const toastText = `[...document.querySelectorAll('.notification-toast')]
    .map((e) => e.innerText).join('\\n')`;

/** Text of every rendered row label in the Batch Jobs view. */
const rowLabels = `(() => {
    const pane = [...document.querySelectorAll('.pane')].find((p) =>
        (p.querySelector('.pane-header')?.textContent ?? '').toUpperCase().includes('BATCH JOBS'));
    const labels = (pane ?? document).querySelectorAll('.monaco-list-row .label-name');
    return [...labels].map((e) => e.textContent);
})()`;

// The newcomer's loop, unattended, on the sandbox `npm start` runs: the sample workspace, the
// checker, submitting through the wizard, the job in Batch Jobs, live metrics, an alarm and the
// results view. Each step drives the real commands, checks what the page shows through the
// bridge, and saves a screenshot named after the step into the artifacts folder.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { SandboxInfo } from '../../src/sandbox/sandboxInfo';
import type { SubmitOutcome } from '../../src/submit/submitFlow';
import type { TestingApi } from '../../src/testing/api';
import type { TreeRow } from '../../src/testing/treeSnapshot';
import {
    evaluateInWebview,
    evaluateInWorkbench,
    hasBridge,
    press,
    screenshot,
} from '../integration/support/bridge';
import { extensionApi } from '../integration/support/extension';
import { waitFor } from '../integration/support/waitFor';

const claudeFile = 'claude-literary-questions.jsonl';
const claudeModel = 'anthropic.claude-3-haiku-20240307-v1:0';
const jobName = 'sandbox-tour-literary-questions';
const metricsTitle = 'Batch Metrics';
const minute = 60_000;

interface ChartReading {
    metric: string;
    datasets: { kind: string; label: string; points: [number, number][] }[];
}

function workspaceFile(name: string): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the tour needs the sample workspace open');
    return vscode.Uri.joinPath(folder.uri, name);
}

function allRows(rows: readonly TreeRow[]): TreeRow[] {
    return rows.flatMap((row) => [row, ...allRows(row.children)]);
}

async function jobRow(api: TestingApi): Promise<TreeRow | undefined> {
    return allRows(await api.jobsTree()).find((row) => row.label === jobName);
}

function charts(): Promise<ChartReading[]> {
    return evaluateInWebview(
        '(() => globalThis.bedrockBatchMetrics?.charts() ?? [])()',
        metricsTitle,
    ) as Promise<ChartReading[]>;
}

/**
 * Datapoints drawn, zeros included: at a faster --speed a job can do all its work within one
 * minute, whose values all arrive in one refresh; the minutes around it still add points.
 */
function datapoints(readings: readonly ChartReading[]): number {
    return readings
        .flatMap((reading) => reading.datasets)
        .filter((dataset) => dataset.kind === 'series')
        .reduce((sum, dataset) => sum + dataset.points.length, 0);
}

/** The text of every status bar entry, as the page shows it. */
function statusBarTexts(): Promise<string[]> {
    return evaluateInWorkbench(`[...document.querySelectorAll('.statusbar-item')]
        .map((item) => item.textContent.trim())
        .filter((text) => text !== '')`) as Promise<string[]>;
}

/** Visible text of the workbench part matching a selector ('' when absent). */
async function visibleText(selector: string): Promise<string> {
    const text = await evaluateInWorkbench(`(() => {
        const element = document.querySelector(${JSON.stringify(selector)});
        return element !== null && element.offsetParent !== null ? element.innerText : '';
    })()`);
    return typeof text === 'string' ? text : '';
}

async function sideBarWidth(): Promise<number> {
    const width = await evaluateInWorkbench(
        'document.querySelector(".part.sidebar")?.getBoundingClientRect().width ?? 0');
    return typeof width === 'number' ? width : 0;
}

/**
 * Room for the job rows' status and record counts next to their names. Which of the two resize
 * commands grows the side bar depends on the part VS Code takes as current, so the width is
 * measured after each step.
 */
async function widenSideBar(target = 540): Promise<void> {
    await vscode.commands.executeCommand('workbench.action.focusSideBar');
    let command = 'workbench.action.decreaseViewWidth';
    for (let step = 0; step < 12; step++) {
        const before = await sideBarWidth();
        if (before >= target) {
            return;
        }
        await vscode.commands.executeCommand(command);
        await new Promise((resolve) => setTimeout(resolve, 100));
        if (await sideBarWidth() < before) {
            command = 'workbench.action.increaseViewWidth';
        }
    }
}

/** Notifications would cover the part a screenshot is about. */
async function shoot(name: string): Promise<void> {
    await vscode.commands.executeCommand('notifications.clearAll');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await screenshot(name);
}

describe('Sandbox tour', function () {
    this.timeout(60_000);
    let api: TestingApi;
    let info: SandboxInfo;
    let submitted: { jobArn: string; submittedAt: Date } | undefined;

    before(async function () {
        if (!hasBridge()) {
            this.skip();
        }
        api = (await extensionApi()).testing;
        const config = vscode.workspace.getConfiguration('bedrockBatch');
        await config.update('explorer.pollIntervalSeconds', 3, vscode.ConfigurationTarget.Global);
        await config.update('metrics.refreshIntervalSeconds', 10,
            vscode.ConfigurationTarget.Global);
    });

    it('opens the sample workspace on the sandbox', async () => {
        assert.equal(api.sandbox.state, 'attached');
        const attached = api.sandbox.info;
        assert.ok(attached, 'the extension is not attached to the sandbox npm start runs');
        info = attached;
        await vscode.commands.executeCommand('workbench.view.explorer');
        await vscode.window.showTextDocument(workspaceFile('README.md'), { preview: false });
        const texts = await waitFor(statusBarTexts,
            (shown) => shown.some((text) => text.includes('Bedrock Batch Sandbox')),
            'the sandbox item in the status bar');
        assert.ok(texts.length > 0);
        const explorer = await waitFor(() => visibleText('.explorer-folders-view'),
            (text) => text.includes(claudeFile) && text.includes('mistakes.jsonl'),
            'the sample files in the Explorer');
        assert.ok(explorer.includes('README.md'));
        await shoot('01-sample-workspace');
    });

    it('shows the typical mistakes in mistakes.jsonl', async () => {
        const uri = workspaceFile('mistakes.jsonl');
        await vscode.window.showTextDocument(uri);
        const diagnostics = await waitFor(
            () => vscode.languages.getDiagnostics(uri),
            (found) => found.filter((d) => d.severity === vscode.DiagnosticSeverity.Error)
                .length >= 5,
            'the checker\'s errors on mistakes.jsonl',
        );
        assert.deepEqual(
            diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error)
                .map((d) => d.range.start.line + 1),
            [3, 5, 7, 9, 11],
        );
        await vscode.commands.executeCommand('workbench.actions.view.problems');
        await waitFor(() => visibleText('.markers-panel'),
            (text) => text.includes('anthropic_version'), 'the Problems panel');
        await shoot('02-checker-diagnostics');
        await vscode.commands.executeCommand('workbench.action.closePanel');
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('submits the Claude sample through the wizard\'s confirmation', async function () {
        this.timeout(120_000);
        const uri = workspaceFile(claudeFile);
        await vscode.window.showTextDocument(uri);
        const submit = 'bedrockBatch.submitJob';
        const outcome = vscode.commands.executeCommand<SubmitOutcome>(submit, uri, [uri], {
            region: info.region,
            modelId: claudeModel,
            invocationType: 'InvokeModel',
            bucket: info.bucket,
            prefix: 'tour/input',
            outputPrefix: 'tour/output',
            roleArn: info.roleArn,
            jobName,
        });
        const step = await waitFor(() => api.submit.wizardStep(),
            (shown) => shown?.title.startsWith('Submit') === true, 'the confirmation step', 60_000);
        assert.match(step?.items.join('\n') ?? '', /Records: 300 records/);
        const picker = await waitFor(() => visibleText('.quick-input-widget'),
            (text) => text.includes('Records: 300 records') && text.includes(info.bucket),
            'the confirmation with its estimates on screen');
        assert.match(picker, /Role: .*BedrockBatchServiceRole/);
        await shoot('03-submit-confirm');
        await press('Enter');
        const result = await outcome;
        assert.equal(result?.status, 'started', JSON.stringify(result));
        const [job] = result.status === 'started' ? result.jobs : [];
        assert.ok(job);
        submitted = { jobArn: job.jobArn, submittedAt: job.submittedAt };
    });

    it('shows the running job in Batch Jobs, labelled as the sandbox', async function () {
        this.timeout(120_000);
        assert.ok(submitted, 'nothing was submitted');
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.commands.executeCommand('bedrockBatch.jobs.focus');
        await widenSideBar();
        const region = (await api.jobsTree()).find((row) => row.label === info.region);
        assert.match(region?.description ?? '', /sandbox/);
        const row = await waitFor(() => jobRow(api),
            (found) => /records/.test(found?.description ?? ''), 'the job processing records',
            100_000);
        assert.match(row?.description ?? '', /In progress|records/);
        await waitFor(() => visibleText('.tree-explorer-viewlet-tree-view'),
            (text) => text.includes(jobName), 'the job row on screen');
        await shoot('04-job-running');
    });

    it('opens the metrics panel while the job runs, and its charts move', async function () {
        this.timeout(180_000);
        assert.ok(submitted, 'nothing was submitted');
        await vscode.commands.executeCommand('bedrockBatch.openMetrics', {
            region: info.region,
            modelId: claudeModel,
            jobArn: submitted.jobArn,
            from: submitted.submittedAt,
        });
        const first = datapoints(await waitFor(charts, (readings) => datapoints(readings) > 0,
            'the first datapoints', 150_000));
        const later = datapoints(await waitFor(charts, (readings) => datapoints(readings) > first,
            'a later refresh with more datapoints', 150_000));
        assert.ok(later > first);
    });

    it('shows the job completed in Batch Jobs within a couple of minutes', async function () {
        this.timeout(240_000);
        assert.ok(submitted, 'nothing was submitted');
        const row = await waitFor(() => jobRow(api),
            (found) => (found?.description ?? '').startsWith('Completed'),
            'the job to complete', 220_000);
        assert.match(row?.description ?? '', /300\/300 records/);
        assert.equal(row?.icon !== undefined, true);
        assert.ok(await api.explorer.revealJob(info.region, submitted.jobArn));
        await waitFor(() => visibleText('.tree-explorer-viewlet-tree-view'),
            (text) => text.includes('Completed'), 'Completed on screen');
        await shoot('05-explorer-completed');
    });

    it('shows the finished job\'s metrics with data', async function () {
        // The minute the job ended in, and the backlog's closing 0 at the next minute's start,
        // are published when that minute is over: up to a minute after the job ended, plus a
        // refresh of the panel.
        this.timeout(150_000);
        assert.ok(submitted, 'nothing was submitted');
        await vscode.commands.executeCommand('bedrockBatch.openMetrics', {
            region: info.region,
            modelId: claudeModel,
            jobArn: submitted.jobArn,
            from: new Date(submitted.submittedAt.getTime() - 2 * minute),
        });
        // The panel listed the region's models before the job's first datapoint: list them again.
        await evaluateInWebview('(() => document.querySelector("#refresh").click())()',
            metricsTitle);
        await waitFor(() => evaluateInWebview(
            '(() => document.querySelector("#models-note")?.textContent ?? "")()', metricsTitle),
        (note) => typeof note === 'string' && !note.includes('lists no batch metrics'),
        'the model listed by CloudWatch');
        // At a faster --speed the whole run can fit in one minute: one minute of input tokens
        // is what every pace gives; the backlog drawn down to 0 is what a finished job shows.
        const series = (found: readonly ChartReading[], metric: string): [number, number][] =>
            found.find((r) => r.metric === metric)?.datasets.find((d) => d.kind === 'series')
                ?.points ?? [];
        const readings = await waitFor(charts, (found) => {
            const tokens = series(found, 'NumberOfInputTokensProcessedPerMinute');
            const pending = series(found, 'NumberOfRecordsPendingProcessing');
            return tokens.some(([, value]) => value > 0)
                && pending.some(([, value]) => value > 0) && pending.at(-1)?.[1] === 0;
        }, 'input tokens, and the records pending down to 0', 120_000);
        assert.ok(readings.length >= 3, `${readings.length} charts`);
        const pending = series(readings, 'NumberOfRecordsPendingProcessing');
        const ended = readings.find((r) => r.metric === 'NumberOfRecordsPendingProcessing')
            ?.datasets.find((d) => d.kind === 'ended')?.points ?? [];
        assert.ok(ended.length > 0, 'the chart marks the job\'s end');
        assert.ok(ended.every(([time]) => time <= (pending.at(-1)?.[0] ?? 0)),
            'the backlog reaches 0 at or after the job\'s end');
        await shoot('06-metrics-panel');
    });

    it('creates an alarm from the metrics panel', async () => {
        await evaluateInWebview(`(() => {
            document.querySelector('#tabs').selectedIndex = 2;
            const preset = document.querySelector('#preset');
            preset.value = 'highInputTokens';
            preset.dispatchEvent(new Event('change'));
            const topic = document.querySelector('#alarm-topic');
            const alerts = [...topic.querySelectorAll('vscode-option')]
                .map((option) => option.getAttribute('value') ?? '')
                .find((value) => value.endsWith(':batch-alerts'));
            if (alerts !== undefined) {
                topic.value = alerts;
                topic.dispatchEvent(new Event('change'));
            }
            document.querySelector('#create-alarm').click();
        })()`, metricsTitle);
        const name = `bedrock-batch high-input-tokens ${claudeModel}`;
        const state = await waitFor(() => evaluateInWebview(`(() => {
            const row = [...document.querySelectorAll('tr[data-alarm]')]
                .find((r) => r.getAttribute('data-alarm') === ${JSON.stringify(name)});
            return row?.querySelector('.state')?.textContent ?? '';
        })()`, metricsTitle), (text) => typeof text === 'string' && text !== '', 'the new alarm');
        assert.match(String(state), /^(OK|ALARM|INSUFFICIENT_DATA)$/);
        await shoot('07-alarm');
    });

    it('downloads the results and reads them next to their inputs', async function () {
        this.timeout(120_000);
        assert.ok(submitted, 'nothing was submitted');
        const folder = join(workspaceFile('results').fsPath, jobName);
        const download = await vscode.commands.executeCommand<{ folder: string; files: string[] }>(
            'bedrockBatch.downloadResults',
            { region: info.region, job: { jobArn: submitted.jobArn } },
            { folder, replace: true },
        );
        assert.ok(download, 'the download did not happen');
        const outputs = download.files.filter((file) => file.endsWith('.jsonl.out'));
        assert.equal(outputs.length, 1, download.files.join());
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.commands.executeCommand('bedrockBatch.openResults', vscode.Uri.file(folder),
            { inputFile: workspaceFile(claudeFile).fsPath });
        await api.results.ready(folder);
        const view = await waitFor(() => api.results.view(folder),
            (shown) => shown?.page !== undefined, 'the results page');
        const succeeded = view?.summary?.lines.find((line) => line.label === 'Succeeded');
        assert.match(succeeded?.value ?? '', /^300 /);
        const rows = await waitFor(() => evaluateInWebview(
            '(() => document.querySelectorAll("button[data-position]").length)()', 'Results'),
        (count) => typeof count === 'number' && count > 0, 'result rows on screen');
        assert.ok(Number(rows) > 0);
        await shoot('08-results');
    });
});

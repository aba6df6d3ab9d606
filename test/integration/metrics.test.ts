import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BedrockClient, CreateModelInvocationJobCommand } from '@aws-sdk/client-bedrock';
import {
    CloudWatchClient,
    GetDashboardCommand,
    GetMetricDataCommand,
    PutMetricDataCommand,
} from '@aws-sdk/client-cloudwatch';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import * as vscode from 'vscode';
import { CloudWatchService } from '../../src/localAws/cloudwatch';
import type { LoggedRequest } from '../../src/localAws';
import { evaluateInWebview, hasBridge, screenshot } from './support/bridge';
import { localClientConfig } from './support/clientConfig';
import { extensionApi } from './support/extension';
import { useLocalAws, type TestAws } from './support/localAws';
import { waitFor } from './support/waitFor';

const claude = 'anthropic.claude-3-haiku-20240307-v1:0';
const nova = 'amazon.nova-lite-v1:0';
const markup = 'evil.<img src=x onerror="window.pwned=1"><b>bold</b>';
const namespace = 'AWS/Bedrock/Batch';
const title = 'Batch Metrics';
const minute = 60_000;

interface Dataset {
    label: string;
    kind: string;
    color: string;
    points: [number, number][];
}

interface ChartReading {
    metric: string;
    datasets: Dataset[];
}

/** Runs a function's source inside the panel's page and returns its JSON result. */
async function inPanel<T>(source: string): Promise<T> {
    return (await evaluateInWebview(`(() => { ${source} })()`, title)) as T;
}

function charts(): Promise<ChartReading[]> {
    return inPanel<ChartReading[]>('return globalThis.bedrockBatchMetrics?.charts() ?? [];');
}

function seriesOf(readings: ChartReading[], metric: string, label: string): Dataset | undefined {
    return readings
        .find((r) => r.metric === metric)
        ?.datasets.find((d) => d.kind === 'series' && d.label === label);
}

function requestBody(request: LoggedRequest | undefined): Record<string, unknown> {
    return JSON.parse(request?.body ?? '{}') as Record<string, unknown>;
}

function modelsChosen(): Promise<string> {
    return inPanel<string>('return document.querySelector("#models-chosen")?.textContent ?? "";');
}

function modelsNote(): Promise<string> {
    return inPanel<string>('return document.querySelector("#models-note")?.textContent ?? "";');
}

function regionPicker(): Promise<{ value: string; options: string[] }> {
    return inPanel<{ value: string; options: string[] }>(`
        const picker = document.querySelector('#region');
        return {
            value: picker.value,
            options: [...picker.querySelectorAll('vscode-option')]
                .map((option) => option.getAttribute('value')),
        };
    `);
}

function floorMinute(time: number): number {
    return Math.floor(time / minute) * minute;
}

describe('Batch Metrics panel', function () {
    let local: TestAws;
    let cloudWatch: CloudWatchService;
    let topicArn: string;
    let jobArn: string;
    /** [time, value] of input tokens per minute seeded for the Claude model. */
    const seeded: [number, number][] = [];

    before(async function () {
        if (!hasBridge()) {
            this.skip();
        }
        local = await useLocalAws();
        const { aws } = local;
        const state = aws.state('cloudwatch');
        assert.ok(state instanceof CloudWatchService, 'the endpoint serves no CloudWatch');
        cloudWatch = state;
        const config = localClientConfig(aws);

        // AWS/ namespaces are AWS's own: PutMetricData refuses them (as CloudWatch does), so the
        // batch datapoints go in through the endpoint's library API, at real times of the last
        // half hour. The SDK call is made too, to show the refusal is the service's.
        const client = new CloudWatchClient(config);
        await assert.rejects(
            client.send(
                new PutMetricDataCommand({
                    Namespace: namespace,
                    MetricData: [{ MetricName: 'NumberOfRecordsPendingProcessing', Value: 1 }],
                }),
            ),
            /reserved for AWS services/,
        );
        client.destroy();
        const now = Math.floor(Date.now() / minute) * minute;
        const put = (
            metricName: string,
            modelId: string,
            timestampMs: number,
            value: number,
        ): void =>
            cloudWatch.putDatum({
                namespace,
                metricName,
                dimensions: [{ name: 'ModelId', value: modelId }],
                timestampMs,
                value,
            });
        for (let i = 30; i >= 1; i--) {
            const time = now - i * minute;
            seeded.push([time, 1000 * (31 - i)]);
            put('NumberOfInputTokensProcessedPerMinute', claude, time, 1000 * (31 - i));
            put('NumberOfOutputTokensProcessedPerMinute', claude, time, 10 * (31 - i));
            put('NumberOfRecordsPendingProcessing', claude, time, 100 + i);
            put('NumberOfTokensPendingProcessing', claude, time, 5000 + i);
            put('NumberOfRecordsPendingProcessing', nova, time, 7);
            put('NumberOfInputTokensProcessedPerMinute', nova, time, 42);
            put('NumberOfRecordsPendingProcessing', markup, time, 3);
        }

        const sns = new SNSClient(config);
        topicArn =
            (await sns.send(new CreateTopicCommand({ Name: 'batch-alerts' }))).TopicArn ?? '';
        sns.destroy();

        const s3 = new S3Client({ ...config, forcePathStyle: true });
        await s3.send(new CreateBucketCommand({ Bucket: 'metrics-input' }));
        const records = Array.from({ length: 120 }, (_, i) =>
            JSON.stringify({
                recordId: `R${String(i).padStart(9, '0')}`,
                modelInput: {
                    anthropic_version: 'bedrock-2023-05-31',
                    max_tokens: 16,
                    messages: [{ role: 'user', content: [{ type: 'text', text: `n ${i}` }] }],
                },
            }),
        ).join('\n');
        await s3.send(
            new PutObjectCommand({ Bucket: 'metrics-input', Key: 'in.jsonl', Body: records }),
        );
        s3.destroy();
        const bedrock = new BedrockClient(config);
        const created = await bedrock.send(
            new CreateModelInvocationJobCommand({
                jobName: 'metrics-job',
                modelId: claude,
                roleArn: `arn:aws:iam::${aws.accountId}:role/BedrockBatchServiceRole`,
                inputDataConfig: { s3InputDataConfig: { s3Uri: 's3://metrics-input/in.jsonl' } },
                outputDataConfig: { s3OutputDataConfig: { s3Uri: 's3://metrics-input/out/' } },
            }),
        );
        bedrock.destroy();
        jobArn = created.jobArn ?? '';
        await extensionApi();
    });

    after(async () => {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await local?.dispose();
    });

    it("draws the seeded series with their values, and the model's job as markers", async () => {
        const since = local.aws.requests.list().at(-1)?.seq ?? 0;
        await vscode.commands.executeCommand('bedrockBatch.openMetrics', {
            region: local.aws.region,
            modelId: claude,
            jobArn,
        });
        const readings = await waitFor(
            charts,
            (r) =>
                (seriesOf(r, 'NumberOfInputTokensProcessedPerMinute', claude)?.points.length ?? 0) >
                0,
            'the input token chart',
            30_000,
        );
        assert.deepEqual(
            readings.map((r) => r.metric),
            [
                'NumberOfRecordsPendingProcessing',
                'NumberOfInputTokensProcessedPerMinute',
                'NumberOfOutputTokensProcessedPerMinute',
                'NumberOfTokensPendingProcessing',
            ],
        );
        assert.deepEqual(
            seriesOf(readings, 'NumberOfInputTokensProcessedPerMinute', claude)?.points,
            seeded,
        );
        assert.deepEqual(
            seriesOf(readings, 'NumberOfRecordsPendingProcessing', claude)?.points.slice(0, 2),
            [
                [seeded[0]?.[0], 130],
                [seeded[1]?.[0], 129],
            ],
        );
        const markers = readings[1]?.datasets.filter((d) => d.kind !== 'series') ?? [];
        assert.deepEqual(
            markers.map((d) => [d.kind, d.label, d.points.length]),
            [['submitted', 'Job submitted (all jobs on this model)', 1]],
        );

        const table = await inPanel<string[][]>(`
            const rows = document.querySelectorAll(
                'table[data-metric="NumberOfInputTokensProcessedPerMinute"] tbody tr');
            return [...rows].map((row) =>
                [...row.querySelectorAll('td')].map((td) => td.textContent));
        `);
        assert.equal(table.length, 30);
        assert.deepEqual(table[29], ['30,000']);
        assert.deepEqual(table[0], ['1,000']);
        const header = await inPanel<string[]>(`
            const table = 'table[data-metric="NumberOfInputTokensProcessedPerMinute"]';
            return [...document.querySelectorAll(table + ' thead th')].map((th) => th.textContent);
        `);
        assert.deepEqual(header, ['Time', claude]);

        const calls = local.aws.requests.list({ since, operation: 'GetMetricData' });
        assert.equal(calls.length, 1, 'one GetMetricData call draws every chart');
        assert.ok(statSync(await screenshot('metrics-panel-3h')).size > 0);
        const queries = requestBody(calls[0])['MetricDataQueries'] as unknown[];
        assert.equal(queries.length, 4);
    });

    it("switches range with one GetMetricData call at the range's period", async () => {
        const since = local.aws.requests.list().at(-1)?.seq ?? 0;
        await inPanel<void>(`
            const range = document.querySelector('#range');
            range.value = '1d';
            range.dispatchEvent(new Event('change'));
        `);
        await waitFor(
            () => inPanel<string>('return document.querySelector("#status")?.textContent ?? "";'),
            (text) => text.includes('5 min period'),
            'the 1-day range',
        );
        const calls = local.aws.requests.list({ since, operation: 'GetMetricData' });
        assert.equal(calls.length, 1);
        const body = requestBody(calls[0]);
        const queries = body['MetricDataQueries'] as { MetricStat: { Period: number } }[];
        assert.deepEqual([...new Set(queries.map((q) => q.MetricStat.Period))], [300]);
        const span = Number(body['EndTime']) - Number(body['StartTime']);
        assert.ok(span >= 86_400 && span < 86_400 + 600, `window of ${span} s`);
        const readings = await charts();
        const points =
            seriesOf(readings, 'NumberOfInputTokensProcessedPerMinute', claude)?.points ?? [];
        const total = points.reduce((sum, [, value]) => sum + value, 0);
        assert.ok(points.length >= 6 && points.length <= 7, `${points.length} five-minute buckets`);
        assert.ok(total > 0);
    });

    it('creates the high input token alarm from its preset and shows its state', async () => {
        const since = local.aws.requests.list().at(-1)?.seq ?? 0;
        await inPanel<void>(`
            document.querySelector('#tabs').selectedIndex = 2;
            const preset = document.querySelector('#preset');
            preset.value = 'highInputTokens';
            preset.dispatchEvent(new Event('change'));
            const topic = document.querySelector('#alarm-topic');
            topic.value = ${JSON.stringify(topicArn)};
            topic.dispatchEvent(new Event('change'));
            document.querySelector('#create-alarm').click();
        `);
        const put = await waitFor(
            () => local.aws.requests.list({ since, operation: 'PutMetricAlarm' }),
            (calls) => calls.length > 0 && calls[0]?.status !== undefined,
            'PutMetricAlarm at the endpoint',
        );
        assert.equal(put[0]?.status, 200);
        const alarm = requestBody(put[0]);
        const name = `bedrock-batch high-input-tokens ${claude}`;
        assert.deepEqual(
            {
                AlarmName: alarm['AlarmName'],
                Namespace: alarm['Namespace'],
                MetricName: alarm['MetricName'],
                Dimensions: alarm['Dimensions'],
                Statistic: alarm['Statistic'],
                Period: alarm['Period'],
                EvaluationPeriods: alarm['EvaluationPeriods'],
                Threshold: alarm['Threshold'],
                ComparisonOperator: alarm['ComparisonOperator'],
                TreatMissingData: alarm['TreatMissingData'],
                AlarmActions: alarm['AlarmActions'],
            },
            {
                AlarmName: name,
                Namespace: namespace,
                MetricName: 'NumberOfInputTokensProcessedPerMinute',
                Dimensions: [{ Name: 'ModelId', Value: claude }],
                Statistic: 'Average',
                Period: 21_600,
                EvaluationPeriods: 1,
                Threshold: 1_000_000,
                ComparisonOperator: 'GreaterThanThreshold',
                TreatMissingData: 'notBreaching',
                AlarmActions: [topicArn],
            },
        );
        const stateOf = (): Promise<string> =>
            inPanel<string>(`
                const row = [...document.querySelectorAll('tr[data-alarm]')]
                    .find((r) => r.getAttribute('data-alarm') === ${JSON.stringify(name)});
                return row?.querySelector('.state')?.textContent ?? '';
            `);
        assert.equal(await waitFor(stateOf, (s) => s !== '', 'the alarm row'), 'INSUFFICIENT_DATA');

        // The last complete 6-hour bucket gets 2M tokens a minute; a minute later CloudWatch
        // has evaluated it, and the panel's refresh shows what the endpoint reports.
        const sixHours = 6 * 3_600_000;
        const bucket = Math.floor(local.aws.clock.now() / sixHours) * sixHours - sixHours;
        for (let t = bucket; t < bucket + sixHours; t += 10 * minute) {
            cloudWatch.putDatum({
                namespace,
                metricName: 'NumberOfInputTokensProcessedPerMinute',
                dimensions: [{ name: 'ModelId', value: claude }],
                timestampMs: t,
                value: 2_000_000,
            });
        }
        local.aws.clock.advance(minute);
        await inPanel<void>(`document.querySelector('#refresh').click();`);
        assert.equal(await waitFor(stateOf, (s) => s === 'ALARM', 'the alarm in ALARM'), 'ALARM');
    });

    it('creates the stalled-model preset as a metric math alarm the endpoint accepts', async () => {
        const since = local.aws.requests.list().at(-1)?.seq ?? 0;
        await inPanel<void>(`
            const preset = document.querySelector('#preset');
            preset.value = 'stalledModel';
            preset.dispatchEvent(new Event('change'));
            document.querySelector('#create-alarm').click();
        `);
        const put = await waitFor(
            () => local.aws.requests.list({ since, operation: 'PutMetricAlarm' }),
            (calls) => calls.length > 0 && calls[0]?.status !== undefined,
            'PutMetricAlarm at the endpoint',
        );
        assert.equal(put[0]?.status, 200, put[0]?.errorCode);
        const alarm = requestBody(put[0]);
        const metrics = alarm['Metrics'] as { Id: string; Expression?: string }[];
        assert.deepEqual(
            metrics.map((m) => m.Id),
            ['pending', 'tokens', 'stalled'],
        );
        assert.equal(metrics[2]?.Expression, 'IF(pending > 0 AND FILL(tokens, 0) == 0, 1, 0)');
        const name = `bedrock-batch stalled ${claude}`;
        const metric = await waitFor(
            () =>
                inPanel<string>(`
                    const row = [...document.querySelectorAll('tr[data-alarm]')]
                        .find((r) => r.getAttribute('data-alarm') === ${JSON.stringify(name)});
                    return row?.querySelectorAll('td')[1]?.textContent ?? '';
                `),
            (text) => text !== '',
            'the stalled alarm row',
        );
        assert.equal(metric, 'metric math');
    });

    it('deletes an alarm only after the modal confirmation in the editor', async () => {
        const name = `bedrock-batch high-input-tokens ${claude}`;
        const since = local.aws.requests.list().at(-1)?.seq ?? 0;
        // The test host refuses real dialogs, so the confirmation is answered here: first No,
        // then Delete. The webview has no way to delete without it.
        const window = vscode.window as { showWarningMessage: unknown };
        const original = window.showWarningMessage;
        const asked: { message: string; modal: boolean }[] = [];
        let answer: string | undefined;
        window.showWarningMessage = (message: string, options: vscode.MessageOptions) => {
            asked.push({ message, modal: options.modal === true });
            return Promise.resolve(answer);
        };
        const clickDelete = (): Promise<void> =>
            inPanel<void>(`
                [...document.querySelectorAll('tr[data-alarm]')]
                    .find((r) => r.getAttribute('data-alarm') === ${JSON.stringify(name)})
                    ?.querySelector('vscode-button')?.click();
            `);
        try {
            await clickDelete();
            await waitFor(
                () => asked.length,
                (n) => n === 1,
                'the confirmation',
            );
            assert.deepEqual(asked[0], {
                message: `Delete the CloudWatch alarm "${name}" in ${local.aws.region}?`,
                modal: true,
            });
            assert.equal(local.aws.requests.list({ since, operation: 'DeleteAlarms' }).length, 0);
            answer = 'Delete';
            await clickDelete();
            await waitFor(
                () => local.aws.requests.list({ since, operation: 'DeleteAlarms' }),
                (calls) => calls.length === 1,
                'DeleteAlarms at the endpoint',
            );
        } finally {
            window.showWarningMessage = original;
        }
        await waitFor(
            () =>
                inPanel<boolean>(`
                    return [...document.querySelectorAll('tr[data-alarm]')]
                        .some((r) => r.getAttribute('data-alarm') === ${JSON.stringify(name)});
                `),
            (listed) => !listed,
            'the alarm gone from the list',
        );
    });

    it('writes a dashboard naming every chosen model and says where it went', async () => {
        const since = local.aws.requests.list().at(-1)?.seq ?? 0;
        await inPanel<void>(`
            const models = document.querySelector('#models');
            models.value = [${JSON.stringify(claude)}, ${JSON.stringify(nova)}];
            models.dispatchEvent(new Event('change'));
        `);
        await waitFor(
            charts,
            (r) => seriesOf(r, 'NumberOfRecordsPendingProcessing', nova) !== undefined,
            'both models charted',
        );
        await inPanel<void>(`document.querySelector('#dashboard').click();`);
        const puts = await waitFor(
            () => local.aws.requests.list({ since, operation: 'PutDashboard' }),
            (calls) => calls.length === 1 && calls[0]?.status === 200,
            'PutDashboard at the endpoint',
        );
        const name = `BedrockBatch-${local.aws.region}`;
        assert.equal(requestBody(puts[0])['DashboardName'], name);
        const client = new CloudWatchClient(localClientConfig(local.aws));
        const stored = await client.send(new GetDashboardCommand({ DashboardName: name }));
        client.destroy();
        const body = JSON.parse(stored.DashboardBody ?? '{}') as {
            widgets: { properties: { metrics?: unknown[][] } }[];
        };
        const charted = new Set(
            body.widgets.flatMap((w) => (w.properties.metrics ?? []).map((row) => row[3])),
        );
        assert.ok(charted.has(claude) && charted.has(nova), JSON.stringify([...charted]));
        const notice = await waitFor(
            () =>
                inPanel<string>(
                    'return document.querySelector("#dashboard-notice")?.textContent ?? "";',
                ),
            (text) => text !== '',
            'the dashboard notice',
        );
        assert.equal(
            notice,
            `Created CloudWatch dashboard "${name}" (2 models) on the local endpoint ` +
                `${local.aws.endpoint}, region ${local.aws.region}. It is not in your AWS ` +
                'account, so the AWS console does not show it.',
        );
    });

    it('draws each model in one theme colour in every chart and table', async () => {
        // Claude second: by position it would be first (blue) in the Claude-only chart alone.
        await inPanel<void>(`
            const models = document.querySelector('#models');
            models.value = [${JSON.stringify(nova)}, ${JSON.stringify(claude)}];
            models.dispatchEvent(new Event('change'));
        `);
        const readings = await waitFor(
            charts,
            (r) =>
                seriesOf(r, 'NumberOfTokensPendingProcessing', claude) !== undefined &&
                seriesOf(r, 'NumberOfRecordsPendingProcessing', nova) !== undefined,
            'both models charted',
        );
        const colorsOf = (model: string): string[] =>
            readings.flatMap((r) =>
                r.datasets.filter((d) => d.kind === 'series' && d.label === model),
            ).map((d) => d.color);
        // The tokens-pending chart has Claude alone: it must not take the first colour there.
        assert.equal(colorsOf(claude).length, 4);
        assert.equal(colorsOf(nova).length, 3);
        assert.equal(new Set(colorsOf(claude)).size, 1, `Claude: ${colorsOf(claude).join(' ')}`);
        assert.equal(new Set(colorsOf(nova)).size, 1, `Nova: ${colorsOf(nova).join(' ')}`);
        // Slots follow the sorted ids: amazon.nova… first, anthropic.claude… second.
        const palette = await inPanel<string[]>(`
            const probe = document.createElement('span');
            document.body.appendChild(probe);
            const colors = ['--vscode-charts-blue', '--vscode-charts-orange'].map((name) => {
                probe.style.color = 'var(' + name + ')';
                return getComputedStyle(probe).color;
            });
            probe.remove();
            return colors;
        `);
        assert.deepEqual([colorsOf(nova)[0], colorsOf(claude)[0]], palette);
        const swatches = await inPanel<[string, string, string][]>(`
            return [...document.querySelectorAll('table[data-metric] th[data-model]')].map((th) => [
                th.closest('table').getAttribute('data-metric'),
                th.getAttribute('data-model'),
                getComputedStyle(th.querySelector('.swatch')).backgroundColor,
            ]);
        `);
        assert.equal(swatches.length, 7, JSON.stringify(swatches));
        for (const [metric, model, color] of swatches) {
            assert.equal(color, model === claude ? palette[1] : palette[0], `${metric} ${model}`);
        }
    });

    it('fits the form, alarm rows, tables and charts in the panel from 400 px up', async () => {
        const alarms = await inPanel<number>(
            'return document.querySelectorAll("tr[data-alarm]").length;',
        );
        assert.ok(alarms > 0, 'an alarm row to measure');
        type Problem = string;
        const problems = await inPanel<Problem[]>(`
            const tabs = document.querySelector('#tabs');
            const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
            const show = async (index) => {
                tabs.selectedIndex = index;
                await tabs.updateComplete;
                await frame();
            };
            const seen = [];
            return (async () => {
                document.body.style.boxSizing = 'border-box';
                for (const width of [400, 500, 800, 1200]) {
                    document.body.style.width = width + 'px';
                    const box = document.body.getBoundingClientRect();
                    const inside = (what, element) => {
                        const r = element.getBoundingClientRect();
                        if (r.width === 0) {
                            seen.push(width + ': ' + what + ' not shown');
                        } else if (r.left < box.left - 1 || r.right > box.right + 1) {
                            seen.push(width + ': ' + what + ' at ' + Math.round(r.left) + '..' +
                                Math.round(r.right) + ' outside 0..' + Math.round(box.right));
                        }
                    };
                    await show(2);
                    for (const field of document.querySelectorAll('.alarm-form .field')) {
                        // The metric fields are hidden while the stalled-model preset is chosen.
                        if (field.closest('[hidden]') !== null) {
                            continue;
                        }
                        inside('field ' + field.firstElementChild.textContent, field);
                        inside('control of ' + field.firstElementChild.textContent,
                            field.lastElementChild);
                    }
                    inside('Create alarm', document.querySelector('#create-alarm'));
                    for (const row of document.querySelectorAll('tr[data-alarm]')) {
                        inside('Delete of ' + row.getAttribute('data-alarm'),
                            row.querySelector('vscode-button'));
                    }
                    await show(1);
                    for (const block of document.querySelectorAll('.table-block')) {
                        const copy = block.querySelector('vscode-button');
                        const table = block.querySelector('table');
                        const scroller = table.parentElement.getBoundingClientRect();
                        const name = table.getAttribute('data-metric') ?? 'job events';
                        inside('Copy of ' + name, copy);
                        const edge = Math.min(scroller.right, table.getBoundingClientRect().right);
                        const gap = Math.abs(copy.getBoundingClientRect().right - edge);
                        if (gap > 2) {
                            seen.push(width + ': Copy of ' + name + ' is ' + Math.round(gap) +
                                ' px from the end of its table');
                        }
                    }
                    await show(0);
                    for (const figure of document.querySelectorAll('figure.chart')) {
                        inside('chart ' + figure.getAttribute('data-metric'), figure);
                    }
                    for (const control of document.querySelectorAll('.toolbar .field')) {
                        inside('toolbar ' + control.firstElementChild.textContent, control);
                    }
                }
                document.body.style.width = '';
                document.body.style.boxSizing = '';
                return seen;
            })();
        `);
        assert.deepEqual(problems, []);
        for (const [tab, name, shown] of [
            [2, 'metrics-alarms-500px', 'tr[data-alarm]'],
            [1, 'metrics-table-500px', '.table-block'],
        ] as const) {
            await inPanel<void>(`
                document.body.style.boxSizing = 'border-box';
                document.body.style.width = '500px';
                const tabs = document.querySelector('#tabs');
                tabs.selectedIndex = ${tab};
                return tabs.updateComplete.then(() =>
                    document.querySelector('${shown}')?.scrollIntoView({ block: 'center' }));
            `);
            await screenshot(name);
        }
        await inPanel<void>(`
            document.body.style.width = '';
            document.body.style.boxSizing = '';
            document.querySelector('#tabs').selectedIndex = 0;
        `);
    });

    it('shows a model id holding markup as text', async () => {
        await inPanel<void>(`
            const models = document.querySelector('#models');
            models.value = [${JSON.stringify(markup)}];
            models.dispatchEvent(new Event('change'));
        `);
        const readings = await waitFor(
            charts,
            (r) => seriesOf(r, 'NumberOfRecordsPendingProcessing', markup) !== undefined,
            'the markup model charted',
        );
        // The range is 1 day now: 5-minute buckets of the half hour seeded.
        const points = seriesOf(readings, 'NumberOfRecordsPendingProcessing', markup)?.points ?? [];
        assert.ok(points.length >= 6 && points.length <= 7, `${points.length} buckets`);
        assert.ok(points.every(([, value]) => value === 3));
        const page = await inPanel<{
            images: number;
            bold: number;
            pwned: boolean;
            header: string[];
        }>(`
            return {
                images: document.querySelectorAll('img').length,
                bold: document.querySelectorAll('b').length,
                pwned: globalThis.pwned === 1,
                header: [...document.querySelectorAll(
                    'table[data-metric="NumberOfRecordsPendingProcessing"] thead th',
                )].map((th) => th.textContent),
            };
        `);
        assert.deepEqual(page, { images: 0, bold: 0, pwned: false, header: ['Time', markup] });
    });

    it("charts a Metrics Insights query and shows the service's error as it is", async () => {
        await inPanel<void>(`
            document.querySelector('#tabs').selectedIndex = 3;
            document.querySelector('#run-insights').click();
        `);
        const insights = await waitFor(
            () => inPanel<Dataset[]>('return globalThis.bedrockBatchMetrics.insights();'),
            (datasets) => datasets.length > 0,
            'the Insights chart',
        );
        assert.deepEqual(insights.map((d) => d.label).sort(), [claude, nova].sort());

        const bad =
            'SELECT AVG(NumberOfInputTokensProcessedPerMinute) ' +
            'FROM SCHEMA("AWS/Bedrock/Batch", ModelId) GROUP';
        const client = new CloudWatchClient(localClientConfig(local.aws));
        const expected = await client
            .send(
                new GetMetricDataCommand({
                    MetricDataQueries: [{ Id: 'q1', Expression: bad, Period: 300 }],
                    StartTime: new Date(Date.now() - 3_600_000),
                    EndTime: new Date(),
                }),
            )
            .then(
                () => '',
                (error: Error) => error.message,
            );
        client.destroy();
        assert.notEqual(expected, '', 'the endpoint accepted a broken query');
        await inPanel<void>(`
            document.querySelector('#insights-query').value = ${JSON.stringify(bad)};
            document.querySelector('#run-insights').click();
        `);
        const shown = await waitFor(
            () =>
                inPanel<string>(
                    'return document.querySelector(".service-error")?.textContent ?? "";',
                ),
            (text) => text !== '',
            'the service error',
        );
        assert.equal(shown, expected);
    });

    it("redraws the charts in the new theme's colours", async () => {
        const before = (await charts())[0]?.datasets[0]?.color;
        const workbench = vscode.workspace.getConfiguration('workbench');
        const previous = workbench.inspect<string>('colorTheme')?.globalValue;
        const light = await inPanel<boolean>(
            'return document.body.classList.contains("vscode-light");',
        );
        const next = light ? 'Default Dark Modern' : 'Default Light Modern';
        await workbench.update('colorTheme', next, vscode.ConfigurationTarget.Global);
        try {
            const after = await waitFor(
                async () => (await charts())[0]?.datasets[0]?.color,
                (color) => color !== undefined && color !== before,
                'new chart colours',
            );
            assert.match(after ?? '', /^rgb/);
        } finally {
            await workbench.update('colorTheme', previous, vscode.ConfigurationTarget.Global);
        }
    });

    it('loads under its security policy with nothing blocked, and is photographed', async () => {
        const page = await inPanel<{
            violations: string[];
            sticky: string;
            csp: string;
            adopted: number;
        }>(`
            const button = document.querySelector('#refresh');
            return {
                violations: globalThis.bedrockBatchCspViolations ?? ['no guard'],
                sticky: getComputedStyle(document.querySelector('.toolbar')).position,
                csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]').content,
                adopted: button.shadowRoot.adoptedStyleSheets.length,
            };
        `);
        assert.deepEqual(page.violations, []);
        assert.equal(page.sticky, 'sticky', 'the bundled stylesheet did not apply');
        // @vscode-elements style their shadow roots with constructable stylesheets, which the
        // policy's style-src does not block.
        assert.ok(page.adopted > 0, 'vscode-button has no adopted stylesheet');
        // The guard does see a violation when there is one: an inline <style> without the nonce.
        const caught = await inPanel<string[]>(`
            const style = document.createElement('style');
            style.textContent = 'body { outline: 1px solid red; }';
            document.head.appendChild(style);
            return new Promise((resolve) => setTimeout(() => {
                style.remove();
                const seen = [...globalThis.bedrockBatchCspViolations];
                globalThis.bedrockBatchCspViolations.length = 0;
                resolve(seen);
            }, 300));
        `);
        assert.equal(caught.length, 1);
        assert.match(caught[0] ?? '', /^style-src/);
        assert.match(
            page.csp,
            /^default-src 'none'; script-src 'nonce-[^']+'; style-src [^;]+ 'nonce-/,
        );
        assert.match(page.csp, /connect-src 'none'$/);
        await inPanel<void>(`document.querySelector('#tabs').selectedIndex = 0;`);
        const path = await screenshot('metrics-panel');
        assert.ok(statSync(path).size > 0);
    });

    it('comes back with its selection and data after being hidden', async () => {
        const since = local.aws.requests.list().at(-1)?.seq ?? 0;
        await vscode.commands.executeCommand('workbench.action.files.newUntitledFile');
        await vscode.commands.executeCommand('bedrockBatch.openMetrics');
        const readings = await waitFor(
            charts,
            (r) => seriesOf(r, 'NumberOfRecordsPendingProcessing', markup) !== undefined,
            'the charts redrawn after the panel came back',
        );
        const points = seriesOf(readings, 'NumberOfRecordsPendingProcessing', markup)?.points ?? [];
        assert.ok(points.length >= 6 && points.length <= 7, `${points.length} buckets`);
        const range = await inPanel<string>('return document.querySelector("#range").value;');
        assert.equal(range, '1d');
        // The latest snapshot is shown again at once; it is fresh, so no second fetch is needed.
        assert.ok(local.aws.requests.list({ since, operation: 'GetMetricData' }).length <= 1);
    });

    it('explains the empty state for a model CloudWatch lists nothing for', async () => {
        const llama = 'meta.llama3-70b-instruct-v1:0';
        await vscode.commands.executeCommand('bedrockBatch.openMetrics', {
            region: local.aws.region,
            modelId: llama,
        });
        const empty = await waitFor(
            () =>
                inPanel<{ heading: string; text: string; note: string }>(`
                    const empty = document.querySelector('#empty-state');
                    return {
                        heading: empty?.hidden ? '' : empty?.querySelector('h2')?.textContent ?? '',
                        text: empty?.textContent ?? '',
                        note: document.querySelector('#models-note')?.textContent ?? '',
                    };
                `),
            (seen) => seen.heading !== '',
            'the empty state',
        );
        assert.equal(empty.heading, 'No batch metrics in this range');
        assert.match(empty.text, /per model, about once a minute, while batch jobs on that model/);
        const expected = `CloudWatch lists no batch metrics for ${llama} in ${local.aws.region}`;
        assert.ok(empty.note.startsWith(expected), empty.note);
    });

    it('refreshes live on its interval and stops while paused', async function () {
        this.timeout(90_000);
        const config = vscode.workspace.getConfiguration('bedrockBatch');
        await config.update(
            'metrics.refreshIntervalSeconds',
            10,
            vscode.ConfigurationTarget.Global,
        );
        try {
            let since = local.aws.requests.list().at(-1)?.seq ?? 0;
            await inPanel<void>(`document.querySelector('#refresh').click();`);
            await waitFor(
                () => local.aws.requests.list({ since, operation: 'GetMetricData' }).length,
                (calls) => calls >= 2,
                'a refresh by the timer after the one asked for',
                30_000,
            );
            await inPanel<void>(`document.querySelector('#pause').click();`);
            await waitFor(
                () => inPanel<string>('return document.querySelector("#status").textContent;'),
                (text) => text.startsWith('Paused'),
                'the paused status',
            );
            since = local.aws.requests.list().at(-1)?.seq ?? 0;
            await new Promise((resolve) => setTimeout(resolve, 12_000));
            assert.equal(local.aws.requests.list({ since, operation: 'GetMetricData' }).length, 0);
            await inPanel<void>(`document.querySelector('#pause').click();`);
            await waitFor(
                () => local.aws.requests.list({ since, operation: 'GetMetricData' }).length,
                (calls) => calls === 1,
                'the refresh on resume',
            );
        } finally {
            await config.update(
                'metrics.refreshIntervalSeconds',
                undefined,
                vscode.ConfigurationTarget.Global,
            );
        }
    });

    it('fills From and To with the window of the job it was opened from', async () => {
        const from = Date.now() - 50 * minute;
        const to = Date.now() - 20 * minute;
        await vscode.commands.executeCommand('bedrockBatch.openMetrics', {
            region: local.aws.region,
            modelId: claude,
            jobArn,
            from,
            to,
        });
        // The page reads its own fields back, so the check holds in any time zone.
        const readFields = (): Promise<{
            range: string;
            hidden: boolean;
            text: string[];
            times: (number | null)[];
        }> =>
            inPanel(`
                const fields = ['#range-from', '#range-to'].map((id) => document.querySelector(id));
                return {
                    range: document.querySelector('#range').value,
                    hidden: document.querySelector('.custom-range').hidden,
                    text: fields.map((field) => field.value),
                    times: fields.map((field) =>
                        field.value === '' ? null : new Date(field.value).getTime()),
                };
            `);
        const fields = await waitFor(
            readFields,
            (seen) => seen.range === 'custom' && seen.times[0] === floorMinute(from),
            'the custom range in From and To',
        );
        assert.equal(fields.hidden, false);
        assert.deepEqual(fields.times, [floorMinute(from), floorMinute(to)]);
        fields.text.forEach((text) => assert.match(text, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/));
        await waitFor(
            charts,
            (r) =>
                (seriesOf(r, 'NumberOfInputTokensProcessedPerMinute', claude)?.points.length ??
                    0) > 0,
            'the job window charted',
        );
        process.stdout.write(`    screenshot: ${await screenshot('metrics-panel-from-job')}\n`);

        // Opened from another job (still running: no end), the fields follow.
        const later = Date.now() - 40 * minute;
        await vscode.commands.executeCommand('bedrockBatch.openMetrics', {
            region: local.aws.region,
            modelId: claude,
            from: later,
        });
        const followed = await waitFor(
            readFields,
            (seen) => seen.times[0] === floorMinute(later),
            'From and To of the second job',
        );
        assert.deepEqual(followed.times, [floorMinute(later), null]);
    });

    it('names the chosen models under the Models picker', async () => {
        assert.equal(await waitFor(modelsChosen, (text) => text === claude, 'one name'), claude);
        await inPanel<void>(`
            const models = document.querySelector('#models');
            models.value = [${JSON.stringify(claude)}, ${JSON.stringify(nova)}];
            models.dispatchEvent(new Event('change'));
        `);
        const both = await waitFor(modelsChosen, (text) => text.includes(', '), 'two names');
        assert.deepEqual(both.split(', ').sort(), [claude, nova].sort());
    });

    it("opens the model of a Batch Jobs model row on that model's metrics", async () => {
        await inPanel<void>(`
            const models = document.querySelector('#models');
            models.value = [${JSON.stringify(nova)}];
            models.dispatchEvent(new Event('change'));
        `);
        await waitFor(modelsChosen, (text) => text === nova, 'the other model chosen first');
        const { testing } = await extensionApi();
        // The job was created behind the view's back: list it, whether or not the view listed
        // the region before (earlier suites decide whether it is visible).
        await testing.explorer.refresh();
        await testing.explorer.loaded();
        const job = (await testing.explorer.findJob(local.aws.region, jobArn)) as
            | { parent: { getTreeItem(): vscode.TreeItem } }
            | undefined;
        const row = job?.parent;
        assert.ok(row !== undefined, 'the job has no row in the Batch Jobs view');
        // The row the model's Show Metrics action is offered on, handed over as VS Code does.
        assert.equal(row.getTreeItem().contextValue, 'bedrockBatch:model');
        await vscode.commands.executeCommand('bedrockBatch.openMetrics', row);
        const shown = await waitFor(modelsChosen, (text) => text === claude, 'the row model');
        assert.equal(shown, claude);
        const chosen = await inPanel<string[]>('return document.querySelector("#models").value;');
        assert.deepEqual(chosen, [claude]);
    });

    it('lists models again on each refresh until the chosen one is listed', async function () {
        this.timeout(90_000);
        const mistral = 'mistral.mistral-large-2407-v1:0';
        const metric = 'NumberOfRecordsPendingProcessing';
        const config = vscode.workspace.getConfiguration('bedrockBatch');
        const global = vscode.ConfigurationTarget.Global;
        await config.update('metrics.refreshIntervalSeconds', 10, global);
        try {
            await vscode.commands.executeCommand('bedrockBatch.openMetrics', {
                region: local.aws.region,
                modelId: mistral,
                from: Date.now() - 30 * minute,
            });
            await waitFor(
                modelsNote,
                (text) => text.startsWith(`CloudWatch lists no batch metrics for ${mistral}`),
                'the model not listed yet',
            );
            const since = local.aws.requests.list().at(-1)?.seq ?? 0;
            const now = floorMinute(Date.now());
            for (let i = 3; i >= 1; i--) {
                cloudWatch.putDatum({
                    namespace,
                    metricName: metric,
                    dimensions: [{ name: 'ModelId', value: mistral }],
                    timestampMs: now - i * minute,
                    value: 9,
                });
            }
            const readings = await waitFor(
                charts,
                (r) => (seriesOf(r, metric, mistral)?.points.length ?? 0) > 0,
                'the new model charted without Refresh',
                40_000,
            );
            assert.ok(
                seriesOf(readings, metric, mistral)?.points.every(
                    ([, value]) => value === 9,
                ),
            );
            assert.equal(await waitFor(modelsNote, (text) => text === '', 'the note gone'), '');
            const cloudWatchCalls = (): LoggedRequest[] =>
                local.aws.requests
                    .list({ since })
                    .filter((r) => ['ListMetrics', 'GetMetricData'].includes(r.operation ?? ''));
            const lists = cloudWatchCalls().filter((r) => r.operation === 'ListMetrics');
            assert.ok(lists.length > 0, 'no ListMetrics since the datapoints arrived');
            for (const list of lists) {
                const body = requestBody(list);
                assert.equal(body['Namespace'], namespace);
                assert.equal(body['RecentlyActive'], 'PT3H');
            }
            // Each refresh: one short listing, then one GetMetricData for every chart.
            const order = cloudWatchCalls()
                .map((r) => (r.operation === 'ListMetrics' ? 'L' : 'G'))
                .join('')
                .replace(/^G/, '')
                .replace(/L$/, '');
            assert.match(order, /^(LG)+$/);

            // Listed now: the next refresh fetches data without listing again.
            const listed = local.aws.requests.list().at(-1)?.seq ?? 0;
            await waitFor(
                () => local.aws.requests.list({ since: listed, operation: 'GetMetricData' }),
                (calls) => calls.length >= 1 && calls.every((call) => call.status !== undefined),
                'the next refresh',
                30_000,
            );
            assert.deepEqual(
                local.aws.requests.list({ since: listed, operation: 'ListMetrics' }),
                [],
            );
        } finally {
            await config.update(
                'metrics.refreshIntervalSeconds',
                undefined,
                vscode.ConfigurationTarget.Global,
            );
        }
    });

    it('lists the models again when it is shown again', async () => {
        const cohere = 'cohere.command-r-v1:0';
        await vscode.commands.executeCommand('workbench.action.files.newUntitledFile');
        const since = local.aws.requests.list().at(-1)?.seq ?? 0;
        cloudWatch.putDatum({
            namespace,
            metricName: 'NumberOfRecordsPendingProcessing',
            dimensions: [{ name: 'ModelId', value: cohere }],
            timestampMs: floorMinute(Date.now()) - minute,
            value: 4,
        });
        await vscode.commands.executeCommand('bedrockBatch.openMetrics');
        const offered = await waitFor(
            () =>
                inPanel<string[]>(`
                    return [...document.querySelectorAll('#models vscode-option')]
                        .map((option) => option.getAttribute('value'));
                `),
            (values) => values.includes(cohere),
            'the new model offered',
        );
        assert.ok(offered.includes(claude) && offered.includes(nova), JSON.stringify(offered));
        const lists = local.aws.requests.list({ since, operation: 'ListMetrics' });
        assert.equal(lists.length, 1);
        assert.equal(requestBody(lists[0])['RecentlyActive'], undefined, 'a full listing');
    });

    it("offers the Batch Jobs view's regions first, only the sandbox's in it", async function () {
        this.timeout(90_000);
        const { testing } = await extensionApi();
        const config = vscode.workspace.getConfiguration('bedrockBatch');
        const samples = mkdtempSync(join(tmpdir(), 'bb-metrics-sandbox-'));
        await config.update(
            'regions',
            ['eu-west-3', local.aws.region],
            vscode.ConfigurationTarget.Global,
        );
        try {
            const rows = await waitFor(
                () => testing.jobsTree(),
                (shown) => shown.some((row) => row.label === 'eu-west-3'),
                'both regions in the Batch Jobs view',
            );
            const viewRegions = rows.map((row) => row.label);
            await vscode.commands.executeCommand('bedrockBatch.openMetrics', {
                region: 'eu-west-3',
            });
            const outside = await waitFor(
                regionPicker,
                (picker) => picker.value === 'eu-west-3',
                'the region chosen',
            );
            assert.deepEqual(outside.options.slice(0, viewRegions.length), viewRegions);

            await vscode.commands.executeCommand('bedrockBatch.openSandbox', {
                samplesFolder: samples,
            });
            const sandboxRegion = testing.sandbox.info?.region ?? '';
            assert.notEqual(sandboxRegion, '');
            await vscode.commands.executeCommand('bedrockBatch.openMetrics');
            const inside = await waitFor(
                regionPicker,
                (picker) => picker.options.length === 1,
                'the sandbox region alone',
                30_000,
            );
            assert.deepEqual(inside, { value: sandboxRegion, options: [sandboxRegion] });
        } finally {
            if (testing.sandbox.state !== 'off') {
                await vscode.commands.executeCommand('bedrockBatch.leaveSandbox');
            }
            await config.update('regions', [local.aws.region], vscode.ConfigurationTarget.Global);
            rmSync(samples, { recursive: true, force: true });
        }
    });
});

import * as assert from 'node:assert/strict';
import {
    customMonitoringEndpoint,
    dashboardBody,
    dashboardConsoleUrl,
    dashboardName,
} from '../../../src/metrics/dashboardBody';

const claude = 'anthropic.claude-3-haiku-20240307-v1:0';
const nova = 'amazon.nova-lite-v1:0';

interface Widget {
    type: string;
    properties: { title?: string; region?: string; metrics?: unknown[][]; markdown?: string };
}

describe('CloudWatch dashboard body', () => {
    const body = JSON.parse(
        dashboardBody({
            region: 'us-east-1',
            modelIds: [claude, nova],
            metrics: ['NumberOfRecordsPendingProcessing', 'NumberOfInputTokensProcessedPerMinute'],
            range: { key: '1d' },
        }),
    ) as { start: string; widgets: Widget[] };

    it('draws one graph per metric with a line per chosen model', () => {
        const graphs = body.widgets.filter(
            (w) =>
                w.type === 'metric' &&
                w.properties.title !== undefined &&
                !w.properties.title.includes('Insights'),
        );
        assert.deepEqual(
            graphs.map((w) => w.properties.title),
            ['Records pending', 'Input tokens processed per minute'],
        );
        for (const graph of graphs) {
            assert.equal(graph.properties.region, 'us-east-1');
            const models = (graph.properties.metrics ?? []).map((row) => row[3]);
            assert.deepEqual(models, [claude, nova]);
            assert.deepEqual((graph.properties.metrics ?? [])[0]?.slice(0, 3), [
                'AWS/Bedrock/Batch',
                graph === graphs[0]
                    ? 'NumberOfRecordsPendingProcessing'
                    : 'NumberOfInputTokensProcessedPerMinute',
                'ModelId',
            ]);
        }
    });

    it('leaves embedding models out of the output token graph', () => {
        const titan = 'amazon.titan-embed-text-v2:0';
        const widgets = (
            JSON.parse(
                dashboardBody({
                    region: 'us-east-1',
                    modelIds: [titan, nova],
                    metrics: [
                        'NumberOfRecordsPendingProcessing',
                        'NumberOfOutputTokensProcessedPerMinute',
                    ],
                    range: { key: '1d' },
                }),
            ) as { widgets: Widget[] }
        ).widgets;
        const linesOf = (title: string): unknown[] =>
            (widgets.find((w) => w.properties.title === title)?.properties.metrics ?? []).map(
                (row) => row[3],
            );
        assert.deepEqual(linesOf('Records pending'), [titan, nova]);
        assert.deepEqual(linesOf('Output tokens processed per minute'), [nova]);
    });

    it('adds the all-models Metrics Insights graph and names the models in its header', () => {
        const insights = body.widgets.find((w) => w.properties.title?.includes('Metrics Insights'));
        assert.match(
            JSON.stringify(insights?.properties.metrics),
            /SCHEMA\(\\"AWS\/Bedrock\/Batch\\", ModelId\)/,
        );
        const text = body.widgets.find((w) => w.type === 'text');
        assert.ok(text?.properties.markdown?.includes(`\`${claude}\``));
        assert.ok(text?.properties.markdown?.includes(`\`${nova}\``));
    });

    it("opens on the panel's range", () => {
        assert.equal(body.start, '-P1D');
        const hours = JSON.parse(
            dashboardBody({ region: 'r', modelIds: ['m'], metrics: [], range: { key: '3h' } }),
        ) as { start: string };
        assert.equal(hours.start, '-PT3H');
        const custom = JSON.parse(
            dashboardBody({
                region: 'r',
                modelIds: ['m'],
                metrics: [],
                range: { key: 'custom', from: Date.UTC(2025, 0, 1), to: Date.UTC(2025, 0, 2) },
            }),
        ) as { start: string; end: string };
        assert.deepEqual(
            [custom.start, custom.end],
            ['2025-01-01T00:00:00.000Z', '2025-01-02T00:00:00.000Z'],
        );
    });

    it('names the dashboard after the region with allowed characters only', () => {
        assert.equal(dashboardName('us-east-1'), 'BedrockBatch-us-east-1');
        assert.match(dashboardName('odd region!'), /^[A-Za-z0-9_-]+$/);
    });

    it("links the console of the region's partition", () => {
        assert.equal(
            dashboardConsoleUrl('eu-west-1', 'BedrockBatch-eu-west-1'),
            'https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1' +
                '#dashboards/dashboard/BedrockBatch-eu-west-1',
        );
        assert.match(
            dashboardConsoleUrl('cn-north-1', 'd'),
            /^https:\/\/console\.amazonaws\.cn\/cloudwatch\/home\?region=cn-north-1#/,
        );
        assert.match(
            dashboardConsoleUrl('us-gov-west-1', 'd'),
            /^https:\/\/console\.amazonaws-us-gov\.com\/cloudwatch\/home\?region=us-gov-west-1#/,
        );
    });

    it("knows when CloudWatch is not AWS's own endpoint", () => {
        assert.equal(customMonitoringEndpoint({ kind: 'account', endpoints: {} }), undefined);
        assert.equal(
            customMonitoringEndpoint({
                kind: 'account',
                endpoints: { monitoring: 'http://127.0.0.1:4566' },
            }),
            'http://127.0.0.1:4566',
        );
        assert.equal(
            customMonitoringEndpoint({
                kind: 'sandbox',
                endpoint: 'http://127.0.0.1:9',
                region: 'us-east-1',
                accessKeyId: 'AKIDEXAMPLE',
                secretAccessKey: 'x',
            }),
            'http://127.0.0.1:9',
        );
        // A VPC interface endpoint is the account's own CloudWatch: the console shows it.
        assert.equal(
            customMonitoringEndpoint({
                kind: 'account',
                endpoints: {
                    monitoring:
                        'https://vpce-0a1b2c3d-4e5f.monitoring.us-east-1.vpce.amazonaws.com',
                },
            }),
            undefined,
        );
    });
});

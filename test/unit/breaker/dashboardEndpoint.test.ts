import * as assert from 'node:assert/strict';
import { customMonitoringEndpoint, dashboardBody } from '../../../src/metrics/dashboardBody';
import { dashboardMessage } from '../../../src/metrics/dashboardMessage';

interface Graph {
    readonly title?: string;
    readonly metrics?: unknown[];
}

const base = { name: 'BB', region: 'us-east-1', existed: false, modelCount: 1, notes: [] };
const tail = ', region us-east-1. It is not in your AWS account, so the AWS console does not show it.';

function shown(endpoint: string): string {
    return dashboardMessage({ ...base, endpoint }).text;
}

function account(monitoring: string): string | undefined {
    return customMonitoringEndpoint({ kind: 'account', endpoints: { monitoring } });
}

describe('breaker/dashboard message endpoints', () => {
    it('calls IPv6 and IPv4 loopback endpoints local', () => {
        assert.equal(
            shown('http://[::1]:4566'),
            'Created CloudWatch dashboard "BB" (1 model) on the local endpoint http://[::1]:4566' +
                tail,
        );
        assert.match(shown('http://127.0.0.1:4566/'), /on the local endpoint http:\/\/127\.0\.0\.1/);
        assert.match(shown('http://LOCALHOST:4566'), /on the local endpoint /);
    });

    it('does not call a host named 127.something local', () => {
        assert.equal(
            shown('https://127.attacker.example'),
            'Created CloudWatch dashboard "BB" (1 model) on the endpoint ' +
                'https://127.attacker.example' +
                tail,
        );
    });

    it('never shows the user name or password of an endpoint URL', () => {
        const text = shown('http://admin:s3cret@127.0.0.1:4566/');
        assert.doesNotMatch(text, /s3cret|admin/);
        assert.match(text, /on the local endpoint http:\/\/127\.0\.0\.1:4566\//);
        assert.doesNotMatch(shown('https://key:pw@cw.stand-in.example'), /key|pw@/);
    });

    it('shows text that is not a URL as it was set', () => {
        assert.equal(
            shown('not a url'),
            'Created CloudWatch dashboard "BB" (1 model) on the endpoint not a url' + tail,
        );
    });

    it("treats AWS's own hosts as the account, a trailing dot included", () => {
        assert.equal(account('https://monitoring.us-east-1.amazonaws.com'), undefined);
        assert.equal(account('https://monitoring.us-east-1.amazonaws.com.'), undefined);
        assert.equal(account('https://MONITORING.cn-north-1.amazonaws.com.cn'), undefined);
        assert.equal(account('https://evilamazonaws.com'), 'https://evilamazonaws.com');
        assert.equal(
            account('https://amazonaws.com.attacker.example'),
            'https://amazonaws.com.attacker.example',
        );
        assert.equal(account('http://[::1]:4566'), 'http://[::1]:4566');
    });
});

describe('breaker/dashboard body with embedding models only', () => {
    it('writes no output token graph without a line, and keeps the graphs packed', () => {
        const body = JSON.parse(
            dashboardBody({
                region: 'us-east-1',
                modelIds: ['us.cohere.embed-v4:0', 'amazon.titan-embed-text-v2:0'],
                metrics: [
                    'NumberOfOutputTokensProcessedPerMinute',
                    'NumberOfInputTokensProcessedPerMinute',
                ],
                range: { key: '1d' },
            }),
        ) as { widgets: { type: string; x: number; y: number; properties: Graph }[] };
        const graphs = body.widgets.filter((w) => w.type === 'metric');
        assert.deepEqual(
            graphs.map((w) => [w.properties.title, w.properties.metrics?.length, w.x, w.y]),
            [
                ['Input tokens processed per minute', 2, 0, 2],
                ['Input tokens per minute, all models (Metrics Insights)', 1, 0, 8],
            ],
        );
    });
});

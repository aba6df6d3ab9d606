// Breaker evidence: what the hosts accept from their webviews. Forged shapes must be refused;
// these held up when written, and stay as regression checks.
import * as assert from 'node:assert/strict';
import { parseWebviewMessage } from '../../../src/metrics/panelState';
import { parseViewMessage } from '../../../src/results/protocol';

const junk: unknown[] = [
    null,
    undefined,
    42,
    'ready',
    [],
    [{ type: 'ready' }],
    {},
    { type: '__proto__' },
    { type: 'constructor' },
    { type: 'toString' },
    { type: 'hasOwnProperty' },
    JSON.parse('{"__proto__":{"type":"ready"}}'),
];

describe('breaker: webview messages the hosts accept', () => {
    it('Batch Metrics refuses messages of unknown or wrong shape', () => {
        const refused = [
            ...junk,
            { type: 'select' },
            { type: 'select', selection: 'us-east-1' },
            { type: 'createAlarm', draft: { alarmName: 1 } },
            { type: 'createAlarm', draft: [] },
            { type: 'deleteAlarm' },
            { type: 'deleteAlarm', alarmName: '   ' },
            { type: 'deleteAlarm', alarmName: 'x'.repeat(5000) },
            { type: 'runInsights', query: 7 },
            { type: 'copy', text: { toString: 'x' } },
        ];
        for (const message of refused) {
            assert.equal(parseWebviewMessage(message), undefined, JSON.stringify(message));
        }
    });

    it('Batch Metrics trims what it accepts to known fields', () => {
        const parsed = parseWebviewMessage({
            type: 'select',
            selection: {
                region: ' us-east-1 ',
                modelIds: Array.from({ length: 50 }, (_, i) => `m${i}`),
                range: { key: 'custom', from: -5, to: 'x' },
                extra: 'ignored',
            },
            alsoIgnored: true,
        });
        assert.deepEqual(parsed, {
            type: 'select',
            selection: {
                region: 'us-east-1',
                modelIds: Array.from({ length: 20 }, (_, i) => `m${i}`),
                range: { key: '3h' },
            },
        });
    });

    it('Batch Metrics accepts a region of any text (the panel must check it)', () => {
        const region = 'us-east-1 [Open](command:workbench.action.files.newUntitledFile)';
        const parsed = parseWebviewMessage({ type: 'select', selection: { region, modelIds: [] } });
        // Documented, not asserted as a bug here: the integration test shows what follows.
        assert.equal(parsed?.type === 'select' ? parsed.selection.region : undefined, region);
    });

    it('the results view refuses messages of unknown or wrong shape', () => {
        const refused = [
            ...junk,
            { type: 'query', filter: 'all', query: 'x', page: -1 },
            { type: 'query', filter: 'all', query: 'x', page: 1.5 },
            { type: 'query', filter: 'evil', query: 'x', page: 0 },
            { type: 'query', filter: 'all', query: 5, page: 0 },
            { type: 'open', position: '3' },
            { type: 'open', position: Number.NaN },
            { type: 'export', format: 'exe' },
        ];
        for (const message of refused) {
            assert.equal(parseViewMessage(message), undefined, JSON.stringify(message));
        }
        const long = parseViewMessage({ type: 'query', filter: 'all', query: 'q'.repeat(10_000), page: 0 });
        assert.equal(long?.type === 'query' ? long.query.length : 0, 500);
    });
});

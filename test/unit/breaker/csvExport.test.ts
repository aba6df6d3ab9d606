import * as assert from 'node:assert/strict';
import { csvField, csvRow } from '../../../src/results/csv';
import { formatRow, type ExportRow } from '../../../src/results/exportRecords';

const row: ExportRow = {
    recordId: 'r1',
    status: 'succeeded',
    inputText: 'say "hi"\r\nthen\u2028stop',
    outputText: '  =HYPERLINK("http://x.example","y")',
    error: undefined,
    stopReason: 'end_turn',
    inputTokens: 3,
    outputTokens: undefined,
};

describe('breaker/CSV and JSONL export', () => {
    it('guards formulas that start after spaces or line breaks', () => {
        assert.equal(csvField(' =1+1'), "' =1+1");
        assert.equal(csvField('   @SUM(A1)'), "'   @SUM(A1)");
        assert.equal(csvField('\n=1+1'), `"'\n=1+1"`);
        assert.equal(csvField('\t-2'), "'\t-2");
    });

    it('leaves ordinary text and numbers as they are', () => {
        assert.equal(csvField('hello = world'), 'hello = world');
        assert.equal(csvField('  plain'), '  plain');
        assert.equal(csvField('日本語 ✓ 😀'), '日本語 ✓ 😀');
        assert.equal(csvField(-3), '-3');
        assert.equal(csvField(''), '');
    });

    it('keeps CRLF and quotes inside one quoted cell', () => {
        assert.equal(csvField('a\r\nb "c"'), '"a\r\nb ""c"""');
        assert.equal(csvRow(['x', undefined, 2]), 'x,,2\r\n');
    });

    it('keeps a long text whole', () => {
        const long = 'é'.repeat(100_000);
        assert.equal(csvField(long), long);
    });

    it('writes one valid JSON object per JSONL line whatever the text', () => {
        const text = formatRow(row, 'jsonl');
        assert.ok(text.endsWith('\n'));
        const lines = text.slice(0, -1).split('\n');
        assert.equal(lines.length, 1);
        assert.deepEqual(JSON.parse(lines[0] ?? ''), {
            recordId: 'r1',
            status: 'succeeded',
            inputText: 'say "hi"\r\nthen\u2028stop',
            outputText: '  =HYPERLINK("http://x.example","y")',
            error: null,
            stopReason: 'end_turn',
            inputTokens: 3,
            outputTokens: null,
        });
    });

    it('guards the formula in a CSV export row', () => {
        assert.equal(
            formatRow(row, 'csv'),
            'r1,succeeded,"say ""hi""\r\nthen\u2028stop",' +
                `"'  =HYPERLINK(""http://x.example"",""y"")",,end_turn,3,\r\n`,
        );
    });
});

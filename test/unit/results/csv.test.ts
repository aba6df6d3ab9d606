import * as assert from 'node:assert/strict';
import { csvField, csvRow } from '../../../src/results/csv';

describe('results/csv', () => {
    it('leaves plain fields as they are', () => {
        assert.equal(csvField('plain text'), 'plain text');
        assert.equal(csvField(42), '42');
        assert.equal(csvField(undefined), '');
    });

    it('quotes fields with commas, quotes, CR or LF, doubling the quotes', () => {
        assert.equal(csvField('a,b'), '"a,b"');
        assert.equal(csvField('say "hi"'), '"say ""hi"""');
        assert.equal(csvField('two\nlines'), '"two\nlines"');
        assert.equal(csvField('cr\rhere'), '"cr\rhere"');
    });

    it('ends every row with CRLF', () => {
        assert.equal(
            csvRow(['id', 'text, with comma', undefined, 3]),
            'id,"text, with comma",,3\r\n',
        );
    });

    it('defuses text that a spreadsheet would run as a formula', () => {
        assert.equal(csvField('=1+2'), "'=1+2");
        assert.equal(csvField('+33 1 23'), "'+33 1 23");
        assert.equal(csvField('-x'), "'-x");
        assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
        assert.equal(csvField('\t=cmd'), "'\t=cmd");
        assert.equal(csvField('=A1,"B"'), `"'=A1,""B"""`);
        assert.equal(csvField('a=b'), 'a=b');
        assert.equal(csvField(-3), '-3', 'numbers stay numbers');
    });
});

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportRecords } from '../../../src/results/exportRecords';
import { buildResultIndex, type ResultIndex } from '../../../src/results/resultIndex';
import { fixtures, tempFolder } from './fixturePaths';

const input = join(fixtures, 'exportText', 'input.jsonl');
const output = join(fixtures, 'exportText', 'input.jsonl.out');

describe('results/exportRecords: text a spreadsheet must not misread', () => {
    let index: ResultIndex;
    const folder = tempFolder();
    const all = (): number[] => index.records.map((_record, position) => position);

    before(async () => {
        index = await buildResultIndex({ outputFiles: [output], inputFiles: [input] });
    });
    after(() => folder.remove());

    it('puts the request text next to the answer, quoted, with formulas defused', async () => {
        const target = join(folder.path, 'hostile.csv');
        await exportRecords(index, all(), 'csv', target);
        assert.equal(
            readFileSync(target, 'utf8'),
            [
                'recordId,status,inputText,outputText,error,stopReason,inputTokens,outputTokens',
                // A formula in the input is shown as text; an answer starting with "-" too.
                'f-1,succeeded,"\'=HYPERLINK(""http://example.invalid"",""click"")",' +
                    '"\'-2, as asked",,end_turn,9,4',
                // Quotes doubled, commas and line breaks kept inside one quoted cell.
                'f-2,succeeded,"Say ""yes"", then\nstop.","""yes"",\r\nstopped",,end_turn,9,4',
                'f-3,failed,\'+1 or -1?,,"\'=bad, request",,,',
                // An embedding: its vector summary, input tokens, and no output token count.
                'f-5,succeeded,text to embed,' +
                    '"Embedding, 4 dimensions: [0.1, -0.2, 0.3, 0.4]",,,3,',
                'f-4,missing,\'@mention me,,,,,',
                '',
            ].join('\r\n'),
        );
    });

    it('gives JSONL the same input text, unescaped', async () => {
        const target = join(folder.path, 'hostile.jsonl');
        await exportRecords(index, all(), 'jsonl', target);
        const rows = readFileSync(target, 'utf8')
            .trim()
            .split('\n')
            .map((line) => JSON.parse(line) as Record<string, unknown>);
        assert.deepEqual(
            rows.map((row) => [row['recordId'], row['inputText']]),
            [
                ['f-1', '=HYPERLINK("http://example.invalid","click")'],
                ['f-2', 'Say "yes", then\nstop.'],
                ['f-3', '+1 or -1?'],
                ['f-5', 'text to embed'],
                ['f-4', '@mention me'],
            ],
        );
    });
});

import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportRecords } from '../../../src/results/exportRecords';
import { buildResultIndex, type ResultIndex } from '../../../src/results/resultIndex';
import { mixed, tempFolder } from './fixturePaths';

describe('results/exportRecords', () => {
    let index: ResultIndex;
    const folder = tempFolder();
    const positionsOf = (...ids: string[]): number[] =>
        index.records.flatMap((r, i) =>
            r.recordId !== undefined && ids.includes(r.recordId) ? [i] : [],
        );

    before(async () => {
        index = await buildResultIndex({ outputFiles: [mixed.output], inputFiles: [mixed.input] });
    });
    after(() => folder.remove());

    it('writes CSV with a header and RFC 4180 quoting', async () => {
        const target = join(folder.path, 'results.csv');
        const rows = await exportRecords(
            index,
            positionsOf('rec-004', 'rec-002', 'rec-008'),
            'csv',
            target,
        );
        assert.equal(rows, 3);
        assert.equal(
            readFileSync(target, 'utf8'),
            [
                'recordId,status,inputText,outputText,error,stopReason,inputTokens,outputTokens\r\n',
                'rec-002,failed,"Translate ""good morning"" into French.",,',
                '"400: Malformed input request: #: ',
                'required key [anthropic_version] not found, ',
                'please reformat your input and try again.",,,\r\n',
                'rec-004,succeeded,Écris un haïku sur la pluie.,',
                '"Pluie sur le toit,\nle jardin boit en silence —\n',
                'l\'été se souvient.",,max_tokens,18,21\r\n',
                'rec-008,missing,"Say hello, in one word.",,,,,\r\n',
            ].join(''),
        );
    });

    it('writes JSONL with every column, null where there is no value', async () => {
        const target = join(folder.path, 'results.jsonl');
        await exportRecords(index, positionsOf('rec-001', 'rec-006'), 'jsonl', target);
        const lines = readFileSync(target, 'utf8').split('\n');
        assert.equal(lines.pop(), '');
        assert.deepEqual(
            lines.map((l) => JSON.parse(l) as unknown),
            [
                {
                    recordId: 'rec-001',
                    status: 'succeeded',
                    inputText: 'Name three primary colours.',
                    outputText: 'Red, blue and yellow.',
                    stopReason: 'end_turn',
                    inputTokens: 12,
                    outputTokens: 7,
                    error: null,
                },
                {
                    recordId: 'rec-006',
                    status: 'failed',
                    inputText: 'List two prime numbers above 100.',
                    outputText: '',
                    stopReason: null,
                    inputTokens: null,
                    outputTokens: null,
                    error: '429: Too many tokens, please wait before trying again.',
                },
            ],
        );
    });

    it('leaves no file behind when cancelled', async () => {
        const target = join(folder.path, 'cancelled.csv');
        const controller = new AbortController();
        controller.abort();
        await assert.rejects(
            exportRecords(index, [0, 1], 'csv', target, { signal: controller.signal }),
        );
        assert.equal(existsSync(target), false);
        assert.deepEqual(
            readdirSync(folder.path).filter((name) => name.startsWith('cancelled')),
            [],
        );
    });
});

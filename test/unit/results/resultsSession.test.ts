import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RecordReader } from '../../../src/results/recordReader';
import { buildResultIndex } from '../../../src/results/resultIndex';
import { MAX_CELL_CHARS, ResultsSession } from '../../../src/results/resultsSession';
import { mixed, tempFolder } from './fixturePaths';

describe('results/resultsSession', () => {
    let session: ResultsSession;
    let reader: RecordReader;

    before(async () => {
        const index = await buildResultIndex({
            outputFiles: [mixed.output],
            inputFiles: [mixed.input],
        });
        reader = new RecordReader(index);
        session = new ResultsSession(index, reader, 4);
    });
    after(() => reader.close());

    it('pages the records, input and output side by side', async () => {
        const page = await session.page({ filter: 'all', query: '', page: 0 });
        assert.deepEqual([page.page, page.pageCount, page.matching, page.total], [0, 3, 9, 9]);
        assert.deepEqual(
            page.rows.map((r) => r.recordId),
            ['rec-003', 'rec-001', 'rec-002', 'rec-005'],
        );
        const first = page.rows[0];
        assert.deepEqual(
            [first?.input, first?.output, first?.detail, first?.status],
            [
                'Summarise: the meeting moved to Thursday.',
                'The meeting is now on Thursday.',
                'end_turn · 15 in / 8 out',
                'succeeded',
            ],
        );
        assert.match(page.rows[2]?.error ?? '', /^400: Malformed input request/);
    });

    it('filters to failed and missing records and marks records the input lacks', async () => {
        const problems = await session.page({ filter: 'problems', query: '', page: 0 });
        assert.equal(problems.matching, 5);
        const last = await session.page({ filter: 'problems', query: '', page: 1 });
        assert.deepEqual(
            last.rows.map((r) => [r.recordId, r.status]),
            [['rec-008', 'missing']],
        );
        const succeeded = await session.page({ filter: 'succeeded', query: '', page: 0 });
        assert.deepEqual(
            succeeded.rows.filter((r) => r.notInInput).map((r) => r.recordId),
            ['rec-099'],
        );
    });

    it('combines search with the filter and keeps the page in range', async () => {
        const page = await session.page({ filter: 'problems', query: 'PRIME', page: 9 });
        assert.deepEqual([page.page, page.pageCount, page.matching], [0, 1, 1]);
        assert.equal(page.rows[0]?.recordId, 'rec-006');
    });

    it('cuts long texts for the table and says so', async () => {
        const folder = tempFolder();
        try {
            const output = join(folder.path, 'long.jsonl.out');
            const long = 'x'.repeat(MAX_CELL_CHARS + 500);
            writeFileSync(
                output,
                `${JSON.stringify({
                    modelInput: { prompt: 'p' },
                    modelOutput: { generation: long },
                    recordId: 'L',
                })}\n`,
            );
            const index = await buildResultIndex({ outputFiles: [output] });
            const longReader = new RecordReader(index);
            try {
                const [row] = (
                    await new ResultsSession(index, longReader).page({
                        filter: 'all',
                        query: '',
                        page: 0,
                    })
                ).rows;
                assert.equal(row?.output.length, MAX_CELL_CHARS + 1);
                assert.equal(row?.output.endsWith('…'), true);
                assert.equal(row?.truncated, true);
            } finally {
                await longReader.close();
            }
        } finally {
            folder.remove();
        }
    });
});

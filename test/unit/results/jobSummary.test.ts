import * as assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import type { S3Reader } from '../../../src/results/downloadObjects';
import { sampleErrors, summaryFromFolder, summaryFromS3 } from '../../../src/results/jobSummary';
import { splitLines } from '../../../src/results/lineReader';
import { loadResults } from '../../../src/results/loadResults';
import { fixtures } from './fixturePaths';
import { join } from 'node:path';

const failedLine = (id: string, message: string): string =>
    JSON.stringify({
        modelInput: {},
        error: { errorCode: 400, errorMessage: message },
        recordId: id,
    });

function bucket(objects: Record<string, string>): S3Reader {
    return {
        list: (_b, prefix) =>
            Promise.resolve(
                Object.entries(objects)
                    .filter(([key]) => key.startsWith(prefix))
                    .map(([key, body]) => ({ key, size: Buffer.byteLength(body) })),
            ),
        get: (_b, key) => Promise.resolve(Readable.from([Buffer.from(objects[key] ?? '')])),
    };
}

describe('results/jobSummary', () => {
    it('samples the errors of the first failed records', async () => {
        const text = [
            failedLine('a', 'x'),
            '',
            failedLine('b', 'y'),
            '{"recordId":"c","modelOutput":{}}',
            failedLine('d', 'z'),
        ].join('\n');
        assert.deepEqual(await sampleErrors(splitLines(Readable.from([Buffer.from(text)])), 2), [
            '400: x',
            '400: y',
        ]);
    });

    it('reads the manifest from S3 and, when all records failed, the commonest error', async () => {
        const s3 = bucket({
            'out/j1/manifest.json.out':
                '{"totalRecordCount":3,"processedRecordCount":3,' +
                '"successRecordCount":0,"errorRecordCount":3,' +
                '"inputTokenCount":0,"outputTokenCount":0}',
            'out/j1/in.jsonl.out': [
                failedLine('1', 'anthropic_version: Field required'),
                failedLine('2', 'anthropic_version: Field required'),
                failedLine('3', 'other'),
            ].join('\n'),
        });
        const summary = await summaryFromS3(s3, { bucket: 'b', key: 'out/j1/' }, undefined);
        assert.equal(summary?.allFailed, true);
        assert.deepEqual(summary?.topError, {
            message: '400: anthropic_version: Field required',
            count: 2,
            outOf: 3,
        });
    });

    it('gives no summary when the job wrote no manifest', async () => {
        assert.equal(
            await summaryFromS3(
                bucket({ 'out/j2/in.jsonl.out': '' }),
                { bucket: 'b', key: 'out/j2/' },
                undefined,
            ),
            undefined,
        );
    });

    it('reads the manifest of a downloaded folder', async () => {
        const summary = await summaryFromFolder(join(fixtures, 'mixed'), undefined);
        assert.deepEqual([summary?.total, summary?.succeeded, summary?.failed], [8, 3, 3]);
    });
});

describe('results/loadResults', () => {
    it('loads a folder: index joined to the input, summary and notes', async () => {
        const loaded = await loadResults(join(fixtures, 'mixed'), {
            inputFile: join(fixtures, 'mixed', 'input.jsonl'),
            prices: [],
        });
        assert.equal(loaded.index.records.length, 9);
        assert.equal(loaded.view.title, 'mixed');
        assert.equal(loaded.view.canResubmit, true);
        assert.deepEqual(loaded.view.notes, [
            'Line 5 of input.jsonl.out: malformed output line: not valid JSON ' +
                `(${notJsonReason('{"modelInput":{"messages":[]},"modelOutput":{"content":[')}).`,
            'Joined to the input input.jsonl.',
            '1 output records have an id the input does not have.',
        ]);
    });

    it('says what is lost without the input', async () => {
        const loaded = await loadResults(join(fixtures, 'mixed'), { prices: [] });
        assert.equal(loaded.inputFile, undefined);
        assert.ok(
            loaded.view.notes.includes(
                '2 records never came back; open the input file to list them.',
            ),
        );
    });
});

function notJsonReason(text: string): string {
    try {
        JSON.parse(text);
        return '';
    } catch (error) {
        return error instanceof Error ? error.message : '';
    }
}

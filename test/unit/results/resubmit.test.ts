import * as assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFileLines } from '../../../src/results/lineReader';
import { outputsForInput, writeRetryFile, type RetryInput } from '../../../src/results/resubmit';
import { claimRetryName, retryBaseName } from '../../../src/results/retryFile';
import { mixed, tempFolder } from './fixturePaths';

function fileInput(path: string, name = 'input.jsonl'): RetryInput {
    return { name, lines: () => readFileLines(path) };
}

describe('results/resubmit', () => {
    const folder = tempFolder();
    after(() => folder.remove());

    it('writes exactly the failed and missing records, byte for byte, in input order', async () => {
        const directory = join(folder.path, 'mixed');
        mkdirSync(directory);
        const result = await writeRetryFile({
            inputs: [fileInput(mixed.input)],
            outputFiles: [mixed.output],
            directory,
        });
        assert.equal(result.path, join(directory, 'input.retry-1.jsonl'));
        assert.deepEqual(result.counts, { failed: 3, missing: 2, withoutId: 0, malformedInput: 0 });
        const inputLines = readFileSync(mixed.input, 'utf8').split('\n');
        const expected = [1, 4, 5, 6, 7].map((i) => `${inputLines[i]}\n`).join('');
        assert.equal(readFileSync(result.path ?? '', 'utf8'), expected);
        assert.deepEqual(readdirSync(directory), ['input.retry-1.jsonl']);
    });

    it('never overwrites: the next retry file takes the next number', async () => {
        const directory = join(folder.path, 'mixed');
        writeFileSync(join(directory, 'input.retry-2.jsonl'), 'keep me\n');
        const result = await writeRetryFile({
            inputs: [fileInput(mixed.input)],
            outputFiles: [mixed.output],
            directory,
        });
        assert.equal(result.path, join(directory, 'input.retry-3.jsonl'));
        assert.equal(readFileSync(join(directory, 'input.retry-2.jsonl'), 'utf8'), 'keep me\n');
    });

    it('keeps CRLF, repeats duplicate ids that lack a result, skips lines without id', async () => {
        const directory = join(folder.path, 'odd');
        mkdirSync(directory);
        const input = join(directory, 'odd.jsonl');
        writeFileSync(
            input,
            [
                '{"recordId":"a","modelInput":{"prompt":"one"}}\r\n',
                '{"recordId":"b","modelInput":{"prompt":"two"}}\r\n',
                '{"recordId":"b","modelInput":{"prompt":"two again"}}\r\n',
                '{"modelInput":{"prompt":"no id"}}\r\n',
                '\r\n',
                'not json\r\n',
                '{"recordId":"c","modelInput":{"prompt":"three"}}',
            ].join(''),
        );
        const output = join(directory, 'odd.jsonl.out');
        writeFileSync(
            output,
            [
                '{"modelInput":{},"modelOutput":{"generation":"1"},"recordId":"a"}',
                '{"modelInput":{},"modelOutput":{"generation":"2"},"recordId":"b"}',
                '{"modelInput":{},"error":{"errorCode":400,"errorMessage":"x"},"recordId":"c"}',
            ].join('\n'),
        );
        const result = await writeRetryFile({
            inputs: [fileInput(input, 'odd.jsonl')],
            outputFiles: [output],
            directory,
        });
        assert.deepEqual(result.counts, { failed: 1, missing: 1, withoutId: 1, malformedInput: 1 });
        assert.equal(
            readFileSync(result.path ?? '', 'utf8'),
            [
                '{"recordId":"b","modelInput":{"prompt":"two again"}}\r\n',
                '{"recordId":"c","modelInput":{"prompt":"three"}}\n',
            ].join(''),
        );
    });

    it('writes no file when every record succeeded', async () => {
        const directory = join(folder.path, 'done');
        mkdirSync(directory);
        const input = join(directory, 'done.jsonl');
        writeFileSync(input, '{"recordId":"a","modelInput":{}}\n');
        const output = join(directory, 'done.jsonl.out');
        writeFileSync(output, '{"modelOutput":{"generation":"ok"},"recordId":"a"}\n');
        const result = await writeRetryFile({
            inputs: [fileInput(input, 'done.jsonl')],
            outputFiles: [output],
            directory,
        });
        assert.equal(result.path, undefined);
        assert.deepEqual(readdirSync(directory).sort(), ['done.jsonl', 'done.jsonl.out']);
    });

    it('pairs an input with its own .out file when a job has several', () => {
        const outs = ['/r/a.jsonl.out', '/r/b.jsonl.out'];
        assert.deepEqual(outputsForInput('b.jsonl', outs), ['/r/b.jsonl.out']);
        assert.deepEqual(outputsForInput('renamed.jsonl', outs), outs);
    });

    it('names retries after the original input, also for a retry of a retry', async () => {
        assert.equal(retryBaseName('/data/records.jsonl'), 'records');
        assert.equal(retryBaseName('records.retry-2.jsonl'), 'records');
        const directory = join(folder.path, 'claim');
        mkdirSync(directory);
        const partial = join(directory, 'x.partial');
        writeFileSync(partial, 'new');
        writeFileSync(join(directory, 'records.retry-1.jsonl'), 'old');
        assert.equal(
            await claimRetryName(partial, directory, 'records'),
            join(directory, 'records.retry-2.jsonl'),
        );
        assert.deepEqual(readdirSync(directory).sort(), [
            'records.retry-1.jsonl',
            'records.retry-2.jsonl',
        ]);
    });
});

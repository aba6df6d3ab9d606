import * as assert from 'node:assert/strict';
import { checkFiles, checkText } from '../../../src/checker/check';
import type { Diagnostic, JobCheckResult } from '../../../src/checker/types';
import { CLAUDE } from './fixtures';
import { TempFiles, claudeLine, claudeLines } from './tempFiles';

function found(result: JobCheckResult, fileIndex = 0): string[] {
    return (result.files[fileIndex]?.diagnostics ?? []).map((d) => `${d.line} ${d.code}`);
}

function only(result: JobCheckResult, code: string, fileIndex = 0): Diagnostic {
    const matches = (result.files[fileIndex]?.diagnostics ?? []).filter((d) => d.code === code);
    assert.equal(matches.length, 1, `${code}: ${matches.length} found`);
    return matches[0]!;
}

describe('job and file quotas', function () {
    // Generated inputs of tens of thousands of lines; a busy CI machine needs the headroom.
    this.timeout(60_000);
    const temp = new TempFiles();
    after(() => temp.cleanup());

    it('flags the record after the 50,000th in a file and in the job, once each', async () => {
        const path = temp.write('big.jsonl', `${claudeLines(50_003).join('\n')}\n`);
        const result = await checkFiles([path], { modelId: CLAUDE });
        assert.deepEqual(found(result), [
            '50001 file-too-many-records',
            '50001 job-too-many-records',
            '50001 record-id-check-limited',
        ]);
        assert.match(only(result, 'file-too-many-records').message, /at most 50000 records/);
        assert.equal(result.stats.records, 50_003);
    });

    it('keeps exact recordIds only up to the limit and says so once', () => {
        const lines = claudeLines(15);
        lines[12] = claudeLine('late-dup');
        lines[13] = claudeLine('late-dup');
        lines[14] = claudeLine('r2');
        const result = checkText(lines.join('\n'), {
            modelId: CLAUDE,
            quotas: { maxRecordsPerJob: 10, maxRecordsPerFile: 100, minRecordsPerJob: 1 },
        });
        const codes = result.diagnostics.map((d) => `${d.line} ${d.code}`);
        assert.deepEqual(codes, [
            '11 job-too-many-records',
            '11 record-id-check-limited',
            '15 record-id-duplicate',
        ]);
        assert.match(result.diagnostics[2]?.message ?? '', /"r2" is already used on line 2/);
    });

    it('keeps the first 1,000 diagnostics of a file and counts the rest', async () => {
        const bad = Array.from({ length: 5000 }, (_, i) => `{"recordId": "x${i}", oops}`);
        const path = temp.write('bad.jsonl', bad.join('\n'));
        const result = await checkFiles([path], { modelId: CLAUDE });
        const file = result.files[0]!;
        assert.equal(file.diagnostics.length, 1000);
        assert.equal(file.counts['json-syntax'], 5000);
        assert.equal(file.omitted, 4000);
        assert.equal(file.errors, 5000);
        assert.equal(file.diagnostics.at(-1)?.line, 1000);
    });

    it('reports the line where a file or the job passes its size quota', async () => {
        const lines = claudeLines(20);
        const lineBytes = Buffer.byteLength(`${lines[0]}\n`);
        const a = temp.write('a.jsonl', `${lines.slice(0, 10).join('\n')}\n`);
        const b = temp.write('b.jsonl', `${lines.slice(10).join('\n')}\n`);
        const result = await checkFiles([a, b], {
            modelId: CLAUDE,
            quotas: {
                maxFileBytes: lineBytes * 7.5,
                maxJobBytes: lineBytes * 12.5,
                minRecordsPerJob: 1,
            },
        });
        assert.deepEqual(found(result, 0), ['8 file-too-large']);
        assert.deepEqual(found(result, 1), ['3 job-too-large', '8 file-too-large']);
    });

    it('treats several files as one job: repeats across files, totals, empty files', async () => {
        const a = temp.write('one.jsonl', `${claudeLine('same')}\n${claudeLine('a2')}\n`);
        const b = temp.write('two.jsonl', `${claudeLine('b1')}\n${claudeLine('same')}\n`);
        const empty = temp.write('empty.jsonl', '');
        const result = await checkFiles([a, b, empty], { modelId: CLAUDE });
        assert.deepEqual(found(result, 0), ['1 job-too-few-records']);
        const tooFew = only(result, 'job-too-few-records');
        assert.match(tooFew.message, /The job's 3 files hold 4 records/);
        assert.deepEqual(found(result, 1), ['2 record-id-duplicate']);
        assert.match(only(result, 'record-id-duplicate', 1).message, /line 1 of .*one\.jsonl/);
        assert.deepEqual(found(result, 2), ['1 file-no-records']);
        assert.equal(result.stats.records, 4);
        assert.equal(result.errors, 2);
    });

    it('stays quiet about job quotas when told the file is one of several', () => {
        const result = checkText(claudeLine('x'), { modelId: CLAUDE, jobQuotas: false });
        assert.deepEqual(result.diagnostics, []);
    });

    it('refuses Converse for an embeddings model', () => {
        const text = JSON.stringify({ recordId: 'e', modelInput: { inputText: 'x' } });
        const result = checkText(text, {
            modelId: 'amazon.titan-embed-text-v2:0',
            invocationType: 'Converse',
            jobQuotas: false,
        });
        assert.ok(result.diagnostics.some((d) => d.code === 'model-invocation-unsupported'));
    });

    it('refuses Converse for an embeddings model it knows only by its id', () => {
        const text = JSON.stringify({ recordId: 'e', modelInput: { texts: ['x'] } });
        const result = checkText(text, {
            modelId: 'us.cohere.embed-v4:0',
            invocationType: 'Converse',
            jobQuotas: false,
        });
        assert.match(
            result.diagnostics.find((d) => d.code === 'model-invocation-unsupported')?.message ?? '',
            /^us\.cohere\.embed-v4:0 is an embeddings model .* use InvokeModel$/,
        );
    });

    it('reports an empty file as a job with no records', async () => {
        const result = await checkFiles([temp.write('nothing.jsonl', '')], {});
        assert.match(only(result, 'job-too-few-records').message, /The job has 0 records/);
    });
});

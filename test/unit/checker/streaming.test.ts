import * as assert from 'node:assert/strict';
import { checkFiles, checkText } from '../../../src/checker/check';
import { TOKENS_PER_MEDIA_BLOCK } from '../../../src/checker/tokenEstimate';
import { CLAUDE } from './fixtures';
import { TempFiles, claudeLine, claudeLines } from './tempFiles';

const OPTIONS = { modelId: CLAUDE, quotas: { minRecordsPerJob: 1 } };

/** A Claude record with one base64 image as large as the real files' largest (~170 KB). */
function imageLine(id: string, base64Chars: number): string {
    return JSON.stringify({
        recordId: id,
        modelInput: {
            anthropic_version: 'bedrock-2023-05-31',
            max_tokens: 64,
            messages: [
                {
                    role: 'user',
                    content: [
                        {
                            type: 'image',
                            source: {
                                type: 'base64',
                                media_type: 'image/jpeg',
                                data: 'A'.repeat(base64Chars),
                            },
                        },
                        { type: 'text', text: 'Classify this garment.' },
                    ],
                },
            ],
        },
    });
}

describe('streaming from disk', function () {
    // Generated inputs of tens of thousands of lines; a busy CI machine needs the headroom.
    this.timeout(60_000);
    const temp = new TempFiles();
    after(() => temp.cleanup());

    it('checks 170 KB lines in small reads and counts the image, not its base64', async () => {
        const lines = [imageLine('img-1', 171_000), claudeLine('t'), imageLine('img-2', 5_700)];
        const path = temp.write('images.jsonl', lines.join('\n'));
        const result = await checkFiles([path], { ...OPTIONS, chunkBytes: 64 * 1024 });
        assert.deepEqual(result.files[0]?.diagnostics, []);
        assert.equal(result.stats.mediaBlocks, 2);
        const text = Math.ceil('Classify this garment.'.length / 4);
        assert.equal(result.stats.estimatedInputTokens, 2 * (TOKENS_PER_MEDIA_BLOCK + text) + 1);
    });

    it('skips a line over maxLineBytes without losing count of the lines after it', async () => {
        const lines = [claudeLine('a'), imageLine('huge', 5000), claudeLine('a'), 'oops'];
        const path = temp.write('long.jsonl', lines.join('\r\n'));
        for (const chunkBytes of [16, 1000, 1 << 20]) {
            const result = await checkFiles([path], { ...OPTIONS, maxLineBytes: 2000, chunkBytes });
            const seen = result.files[0]?.diagnostics.map((d) => `${d.line} ${d.code}`);
            assert.deepEqual(
                seen,
                ['2 line-too-long', '3 record-id-duplicate', '4 json-syntax'],
                `chunkBytes ${chunkBytes}`,
            );
            assert.equal(result.stats.records, 4);
        }
        const last = temp.write('longLast.jsonl', `${claudeLine('a')}\n${imageLine('huge', 5000)}`);
        const tail = await checkFiles([last], { ...OPTIONS, maxLineBytes: 2000, chunkBytes: 100 });
        const tailCodes = tail.files[0]?.diagnostics.map((d) => `${d.line} ${d.code}`);
        assert.deepEqual(tailCodes, ['2 line-too-long']);
    });

    it('reads CRLF, BOM, blank lines, no last newline the same in any read size', async () => {
        const lines = ['', ...claudeLines(3, 'k'), '', claudeLine('k4', 'naïve 東京 🌧️')];
        const body = lines.join('\r\n');
        const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)]);
        const path = temp.write('mixed.jsonl', bytes);
        const reference = await checkFiles([path], OPTIONS);
        assert.deepEqual(
            reference.files[0]?.diagnostics.map((d) => `${d.line} ${d.code}`),
            ['1 encoding-bom', '1 blank-line', '5 blank-line'],
        );
        assert.equal(reference.stats.records, 4);
        assert.equal(reference.stats.bytes, bytes.length);
        for (let chunkBytes = 4; chunkBytes <= 12; chunkBytes++) {
            const result = await checkFiles([path], { ...OPTIONS, chunkBytes });
            assert.deepEqual(result.files, reference.files, `chunkBytes ${chunkBytes}`);
        }
        const text = checkText(bytes.toString('utf8'), OPTIONS);
        assert.deepEqual(text.diagnostics, reference.files[0]?.diagnostics);
    });

    it('reads UTF-16 (LE, BE, long lines) alike in any read size, with one error', async () => {
        const lines = [claudeLine('u1', 'naïve 東京 🌧️'), imageLine('huge', 5000), '', 'oops'];
        const text = `${lines.join('\r\n')}\r\n`;
        const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
        const big = Buffer.from(text, 'utf16le').swap16();
        const expected = ['1 encoding-utf16', '2 line-too-long', '3 blank-line', '4 json-syntax'];
        for (const [name, bytes] of [['le.jsonl', little], ['be.jsonl', big]] as const) {
            const path = temp.write(name, bytes);
            for (const chunkBytes of [4, 5, 7, 64, 1 << 20]) {
                const result = await checkFiles([path], {
                    ...OPTIONS,
                    maxLineBytes: 4000,
                    chunkBytes,
                });
                const [file] = result.files;
                assert.deepEqual(
                    file?.diagnostics.map((d) => `${d.line} ${d.code}`),
                    expected,
                    `${name}, chunkBytes ${chunkBytes}`,
                );
                assert.equal(file?.stats.records, 3);
                assert.equal(file?.stats.bytes, bytes.length);
            }
        }
    });

    it('names CR-only line endings once, also on a line too long to read', async () => {
        const records = claudeLines(40, 'c').join('\r');
        const path = temp.write('classicMac.jsonl', `${records}\r`);
        for (const maxLineBytes of [1000, 1 << 20]) {
            for (const chunkBytes of [100, 1 << 20]) {
                const result = await checkFiles([path], { ...OPTIONS, maxLineBytes, chunkBytes });
                const [diagnostic, ...rest] = result.files[0]?.diagnostics ?? [];
                assert.equal(diagnostic?.code, 'line-ending-cr', `${maxLineBytes}/${chunkBytes}`);
                assert.match(diagnostic?.message ?? '', /convert the line endings to LF/);
                assert.deepEqual(rest, []);
            }
        }
        // CRLF is not CR-only, however the reads cut it.
        const crlf = temp.write('crlf.jsonl', `${claudeLines(40, 'd').join('\r\n')}\r\n`);
        for (const chunkBytes of [99, 100, 101]) {
            const result = await checkFiles([crlf], { ...OPTIONS, maxLineBytes: 50, chunkBytes });
            const found = new Set(result.files[0]?.diagnostics.map((d) => d.code));
            assert.deepEqual([...found], ['line-too-long'], `chunkBytes ${chunkBytes}`);
        }
    });

    it('reports progress up to the total size of all files', async () => {
        const a = temp.write('p1.jsonl', claudeLines(200).join('\n'));
        const b = temp.write('p2.jsonl', claudeLines(200, 's').join('\n'));
        const seen: [number, number][] = [];
        const result = await checkFiles([a, b], {
            ...OPTIONS,
            chunkBytes: 4096,
            onProgress: (read, total) => seen.push([read, total]),
        });
        assert.ok(seen.length > 4);
        assert.deepEqual(seen.at(-1), [result.stats.bytes, result.stats.bytes]);
        assert.ok(seen.every(([read], i) => i === 0 || read > (seen[i - 1]?.[0] ?? 0)));
    });

    it('stops with an AbortError when cancelled, before or during the read', async () => {
        const path = temp.write('abort.jsonl', claudeLines(500).join('\n'));
        const early = new AbortController();
        early.abort();
        await assert.rejects(checkFiles([path], { ...OPTIONS, signal: early.signal }), {
            name: 'AbortError',
        });
        const midway = new AbortController();
        let calls = 0;
        await assert.rejects(
            checkFiles([path], {
                ...OPTIONS,
                chunkBytes: 1024,
                signal: midway.signal,
                onProgress: () => {
                    calls++;
                    midway.abort();
                },
            }),
            { name: 'AbortError' },
        );
        assert.equal(calls, 1);
    });

    it('rejects with the file system error for a missing file', async () => {
        await assert.rejects(checkFiles(['/nonexistent/input.jsonl'], OPTIONS), {
            name: 'InputFileError',
            problem: 'missing',
            code: 'ENOENT',
            message: 'cannot read /nonexistent/input.jsonl: no such file',
        });
    });
});

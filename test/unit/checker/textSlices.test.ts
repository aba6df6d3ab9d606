import * as assert from 'node:assert/strict';
import { checkText, checkTextInSlices, type LineSource } from '../../../src/checker/check';
import { BAD, GOOD, optionsFor } from './corpusCases';
import { CLAUDE, fixturePath, fixtureText } from './fixtures';
import { claudeLine } from './tempFiles';

/** A document of `lines` records where every fifth line is broken. */
function document(lines: number): string {
    return Array.from({ length: lines }, (_, i) =>
        i % 5 === 0 ? `{"recordId": "r${i}", ` : claudeLine(`r${i}`, 'x'.repeat(200)),
    ).join('\n');
}

describe('checkTextInSlices (the editor check)', () => {
    it('finds exactly what checkText finds, for every corpus file', async () => {
        const cases = [...GOOD, ...BAD];
        for (const c of cases) {
            const options = optionsFor(c.model ?? '', c.invocationType);
            const text = fixtureText(c.file);
            const path = fixturePath(c.file);
            const sliced = await checkTextInSlices(text, options, path, { sliceMs: 0 });
            assert.deepEqual(sliced, checkText(text, options, path), c.file);
        }
    });

    it('finds the same in an editor\'s lines (LF or CRLF) as in its text', async () => {
        const cases = [...GOOD, ...BAD].filter((c) => c.file !== 'bad/crOnly.jsonl');
        for (const c of cases) {
            const options = optionsFor(c.model ?? '', c.invocationType);
            const text = fixtureText(c.file);
            const eol: LineSource['eol'] = text.includes('\r\n') ? '\r\n' : '\n';
            const lines = text.split(eol);
            const source = { lineCount: lines.length, lineAt: (i: number) => lines[i] ?? '', eol };
            const path = fixturePath(c.file);
            const sliced = await checkTextInSlices(source, options, path, { sliceMs: 0 });
            assert.deepEqual(sliced, checkText(text, options, path), c.file);
        }
        for (const text of ['', '\n', '\n\n', '\uFEFF', '\uFEFF\n', 'x', 'x\n', 'x\n\ny']) {
            const lines = text.split('\n');
            const source: LineSource = {
                lineCount: lines.length,
                lineAt: (i) => lines[i] ?? '',
                eol: '\n',
            };
            const sliced = await checkTextInSlices(source, { jobQuotas: false });
            assert.deepEqual(sliced, checkText(text, { jobQuotas: false }), JSON.stringify(text));
        }
    });

    it('gives the event loop a turn between slices', async () => {
        const text = document(20_000);
        let turns = 0;
        let done = false;
        const counting = setInterval(() => {
            if (!done) {
                turns++;
            }
        }, 0);
        try {
            const result = await checkTextInSlices(text, { modelId: CLAUDE }, 'doc.jsonl', {
                sliceMs: 1,
            });
            done = true;
            assert.equal(result.stats.records, 20_000);
            assert.equal(result.counts['json-syntax'], 4000);
        } finally {
            clearInterval(counting);
        }
        assert.ok(turns > 0, 'no timer ran while the document was checked');
    });

    it('stops when its signal aborts, before checking the rest', async () => {
        const controller = new AbortController();
        const checking = checkTextInSlices(document(20_000), { modelId: CLAUDE }, 'doc.jsonl', {
            signal: controller.signal,
            sliceMs: 1,
        });
        setImmediate(() => controller.abort());
        await assert.rejects(checking, { name: 'AbortError' });
    });
});

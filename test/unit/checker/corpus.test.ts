import * as assert from 'node:assert/strict';
import { checkFiles, checkText } from '../../../src/checker/check';
import { familyOf, baseModelIdOf } from '../../../src/checker/modelTarget';
import type { Diagnostic } from '../../../src/checker/types';
import { BAD, GOOD, optionsFor, type Expected } from './corpusCases';
import { CLAUDE, fixturePath, fixtureText, lineOf } from './fixtures';

function describeAll(diagnostics: readonly Diagnostic[]): string[] {
    return diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`);
}

describe('checker corpus: good files', () => {
    for (const good of GOOD) {
        it(`passes ${good.file} for ${good.model} with no diagnostics`, async () => {
            const result = await checkFiles(
                [fixturePath(good.file)],
                optionsFor(good.model, good.invocationType),
            );
            const [file] = result.files;
            assert.deepEqual(describeAll(file?.diagnostics ?? []), []);
            assert.equal(result.stats.records, good.records);
            assert.ok(result.stats.estimatedInputTokens > 0);
        });
    }

    it('has a good file for every model family the checker knows', () => {
        const covered = new Set(
            GOOD.filter((g) => g.invocationType !== 'Converse').map((g) =>
                familyOf(baseModelIdOf(g.model)),
            ),
        );
        const expected = [
            'anthropic',
            'nova',
            'titan-text',
            'titan-embed-text-v2',
            'llama',
            'mistral',
            'openai',
        ];
        assert.deepEqual([...covered].sort(), [...expected].sort());
        assert.ok(GOOD.some((g) => g.invocationType === 'Converse'));
    });
});

function matches(actual: readonly Diagnostic[], expected: readonly Expected[]): void {
    assert.deepEqual(
        actual.map((d) => [d.code, d.line, d.column]),
        expected.map(([code, line, column]) => {
            const found = actual.find((d) => d.code === code && d.line === line);
            return [code, line, column ?? found?.column];
        }),
    );
}

describe('checker corpus: one bad file per fault class', () => {
    for (const bad of BAD) {
        const mode = bad.invocationType ?? 'InvokeModel';
        it(`reports ${bad.file} for ${bad.model ?? 'no model'} (${mode})`, async () => {
            const result = await checkFiles(
                [fixturePath(bad.file)],
                optionsFor(bad.model ?? '', bad.invocationType),
            );
            const diagnostics = result.files[0]?.diagnostics ?? [];
            matches(diagnostics, bad.expected);
            for (const [code, text] of Object.entries(bad.says ?? {})) {
                const said = diagnostics.filter((d) => d.code === code).map((d) => d.message);
                assert.ok(said.some((m) => m.includes(text)), `${code}: ${text}`);
            }
        });
    }

    it('reports json-syntax columns in UTF-16 code units, as VS Code counts them', async () => {
        const line = lineOf('bad/jsonSyntax.jsonl', 4);
        assert.notEqual(line.length, Buffer.byteLength(line), 'the line must hold non-ASCII');
        const result = await checkFiles([fixturePath('bad/jsonSyntax.jsonl')], optionsFor(CLAUDE));
        const onLine4 = result.files[0]?.diagnostics.find((d) => d.line === 4);
        assert.equal(onLine4?.column, line.length + 1);
    });

    it('says how many records a too-small job has and what the minimum is', async () => {
        const result = await checkFiles([fixturePath('bad/tooFewRecords.jsonl')], {
            modelId: CLAUDE,
        });
        const [only] = result.files[0]?.diagnostics ?? [];
        assert.equal(only?.code, 'job-too-few-records');
        assert.equal(only?.line, 1);
        assert.match(only?.message ?? '', /has 3 records; Bedrock needs at least 100 per job/);
        assert.equal(result.errors, 1);
    });

    it('still counts and estimates the records around a bad one', async () => {
        const result = await checkFiles([fixturePath('bad/blankLines.jsonl')], optionsFor(CLAUDE));
        assert.equal(result.stats.records, 3);
        assert.equal(result.stats.blankLines, 2);
        assert.equal(result.stats.maxOutputTokens, 300);
        const syntax = await checkFiles([fixturePath('bad/jsonSyntax.jsonl')], optionsFor(CLAUDE));
        assert.equal(syntax.stats.records, 8);
        assert.equal(syntax.stats.recordsNotEstimated, 6);
        assert.equal(syntax.stats.maxOutputTokens, 200);
    });
});

describe('checker corpus: disk and editor text agree', () => {
    const cases = [
        ...GOOD.map((g) => ({ file: g.file, model: g.model, invocationType: g.invocationType })),
        ...BAD,
    ];
    for (const c of cases) {
        it(`gives one result for ${c.file} from disk, from text and in tiny reads`, async () => {
            const options = optionsFor(c.model ?? '', c.invocationType);
            const disk = await checkFiles([fixturePath(c.file)], options);
            const tiny = await checkFiles([fixturePath(c.file)], { ...options, chunkBytes: 7 });
            // Invalid UTF-8 cannot exist in a decoded editor document: skip that comparison.
            const text = checkText(fixtureText(c.file), options, fixturePath(c.file));
            const diskFile = disk.files[0];
            assert.deepEqual(tiny.files[0], diskFile);
            if (c.file.startsWith('bad/utf16')) {
                // Read as UTF-8, as an editor that missed the encoding would: one error, no more.
                assert.deepEqual(
                    text.diagnostics.map((d) => d.code),
                    ['encoding-utf16'],
                );
            } else if (c.file !== 'bad/invalidUtf8.jsonl') {
                assert.deepEqual(text.diagnostics, diskFile?.diagnostics);
                assert.deepEqual(text.stats, diskFile?.stats);
            }
        });
    }
});

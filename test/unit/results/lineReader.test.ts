import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
    isBlank,
    lineText,
    readAt,
    readFileLines,
    splitLines,
    type RawLine,
} from '../../../src/results/lineReader';
import { tempFolder } from './fixturePaths';

async function collect(
    lines: AsyncIterable<RawLine>,
): Promise<{ text: string; offset: number; terminated: boolean }[]> {
    const seen = [];
    for await (const line of lines) {
        seen.push({
            text: line.bytes.toString('utf8'),
            offset: line.offset,
            terminated: line.terminated,
        });
    }
    return seen;
}

function chunksOf(...chunks: string[]): AsyncIterable<Buffer> {
    return Readable.from(chunks.map((chunk) => Buffer.from(chunk, 'utf8')));
}

describe('results/lineReader', () => {
    it('splits lines cut across chunks and keeps their byte offsets', async () => {
        const lines = await collect(splitLines(chunksOf('{"a":1}\n{"b"', ':2}\n\n{"c":', '3}')));
        assert.deepEqual(lines, [
            { text: '{"a":1}', offset: 0, terminated: true },
            { text: '{"b":2}', offset: 8, terminated: true },
            { text: '', offset: 16, terminated: true },
            { text: '{"c":3}', offset: 17, terminated: false },
        ]);
    });

    it('counts offsets in bytes, not characters, for multi-byte text', async () => {
        const lines = await collect(splitLines(chunksOf('"é"\n"x"\n')));
        assert.deepEqual(
            lines.map((l) => l.offset),
            [0, 5],
        );
    });

    it('keeps a carriage return in the bytes but not in the text', async () => {
        const [line] = await collect(splitLines(chunksOf('{"a":1}\r\n')));
        assert.equal(line?.text, '{"a":1}\r');
        assert.equal(lineText(Buffer.from('{"a":1}\r')), '{"a":1}');
    });

    it('drops a byte-order mark from the text', () => {
        assert.equal(lineText(Buffer.from('\ufeff{"a":1}', 'utf8')), '{"a":1}');
    });

    it('treats spaces, tabs and a lone carriage return as blank', () => {
        assert.equal(isBlank(Buffer.from(' \t\r')), true);
        assert.equal(isBlank(Buffer.from(' x ')), false);
    });

    it('reads a file line by line and a line again by its offset', async () => {
        const folder = tempFolder();
        try {
            const path = join(folder.path, 'lines.jsonl');
            writeFileSync(path, 'first\nsecond line\nthird');
            const lines = await collect(readFileLines(path));
            assert.deepEqual(
                lines.map((l) => l.text),
                ['first', 'second line', 'third'],
            );
            const handle = await open(path, 'r');
            try {
                const again = await readAt(handle, lines[1]?.offset ?? -1, 'second line'.length);
                assert.equal(again.toString('utf8'), 'second line');
            } finally {
                await handle.close();
            }
        } finally {
            folder.remove();
        }
    });

    it('stops when its signal is aborted', async () => {
        const controller = new AbortController();
        controller.abort();
        await assert.rejects(
            collect(splitLines(chunksOf('a\nb\n'), { signal: controller.signal })),
            {
                name: 'AbortError',
            },
        );
    });
});

import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
    downloadObjects,
    localPath,
    NoResultObjectsError,
    UnsafeKeyError,
    type S3Object,
    type S3Reader,
} from '../../../src/results/downloadObjects';
import { tempFolder } from './fixturePaths';

/** An in-memory bucket; `failOn` makes the body of that key break after its first chunk. */
function fakeS3(objects: Record<string, string>, failOn?: string): S3Reader & { gets: string[] } {
    const gets: string[] = [];
    return {
        gets,
        list: (_bucket, prefix) =>
            Promise.resolve(
                Object.entries(objects)
                    .filter(([key]) => key.startsWith(prefix))
                    .map(([key, body]): S3Object => ({ key, size: Buffer.byteLength(body) })),
            ),
        get: (_bucket, key) => {
            gets.push(key);
            const body = Buffer.from(objects[key] ?? '');
            if (key !== failOn) {
                return Promise.resolve(Readable.from([body.subarray(0, 3), body.subarray(3)]));
            }
            return Promise.resolve(
                Readable.from(
                    (function* () {
                        yield body.subarray(0, 3);
                        throw new Error('connection reset');
                    })(),
                ),
            );
        },
    };
}

const bucketObjects = {
    'out/job123/data.jsonl.out': '{"recordId":"1"}\n{"recordId":"2"}\n',
    'out/job123/manifest.json.out': '{"totalRecordCount":2}',
    'out/job123/notes.txt': 'not a result',
    'out/job999/other.jsonl.out': 'another job',
};

describe('results/downloadObjects', () => {
    const folder = tempFolder();
    after(() => folder.remove());

    it('writes every .out object of the job and the extra files, with progress', async () => {
        const target = join(folder.path, 'ok', 'job-job123');
        const seen: number[] = [];
        const result = await downloadObjects(fakeS3(bucketObjects), {
            bucket: 'b',
            prefix: 'out/job123/',
            folder: target,
            extraFiles: [{ name: 'bedrock-batch-job.json', content: '{}\n' }],
            onProgress: (p) => seen.push(p.bytes),
        });
        assert.deepEqual(readdirSync(target).sort(), [
            'bedrock-batch-job.json',
            'data.jsonl.out',
            'manifest.json.out',
        ]);
        assert.equal(
            readFileSync(join(target, 'data.jsonl.out'), 'utf8'),
            bucketObjects['out/job123/data.jsonl.out'],
        );
        assert.equal(result.files.length, 3);
        assert.equal(result.bytes, 34 + 22);
        assert.equal(seen.at(-1), 56);
    });

    it('removes partial files and the folders it created when a download breaks', async () => {
        const parent = join(folder.path, 'broken');
        const target = join(parent, 'deeper', 'job-job123');
        await assert.rejects(
            downloadObjects(fakeS3(bucketObjects, 'out/job123/manifest.json.out'), {
                bucket: 'b',
                prefix: 'out/job123/',
                folder: target,
            }),
            /connection reset/,
        );
        assert.equal(existsSync(parent), false);
    });

    it('leaves an existing folder and its files alone when cancelled', async () => {
        const target = join(folder.path, 'existing');
        mkdirSync(target);
        writeFileSync(join(target, 'mine.txt'), 'keep');
        const abort = new AbortController();
        abort.abort();
        await assert.rejects(
            downloadObjects(fakeS3(bucketObjects), {
                bucket: 'b',
                prefix: 'out/job123/',
                folder: target,
                signal: abort.signal,
            }),
            { name: 'AbortError' },
        );
        assert.deepEqual(readdirSync(target), ['mine.txt']);
    });

    it('says so when the job wrote nothing', async () => {
        await assert.rejects(
            downloadObjects(fakeS3(bucketObjects), {
                bucket: 'b',
                prefix: 'out/none/',
                folder: join(folder.path, 'none'),
            }),
            (error: unknown) =>
                error instanceof NoResultObjectsError &&
                error.message === 'No result files under s3://b/out/none/',
        );
        assert.equal(existsSync(join(folder.path, 'none')), false);
    });

    it('refuses keys that would be written outside the folder', () => {
        assert.throws(
            () => localPath('/tmp/r', '../escape.out'),
            (error: unknown) =>
                error instanceof UnsafeKeyError &&
                error.key === '../escape.out' &&
                error.reason === 'names the parent folder ("..")',
        );
        assert.equal(localPath('/tmp/r', 'sub/a.out'), join('/tmp/r', 'sub', 'a.out'));
    });

    it('skips unsafe keys, names them with the reason, and writes the others', async () => {
        const target = join(folder.path, 'hostile');
        const objects = {
            'out/job123/data.jsonl.out': 'kept\n',
            'out/job123//etc/passwd.out': 'x',
            'out/job123/C:evil.out': 'x',
            'out/job123/a/../../b.out': 'x',
            'out/job123/nul\u0000.out': 'x',
        };
        const result = await downloadObjects(fakeS3(objects), {
            bucket: 'b',
            prefix: 'out/job123/',
            folder: target,
        });
        assert.deepEqual(readdirSync(target), ['data.jsonl.out']);
        assert.deepEqual(result.skipped, [
            { key: 'out/job123//etc/passwd.out', reason: 'is an absolute path' },
            { key: 'out/job123/C:evil.out', reason: 'starts with a drive letter' },
            { key: 'out/job123/a/../../b.out', reason: 'names the parent folder ("..")' },
            { key: 'out/job123/nul\u0000.out', reason: 'contains a NUL character' },
        ]);
        assert.equal(existsSync(join(folder.path, 'b.out')), false);
    });

    it('fails, writing nothing, when no result key is safe', async () => {
        const target = join(folder.path, 'all-hostile');
        await assert.rejects(
            downloadObjects(fakeS3({ 'out/job123/x\\y.out': 'x' }), {
                bucket: 'b',
                prefix: 'out/job123/',
                folder: target,
            }),
            {
                message:
                    'No result file under s3://b/out/job123/ can be written to the folder: ' +
                    '"out/job123/x\\\\y.out" contains "\\", a folder separator on Windows',
            },
        );
        assert.equal(existsSync(target), false);
    });
});

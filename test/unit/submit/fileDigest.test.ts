import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareRemote, digestFile, MIB } from '../../../src/submit/fileDigest';

const md5 = (data: Buffer): Buffer => createHash('md5').update(data).digest();

/** The ETag S3 gives a multipart upload: MD5 of the parts' MD5s, dash, part count. */
function multipartEtag(data: Buffer, partSize: number): string {
    const parts: Buffer[] = [];
    for (let offset = 0; offset < data.length; offset += partSize) {
        parts.push(md5(data.subarray(offset, offset + partSize)));
    }
    return `"${md5(Buffer.concat(parts)).toString('hex')}-${parts.length}"`;
}

describe('fileDigest', () => {
    let dir: string;
    before(() => {
        dir = mkdtempSync(join(tmpdir(), 'digest-'));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('gives the SHA-256 and the single-PUT ETag of a small file', async () => {
        const data = Buffer.from('{"recordId":"a","modelInput":{}}\n');
        const file = join(dir, 'small.jsonl');
        writeFileSync(file, data);
        const digest = await digestFile(file);
        assert.equal(digest.size, data.length);
        assert.equal(digest.sha256, createHash('sha256').update(data).digest('hex'));
        assert.deepEqual(digest.etags, [`"${md5(data).toString('hex')}"`]);
    });

    it('recomputes the multipart ETags of common part sizes', async () => {
        const data = Buffer.alloc(11 * MIB + 123, 7);
        data.write('different start');
        const file = join(dir, 'big.jsonl');
        writeFileSync(file, data);
        const digest = await digestFile(file);
        assert.ok(digest.etags.includes(multipartEtag(data, 5 * MIB)));
        assert.ok(digest.etags.includes(multipartEtag(data, 8 * MIB)));
        assert.ok(digest.etags.includes(multipartEtag(data, 16 * MIB)));
    });

    it('reports bytes read and stops when aborted', async () => {
        const file = join(dir, 'abort.jsonl');
        writeFileSync(file, Buffer.alloc(3 * MIB));
        let seen = 0;
        await digestFile(file, { onBytes: (n) => (seen += n) });
        assert.equal(seen, 3 * MIB);
        const controller = new AbortController();
        controller.abort();
        await assert.rejects(digestFile(file, { signal: controller.signal }), {
            name: 'AbortError',
        });
    });
});

describe('compareRemote', () => {
    const local = {
        size: 10,
        sha256: 'abc',
        etags: ['"0123456789abcdef0123456789abcdef"', '"ffff-2"'],
    };

    it('trusts the SHA-256 this extension stored on upload', () => {
        assert.equal(compareRemote(local, { size: 10, etag: '"x"', sha256: 'abc' }), 'same');
        assert.equal(compareRemote(local, { size: 10, etag: '"x"', sha256: 'abd' }), 'different');
    });

    it('falls back to ETags, and a different size is always different', () => {
        assert.equal(
            compareRemote(local, {
                size: 10,
                etag: '"0123456789abcdef0123456789abcdef"',
                sha256: undefined,
            }),
            'same',
        );
        assert.equal(
            compareRemote(local, { size: 10, etag: '"ffff-2"', sha256: undefined }),
            'same',
        );
        assert.equal(
            compareRemote(local, {
                size: 10,
                etag: '"00000000000000000000000000000000"',
                sha256: undefined,
            }),
            'different',
        );
        assert.equal(
            compareRemote(local, { size: 11, etag: '"ffff-2"', sha256: 'abc' }),
            'different',
        );
    });

    it('says unknown when the ETag cannot be recomputed', () => {
        assert.equal(
            compareRemote(local, { size: 10, etag: '"aaaa-7"', sha256: undefined }),
            'unknown',
        );
        assert.equal(
            compareRemote(local, { size: 10, etag: undefined, sha256: undefined }),
            'unknown',
        );
    });
});

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { localPath, unsafeKeyReason, UnsafeKeyError } from '../../../src/results/keyPath';

const windows = { ...path.win32, posix: path.posix, win32: path.win32 };
const linux = { ...path.posix, posix: path.posix, win32: path.win32 };

function reasonOf(run: () => string): string {
    try {
        return `written to ${run()}`;
    } catch (error) {
        assert.ok(error instanceof UnsafeKeyError, String(error));
        return error.reason;
    }
}

describe('results/keyPath', () => {
    const winFolder = 'D:\\results\\job-abc';

    it('writes plain relative keys inside the folder on both platforms', () => {
        assert.equal(
            localPath(winFolder, 'sub/a.jsonl.out', windows),
            'D:\\results\\job-abc\\sub\\a.jsonl.out',
        );
        assert.equal(localPath('/home/u/r', 'sub/a.jsonl.out', linux), '/home/u/r/sub/a.jsonl.out');
        assert.equal(unsafeKeyReason('a b (1) $x.jsonl.out', windows), undefined);
    });

    const refused: [key: string, reason: string][] = [
        ['', 'names the folder itself'],
        ['C:/Windows/System32/evil.out', 'is an absolute path'],
        ['C:evil.out', 'starts with a drive letter'],
        ['\\\\attacker\\share/x.out', 'is an absolute path'],
        ['/etc/cron.d/x.out', 'is an absolute path'],
        ['..\\..\\evil.out', 'contains "\\", a folder separator on Windows'],
        ['a/..\\x.out', 'contains "\\", a folder separator on Windows'],
        ['a/b:stream.out', 'contains ":", a drive or stream separator on Windows'],
        ['a/../x.out', 'names the parent folder ("..")'],
        ['./x.out', 'names the current folder (".")'],
        ['a//x.out', 'has an empty folder name (a leading, trailing or double "/")'],
        ['a/x.out\u0000.txt', 'contains a NUL character'],
    ];
    for (const [key, reason] of refused) {
        it(`refuses ${JSON.stringify(key)} with Windows and with Linux rules`, () => {
            assert.equal(reasonOf(() => localPath(winFolder, key, windows)), reason);
            assert.equal(reasonOf(() => localPath('/home/u/r', key, linux)), reason);
        });
    }

    it('refuses names Windows would open as devices or rename, only under Windows rules', () => {
        const cases: [string, string][] = [
            ['CON.out', 'names a Windows device ("CON.out")'],
            ['sub/nul', 'names a Windows device ("nul")'],
            ['com1.jsonl.out', 'names a Windows device ("com1.jsonl.out")'],
            ['a.out.', 'has a name ending in "." or a space, which Windows drops'],
            ['a?.out', 'contains a character Windows does not allow in file names'],
        ];
        for (const [key, reason] of cases) {
            assert.equal(unsafeKeyReason(key, windows), reason, key);
            assert.equal(unsafeKeyReason(key, linux), undefined, key);
        }
        assert.equal(unsafeKeyReason('console.out', windows), undefined);
    });

    it('names the key and the reason in the error message', () => {
        assert.throws(() => localPath('/r', 'C:evil.out', linux), {
            message: 'Refused the S3 key "C:evil.out": it starts with a drive letter',
        });
    });
});

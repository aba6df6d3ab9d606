// Breaker evidence: where an S3 key of a job's output folder is written on Windows. The
// module reads node:path's functions at call time, so they are swapped for path.win32's here to
// run its containment check with Windows semantics on any machine.
import * as assert from 'node:assert/strict';
// `import =` gives the module object itself (not a copy), so swapping its members is seen.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import path = require('node:path');
import { localPath } from '../../../src/results/downloadObjects';

type PathModule = typeof path;
const mutable = path as unknown as Record<keyof PathModule, unknown>;
const windows = path.win32 as unknown as Record<keyof PathModule, unknown>;
const swapped: (keyof PathModule)[] = [
    'resolve',
    'relative',
    'join',
    'dirname',
    'isAbsolute',
    'normalize',
    'sep',
];

function withWindowsPaths<T>(run: () => T): T {
    const saved = swapped.map((key) => [key, mutable[key]] as const);
    for (const key of swapped) {
        mutable[key] = windows[key];
    }
    try {
        return run();
    } finally {
        for (const [key, value] of saved) {
            mutable[key] = value;
        }
    }
}

describe('breaker: result keys that leave the download folder on Windows', () => {
    const folder = 'D:\\results\\my-job-abc123';

    it('refuses "..\\" (control: this one is caught)', () => {
        assert.throws(() => withWindowsPaths(() => localPath(folder, '..\\..\\evil.out')));
    });

    for (const key of ['C:/Windows/System32/evil.out', 'C:evil.out', '\\\\attacker\\share/x.out']) {
        it(`refuses the key ${JSON.stringify(key)}`, () => {
            let written: string | undefined;
            try {
                written = withWindowsPaths(() => localPath(folder, key));
            } catch {
                return;
            }
            assert.fail(`the key would be written to ${written}, outside ${folder}`);
        });
    }
});

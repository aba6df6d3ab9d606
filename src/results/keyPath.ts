/**
 * Where an S3 key of a job's output folder is written locally. Whoever can write to that S3
 * prefix chooses the keys, so a key becomes a path only when each of its segments is a plain
 * file or folder name on this system and the result stays inside the download folder. The path
 * functions are read from node:path at call time, so the rules follow the platform's.
 */
import * as nodePath from 'node:path';

/** The path rules keys are checked against: node:path (this platform's), or path.win32. */
export type PathRules = Pick<
    typeof nodePath,
    'isAbsolute' | 'posix' | 'relative' | 'resolve' | 'sep' | 'win32'
>;

export class UnsafeKeyError extends Error {
    constructor(
        /** The key below the job's prefix, as S3 listed it. */
        readonly key: string,
        /** Why it cannot be written, e.g. "is an absolute path". */
        readonly reason: string,
    ) {
        super(`Refused the S3 key ${JSON.stringify(key)}: it ${reason}`);
        this.name = 'UnsafeKeyError';
    }
}

/** Names Windows opens as devices whatever the extension (CON, NUL.out, COM1.txt...). */
const windowsDevice = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;
/** Characters no Windows file name may hold (besides `\` and `:`, refused everywhere). */
const windowsForbidden = /[<>"|?*\p{Cc}]/u;

/** Why a key cannot be a file inside the folder (worded after "it"), or undefined when it can. */
export function unsafeKeyReason(key: string, paths: PathRules = nodePath): string | undefined {
    if (key === '') {
        return 'names the folder itself';
    }
    if (key.includes('\0')) {
        return 'contains a NUL character';
    }
    if (paths.posix.isAbsolute(key) || paths.win32.isAbsolute(key)) {
        return 'is an absolute path';
    }
    if (/^[A-Za-z]:/.test(key)) {
        return 'starts with a drive letter';
    }
    const onWindows = paths.sep === '\\';
    for (const segment of key.split('/')) {
        const reason = segmentReason(segment, onWindows);
        if (reason !== undefined) {
            return reason;
        }
    }
    return undefined;
}

function segmentReason(segment: string, onWindows: boolean): string | undefined {
    if (segment === '') {
        return 'has an empty folder name (a leading, trailing or double "/")';
    }
    if (segment === '.' || segment === '..') {
        return `names the ${segment === '.' ? 'current' : 'parent'} folder ("${segment}")`;
    }
    if (segment.includes('\\')) {
        return 'contains "\\", a folder separator on Windows';
    }
    if (segment.includes(':')) {
        return 'contains ":", a drive or stream separator on Windows';
    }
    if (!onWindows) {
        return undefined;
    }
    if (windowsForbidden.test(segment)) {
        return 'contains a character Windows does not allow in file names';
    }
    if (windowsDevice.test(segment)) {
        return `names a Windows device ("${segment}")`;
    }
    if (/[. ]$/.test(segment)) {
        return 'has a name ending in "." or a space, which Windows drops';
    }
    return undefined;
}

/**
 * The path a key below the job's prefix is written to. Throws UnsafeKeyError for a key that is
 * not a relative path of plain names, or that would resolve outside the folder.
 */
export function localPath(folder: string, key: string, paths: PathRules = nodePath): string {
    const reason = unsafeKeyReason(key, paths);
    if (reason !== undefined) {
        throw new UnsafeKeyError(key, reason);
    }
    const root = paths.resolve(folder);
    const path = paths.resolve(root, ...key.split('/'));
    const inside = paths.relative(root, path);
    if (
        inside === '' ||
        inside === '..' ||
        inside.startsWith(`..${paths.sep}`) ||
        paths.isAbsolute(inside)
    ) {
        throw new UnsafeKeyError(key, 'would be written outside the results folder');
    }
    return path;
}

/**
 * The one place that decides whether a path is a file the checker reads: a regular file.
 * Anything else is refused before it is opened: opening a FIFO waits for a writer (and holds a
 * thread-pool thread meanwhile), a device may never end, a directory cannot be read as lines.
 */
import { constants, type Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { showInvisible } from '../shared/visibleText';

export type InputFileProblem = 'missing' | 'not-a-file' | 'unreadable';

export class InputFileError extends Error {
    constructor(
        readonly path: string,
        readonly problem: InputFileProblem,
        message: string,
        /** The file system's error code (ENOENT ...) when it refused the path. */
        readonly code?: string,
    ) {
        super(message);
        this.name = 'InputFileError';
    }
}

function kindOf(stats: Stats): string {
    if (stats.isDirectory()) {
        return 'a folder';
    }
    if (stats.isFIFO()) {
        return 'a named pipe, FIFO';
    }
    if (stats.isSocket()) {
        return 'a socket';
    }
    if (stats.isCharacterDevice() || stats.isBlockDevice()) {
        return 'a device';
    }
    return 'a special file';
}

function notAFile(path: string, stats: Stats): InputFileError {
    return new InputFileError(
        path,
        'not-a-file',
        `cannot read ${showInvisible(path)}: not a file (${kindOf(stats)})`,
    );
}

/** The size of `path`; rejects with an InputFileError unless it is a regular file. */
export async function inputFileSize(path: string): Promise<number> {
    let stats: Stats;
    try {
        stats = await stat(path);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const missing = code === 'ENOENT' || code === 'ENOTDIR';
        const reason = missing ? 'no such file' : error instanceof Error ? error.message : code;
        throw new InputFileError(
            path,
            missing ? 'missing' : 'unreadable',
            `cannot read ${showInvisible(path)}: ${showInvisible(String(reason))}`,
            code,
        );
    }
    if (!stats.isFile()) {
        throw notAFile(path, stats);
    }
    return stats.size;
}

/**
 * Opens a regular file for reading. Checks the path first, then opens without blocking (in case
 * it was swapped for a FIFO since) and checks the opened file again.
 */
export async function openInputFile(path: string): Promise<FileHandle> {
    await inputFileSize(path);
    // O_NONBLOCK does not exist on Windows, where opening a pipe does not wait for a writer.
    const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
    const handle = await open(path, flags);
    try {
        const stats = await handle.stat();
        if (!stats.isFile()) {
            throw notAFile(path, stats);
        }
        return handle;
    } catch (error) {
        await handle.close();
        throw error;
    }
}

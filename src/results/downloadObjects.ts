/**
 * Streams a job's result objects from S3 to a local folder. Each file is written as `*.partial`
 * and renamed only once every object is down; on cancel or failure the partial files go, and so
 * do the folders this download created. Nothing half-written is left behind.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { localPath, UnsafeKeyError } from './keyPath';

export { localPath, UnsafeKeyError } from './keyPath';

export interface S3Object {
    readonly key: string;
    readonly size: number;
}

/** The S3 calls a download needs; tests pass a fake. */
export interface S3Reader {
    list(bucket: string, prefix: string, signal?: AbortSignal): Promise<S3Object[]>;
    get(bucket: string, key: string, signal?: AbortSignal): Promise<AsyncIterable<Uint8Array>>;
}

export interface DownloadProgress {
    readonly bytes: number;
    readonly totalBytes: number;
    /** 1-based index of the object being fetched. */
    readonly file: number;
    readonly files: number;
    readonly key: string;
}

export interface DownloadOptions {
    readonly bucket: string;
    /** Ends with '/'. */
    readonly prefix: string;
    readonly folder: string;
    readonly signal?: AbortSignal;
    readonly onProgress?: (progress: DownloadProgress) => void;
    /** Small files written next to the objects, with the same all-or-nothing rule. */
    readonly extraFiles?: readonly { readonly name: string; readonly content: string }[];
    /** Which keys to fetch; default: every `.out` object. */
    readonly include?: (key: string) => boolean;
}

/** An object left in S3 because its key cannot be a file inside the folder. */
export interface SkippedKey {
    /** The full S3 key. */
    readonly key: string;
    /** Worded after "it", e.g. "is an absolute path". */
    readonly reason: string;
}

export interface DownloadResult {
    /** Absolute paths of the files written (objects, then extra files). */
    readonly files: readonly string[];
    readonly bytes: number;
    /** Result objects not downloaded because of their key; empty when none. */
    readonly skipped: readonly SkippedKey[];
}

export class NoResultObjectsError extends Error {
    constructor(readonly location: string) {
        super(`No result files under ${location}`);
        this.name = 'NoResultObjectsError';
    }
}

export async function downloadObjects(
    s3: S3Reader,
    options: DownloadOptions,
): Promise<DownloadResult> {
    const include = options.include ?? ((key: string) => key.endsWith('.out'));
    const listed = await s3.list(options.bucket, options.prefix, options.signal);
    const wanted = listed.filter((o) => include(o.key) && !o.key.endsWith('/'));
    if (wanted.length === 0) {
        throw new NoResultObjectsError(`s3://${options.bucket}/${options.prefix}`);
    }
    const { objects, skipped } = planTargets(wanted, options.prefix, options.folder);
    if (objects.length === 0) {
        throw new Error(noSafeKeyMessage(`s3://${options.bucket}/${options.prefix}`, skipped));
    }
    const totalBytes = objects.reduce((sum, o) => sum + o.object.size, 0);
    const createdDirs: string[] = [];
    const written: { partial: string; target: string }[] = [];
    let bytes = 0;
    try {
        for (const [i, { object, target }] of objects.entries()) {
            createdDirs.push(...(await makeDirs(dirname(target))));
            const partial = `${target}.partial`;
            written.push({ partial, target });
            const before = bytes;
            const body = await s3.get(options.bucket, object.key, options.signal);
            const counted = async function* (
                source: AsyncIterable<Uint8Array>,
            ): AsyncGenerator<Uint8Array> {
                for await (const chunk of source) {
                    bytes += chunk.byteLength;
                    options.onProgress?.({
                        bytes,
                        totalBytes,
                        file: i + 1,
                        files: objects.length,
                        key: object.key,
                    });
                    yield chunk;
                }
            };
            await pipeline(body, counted, createWriteStream(partial), signalOption(options.signal));
            if (bytes - before !== object.size) {
                throw new Error(
                    `The download of ${object.key} stopped after ` +
                        `${bytes - before} of ${object.size} bytes`,
                );
            }
        }
        for (const extra of options.extraFiles ?? []) {
            const target = localPath(options.folder, extra.name);
            const partial = `${target}.partial`;
            written.push({ partial, target });
            await writeFile(partial, extra.content, signalOption(options.signal));
        }
        options.signal?.throwIfAborted();
        for (const { partial, target } of written) {
            await rename(partial, target);
        }
        return { files: written.map((w) => w.target), bytes, skipped };
    } catch (error) {
        await Promise.all(written.map((w) => rm(w.partial, { force: true })));
        await removeEmptyDirs(createdDirs);
        throw error;
    }
}

interface PlannedObject {
    readonly object: S3Object;
    readonly target: string;
}

/**
 * Each object's local path. Keys that are not safe file names here, and keys that land on a file
 * an earlier key already takes (names differing only in case on Windows and macOS), are skipped.
 */
function planTargets(
    objects: readonly S3Object[],
    prefix: string,
    folder: string,
): { objects: PlannedObject[]; skipped: SkippedKey[] } {
    const planned: PlannedObject[] = [];
    const skipped: SkippedKey[] = [];
    const taken = new Map<string, string>();
    const caseless = sep === '\\' || process.platform === 'darwin';
    for (const object of objects) {
        let target: string;
        try {
            target = localPath(folder, object.key.slice(prefix.length));
        } catch (error) {
            if (!(error instanceof UnsafeKeyError)) {
                throw error;
            }
            skipped.push({ key: object.key, reason: error.reason });
            continue;
        }
        const slot = caseless ? target.toLowerCase() : target;
        const earlier = taken.get(slot);
        if (earlier !== undefined) {
            skipped.push({
                key: object.key,
                reason: `would overwrite the file of the key ${JSON.stringify(earlier)}`,
            });
            continue;
        }
        taken.set(slot, object.key);
        planned.push({ object, target });
    }
    return { objects: planned, skipped };
}

function noSafeKeyMessage(location: string, skipped: readonly SkippedKey[]): string {
    const first = skipped[0];
    const why = first === undefined ? '' : `: ${JSON.stringify(first.key)} ${first.reason}`;
    const more = skipped.length > 1 ? ` (and ${skipped.length - 1} more)` : '';
    return `No result file under ${location} can be written to the folder${why}${more}`;
}

/** Creates `dir` and returns the folders that did not exist before, deepest last. */
async function makeDirs(dir: string): Promise<string[]> {
    const first = await mkdir(dir, { recursive: true });
    if (first === undefined) {
        return [];
    }
    const created = [first];
    let current = first;
    for (const segment of relative(first, dir)
        .split(sep)
        .filter((s) => s !== '')) {
        current = join(current, segment);
        created.push(current);
    }
    return created;
}

/** Removes the folders this download created, deepest first, leaving any that are not empty. */
async function removeEmptyDirs(created: readonly string[]): Promise<void> {
    const deepestFirst = [...new Set(created)].sort((a, b) => b.length - a.length);
    for (const dir of deepestFirst) {
        await rmdir(dir).catch(() => undefined);
    }
}

function signalOption(signal: AbortSignal | undefined): { signal?: AbortSignal } {
    return signal === undefined ? {} : { signal };
}

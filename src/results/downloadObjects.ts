/**
 * Streams a job's result objects from S3 to a local folder. Each file is written as `*.partial`
 * and renamed only once every object is down; on cancel or failure the partial files go, and so
 * do the folders this download created. Nothing half-written is left behind.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';

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

export interface DownloadResult {
    /** Absolute paths of the files written (objects, then extra files). */
    readonly files: readonly string[];
    readonly bytes: number;
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
    const objects = listed.filter((o) => include(o.key) && !o.key.endsWith('/'));
    if (objects.length === 0) {
        throw new NoResultObjectsError(`s3://${options.bucket}/${options.prefix}`);
    }
    const totalBytes = objects.reduce((sum, o) => sum + o.size, 0);
    const createdDirs: string[] = [];
    const written: { partial: string; target: string }[] = [];
    let bytes = 0;
    try {
        for (const [i, object] of objects.entries()) {
            const target = localPath(options.folder, object.key.slice(options.prefix.length));
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
        return { files: written.map((w) => w.target), bytes };
    } catch (error) {
        await Promise.all(written.map((w) => rm(w.partial, { force: true })));
        await removeEmptyDirs(createdDirs);
        throw error;
    }
}

/** A key below the prefix as a path inside the folder; refuses keys that would leave it. */
export function localPath(folder: string, relativeKey: string): string {
    const segments = relativeKey.split('/').filter((s) => s !== '' && s !== '.');
    if (segments.length === 0 || segments.includes('..')) {
        throw new Error(`Refusing to write the S3 key "${relativeKey}" outside the results folder`);
    }
    const path = resolve(folder, ...segments);
    const inside = relative(resolve(folder), path);
    if (inside.startsWith(`..${sep}`) || inside === '..') {
        throw new Error(`Refusing to write the S3 key "${relativeKey}" outside the results folder`);
    }
    return path;
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

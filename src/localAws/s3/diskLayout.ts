/**
 * Where the S3 store keeps things on disk under its root:
 *
 *     buckets/<bucket>/bucket.json                  the bucket's info
 *     buckets/<bucket>/objects/<keyId>.json         the current version's sidecar (StoredObject)
 *     buckets/<bucket>/objects/<keyId>-<rand>.bin   a version's bytes
 *     tmp/, uploads/<uploadId>/                     work in progress, emptied on every start
 *
 * Sidecars are written to tmp/ and renamed into place, so a reader never sees half of one.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BucketInfo, StoredObject } from './storedRecords';

export interface LoadedBucket {
    /** The bucket's folder name, which the index is keyed by. */
    readonly folder: string;
    readonly info: BucketInfo;
    readonly objects: readonly StoredObject[];
}

/** A stable file name for a key, whatever characters the key holds. */
function fileIdOf(key: string): string {
    return createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 40);
}

export class DiskLayout {
    private readonly sidecarChains = new Map<string, Promise<void>>();

    constructor(readonly root: string) {}

    /** Creates the folders, emptying those that only hold work in progress. */
    async prepare(): Promise<void> {
        await mkdir(join(this.root, 'buckets'), { recursive: true });
        await rm(join(this.root, 'tmp'), { recursive: true, force: true });
        await rm(join(this.root, 'uploads'), { recursive: true, force: true });
        await mkdir(join(this.root, 'tmp'), { recursive: true });
        await mkdir(join(this.root, 'uploads'), { recursive: true });
    }

    /** Every bucket with a readable bucket.json, with the objects whose sidecars parse. */
    async loadBuckets(): Promise<LoadedBucket[]> {
        const buckets: LoadedBucket[] = [];
        for (const name of await readdir(join(this.root, 'buckets'))) {
            const dir = this.bucketDir(name);
            let info: BucketInfo;
            try {
                info = JSON.parse(await readFile(join(dir, 'bucket.json'), 'utf8')) as BucketInfo;
            } catch {
                continue;
            }
            const objects: StoredObject[] = [];
            for (const file of await readdir(join(dir, 'objects'))) {
                if (!file.endsWith('.json')) {
                    continue;
                }
                try {
                    objects.push(
                        JSON.parse(
                            await readFile(join(dir, 'objects', file), 'utf8'),
                        ) as StoredObject,
                    );
                } catch {
                    // A sidecar cut short by a crash: the object is lost, as a failed PUT would be.
                }
            }
            buckets.push({ folder: name, info, objects });
        }
        return buckets;
    }

    async createBucket(info: BucketInfo): Promise<void> {
        const dir = this.bucketDir(info.name);
        await mkdir(join(dir, 'objects'), { recursive: true });
        await writeFile(join(dir, 'bucket.json'), JSON.stringify(info));
    }

    async removeBucket(name: string): Promise<void> {
        await rm(this.bucketDir(name), { recursive: true, force: true });
    }

    tempPath(name: string): string {
        return join(this.root, 'tmp', name);
    }

    uploadDir(uploadId: string): string {
        return join(this.root, 'uploads', uploadId);
    }

    /** A fresh data file name for a new version of `key`. */
    newDataFile(key: string): string {
        return `${fileIdOf(key)}-${randomBytes(6).toString('hex')}.bin`;
    }

    dataPath(bucket: string, dataFile: string): string {
        return join(this.objectsDir(bucket), dataFile);
    }

    async removeDataFile(bucket: string, dataFile: string): Promise<void> {
        await rm(this.dataPath(bucket, dataFile), { force: true });
    }

    async writeSidecar(bucket: string, stored: StoredObject): Promise<void> {
        await this.chainSidecar(bucket, stored.key, async () => {
            const tmp = this.tempPath(`${randomBytes(8).toString('hex')}.json`);
            await writeFile(tmp, JSON.stringify(stored));
            await rename(tmp, this.sidecarPath(bucket, stored.key));
        });
    }

    async removeSidecar(bucket: string, key: string): Promise<void> {
        await this.chainSidecar(bucket, key, async () => {
            await rm(this.sidecarPath(bucket, key), { force: true });
        });
    }

    private bucketDir(name: string): string {
        return join(this.root, 'buckets', name);
    }

    private objectsDir(bucket: string): string {
        return join(this.bucketDir(bucket), 'objects');
    }

    private sidecarPath(bucket: string, key: string): string {
        return join(this.objectsDir(bucket), `${fileIdOf(key)}.json`);
    }

    /** Sidecar writes for one key run in order, so an older version never lands last. */
    private async chainSidecar(
        bucket: string,
        key: string,
        write: () => Promise<void>,
    ): Promise<void> {
        const chainKey = `${bucket}/${key}`;
        const previous = this.sidecarChains.get(chainKey) ?? Promise.resolve();
        const next = previous.then(write, write);
        this.sidecarChains.set(chainKey, next);
        try {
            await next;
        } finally {
            if (this.sidecarChains.get(chainKey) === next) {
                this.sidecarChains.delete(chainKey);
            }
        }
    }
}

/**
 * Buckets and objects: an in-memory index that is the truth while running, kept on disk (see
 * DiskLayout) and rebuilt from it on start. Each object version is a data file with a unique name
 * plus a JSON sidecar. Data is written to a temp file and renamed, so a reader never sees half an
 * object.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { ObjectStore } from '../types';
import type { ChecksumAlgorithm } from '../core/checksums';
import { failedWriteCondition } from './conditionalRequests';
import type { WriteConditions } from './conditionalRequests';
import { DiskLayout } from './diskLayout';
import { compareKeys, isValidBucketName } from './s3Names';
import { s3Errors } from './s3Errors';
import type { BucketInfo, StoredObject } from './storedRecords';
import { writeTempFile } from './tempFiles';
import type { TempSource, WrittenTemp } from './tempFiles';

interface Bucket extends BucketInfo {
    readonly objects: Map<string, StoredObject>;
    sorted: string[] | undefined;
}

type NewVersion = Omit<StoredObject, 'dataFile' | 'lastModifiedMs' | 'size'>;

export class S3Storage implements ObjectStore {
    private readonly buckets = new Map<string, Bucket>();
    private readonly layout: DiskLayout;

    private constructor(
        readonly root: string,
        private readonly defaultRegion: string,
    ) {
        this.layout = new DiskLayout(root);
    }

    static async open(root: string, defaultRegion: string): Promise<S3Storage> {
        const storage = new S3Storage(root, defaultRegion);
        await storage.layout.prepare();
        for (const { folder, info, objects } of await storage.layout.loadBuckets()) {
            storage.buckets.set(folder, {
                ...info,
                objects: new Map(objects.map((object) => [object.key, object])),
                sorted: undefined,
            });
        }
        return storage;
    }

    // ---- buckets ----

    async createBucket(name: string, region = this.defaultRegion): Promise<BucketInfo> {
        if (!isValidBucketName(name)) {
            throw s3Errors.invalidBucketName(name);
        }
        if (this.buckets.has(name)) {
            throw s3Errors.bucketAlreadyOwnedByYou(name);
        }
        const info: BucketInfo = { name, creationMs: Date.now(), region };
        this.buckets.set(name, { ...info, objects: new Map(), sorted: undefined });
        await this.layout.createBucket(info);
        return info;
    }

    async deleteBucket(name: string): Promise<void> {
        const bucket = this.bucket(name);
        if (bucket.objects.size > 0) {
            throw s3Errors.bucketNotEmpty(name);
        }
        this.buckets.delete(name);
        await this.layout.removeBucket(name);
    }

    listBuckets(): BucketInfo[] {
        return [...this.buckets.values()]
            .map(({ name, creationMs, region }) => ({ name, creationMs, region }))
            .sort((a, b) => compareKeys(a.name, b.name));
    }

    bucketInfo(name: string): BucketInfo {
        const { creationMs, region } = this.bucket(name);
        return { name, creationMs, region };
    }

    hasBucket(name: string): boolean {
        return this.buckets.has(name);
    }

    // ---- objects ----

    head(bucketName: string, key: string): StoredObject {
        const object = this.bucket(bucketName).objects.get(key);
        if (object === undefined) {
            throw s3Errors.noSuchKey(key);
        }
        return object;
    }

    find(bucketName: string, key: string): StoredObject | undefined {
        return this.buckets.get(bucketName)?.objects.get(key);
    }

    /** Streams an object's bytes; `end` is inclusive. */
    read(bucketName: string, object: StoredObject, start?: number, end?: number): Readable {
        return createReadStream(this.layout.dataPath(bucketName, object.dataFile), {
            ...(start === undefined ? {} : { start }),
            ...(end === undefined ? {} : { end }),
            highWaterMark: 1024 * 1024,
        });
    }

    /** Writes a stream (or several, one after another) to a temp file, counting and hashing it. */
    async writeTemp(
        body: TempSource,
        algorithms: readonly ChecksumAlgorithm[] = [],
        md5 = true,
    ): Promise<WrittenTemp> {
        const name = `${Date.now()}-${randomBytes(8).toString('hex')}`;
        return writeTempFile(this.layout.tempPath(name), body, algorithms, md5);
    }

    async readText(bucket: string, key: string): Promise<string | undefined> {
        const stream = await this.openObject(bucket, key);
        if (stream === undefined) {
            return undefined;
        }
        const parts: Buffer[] = [];
        for await (const chunk of stream) {
            parts.push(chunk as Buffer);
        }
        return Buffer.concat(parts).toString('utf8');
    }

    async discardTemp(temp: WrittenTemp): Promise<void> {
        await rm(temp.path, { force: true });
    }

    /**
     * Makes a temp file the current version of a key, if the conditions still hold. The temp file
     * is gone either way.
     */
    async commit(
        bucketName: string,
        temp: WrittenTemp,
        meta: NewVersion,
        conditions: WriteConditions = {},
    ): Promise<StoredObject> {
        try {
            return await this.install(bucketName, temp, meta, conditions);
        } catch (error) {
            await this.discardTemp(temp);
            throw error;
        }
    }

    async deleteObject(bucketName: string, key: string): Promise<void> {
        const bucket = this.bucket(bucketName);
        const current = bucket.objects.get(key);
        if (current === undefined) {
            return;
        }
        bucket.objects.delete(key);
        bucket.sorted = undefined;
        await this.layout.removeSidecar(bucketName, key);
        await this.layout.removeDataFile(bucketName, current.dataFile);
    }

    /** Keys in S3 order (UTF-8 bytes). */
    sortedKeys(bucketName: string): readonly string[] {
        const bucket = this.bucket(bucketName);
        bucket.sorted ??= [...bucket.objects.keys()].sort(compareKeys);
        return bucket.sorted;
    }

    uploadDir(uploadId: string): string {
        return this.layout.uploadDir(uploadId);
    }

    // ---- ObjectStore, for the simulators ----

    // eslint-disable-next-line @typescript-eslint/require-await
    async openObject(bucket: string, key: string): Promise<Readable | undefined> {
        const object = this.find(bucket, key);
        return object === undefined ? undefined : this.read(bucket, object);
    }

    // eslint-disable-next-line @typescript-eslint/require-await
    async listKeys(bucket: string, prefix: string): Promise<string[]> {
        if (!this.buckets.has(bucket)) {
            return [];
        }
        return this.sortedKeys(bucket).filter((k) => k.startsWith(prefix));
    }

    async putObject(bucket: string, key: string, body: Buffer | string): Promise<void> {
        const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
        const temp = await this.writeTemp(bytes);
        await this.install(bucket, temp, {
            key,
            etag: `"${temp.md5Hex}"`,
            contentType: key.endsWith('.json') ? 'application/json' : 'application/octet-stream',
            userMetadata: {},
            checksums: {},
        });
    }

    // eslint-disable-next-line @typescript-eslint/require-await
    async bucketExists(bucket: string): Promise<boolean> {
        return this.buckets.has(bucket);
    }

    // ---- internals ----

    private bucket(name: string): Bucket {
        const bucket = this.buckets.get(name);
        if (bucket === undefined) {
            throw s3Errors.noSuchBucket(name);
        }
        return bucket;
    }

    private async install(
        bucketName: string,
        temp: WrittenTemp,
        meta: NewVersion,
        conditions: WriteConditions = {},
    ): Promise<StoredObject> {
        const bucket = this.bucket(bucketName);
        const dataFile = this.layout.newDataFile(meta.key);
        await rename(temp.path, this.layout.dataPath(bucketName, dataFile));
        // From here to the index update nothing awaits, so the condition check and the swap are
        // atomic.
        const current = bucket.objects.get(meta.key);
        const failed = failedWriteCondition(current, conditions, '');
        if (failed !== undefined || !this.buckets.has(bucketName)) {
            await this.layout.removeDataFile(bucketName, dataFile).catch(() => undefined);
            throw failed ?? s3Errors.noSuchBucket(bucketName);
        }
        const stored: StoredObject = {
            ...meta,
            size: temp.size,
            lastModifiedMs: Date.now(),
            dataFile,
        };
        if (current === undefined) {
            bucket.sorted = undefined;
        }
        bucket.objects.set(meta.key, stored);
        await this.layout.writeSidecar(bucketName, stored);
        if (current !== undefined) {
            await this.layout.removeDataFile(bucketName, current.dataFile);
        }
        return stored;
    }
}

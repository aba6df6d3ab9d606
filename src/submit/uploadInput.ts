import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { Transform } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import * as vscode from 'vscode';
import type { AwsSdk } from '../aws/loadSdk';
import { formatBytes } from '../diagnostics/checkSummary';
import { compareRemote, digestFile, MIB, type FileDigest } from './fileDigest';
import { showLeftovers } from './leftoverNotice';
import type { AwsAccess } from './pinnedConnection';
import { alternativeKey, s3Uri } from './s3Paths';
import {
    headObject,
    isPreconditionFailed,
    removeUploadLeftovers,
    SHA256_METADATA,
    UPLOAD_METADATA,
    type UploadTarget,
} from './s3Objects';
import { describeLeftovers, type UploadLeftover } from './uploadLeftovers';

/** A file's size and modification time when it was checked: what is uploaded must still match. */
export interface FileSnapshot {
    readonly size: number;
    readonly mtimeMs: number;
}

export async function snapshotOf(uri: vscode.Uri): Promise<FileSnapshot> {
    const info = await stat(uri.fsPath);
    return { size: info.size, mtimeMs: info.mtimeMs };
}

export interface UploadItem {
    readonly file: vscode.Uri;
    readonly key: string;
    readonly snapshot: FileSnapshot;
}

export interface UploadedItem {
    readonly file: vscode.Uri;
    /** The key actually used (a new one when the first was taken by other content). */
    readonly key: string;
    /** False when an identical object was already there and nothing was sent. */
    readonly sent: boolean;
}

export interface UploadEnv {
    /** The submission's pinned connection: every call of the upload goes there. */
    readonly access: AwsAccess;
    readonly region: string;
    readonly bucket: string;
    readonly onConflict: 'ask' | 'newKey';
    /** Reports what the upload is doing; fraction is of all the job's files, 0..1. */
    readonly report: (message: string, fraction: number) => void;
    readonly token: vscode.CancellationToken;
    /** Called with each lib-storage Upload while it runs (testing hook: multipart state). */
    readonly onUploadStarted?: (key: string) => void;
}

/** Part size of multipart uploads: lib-storage's default, and what fileDigest can recompute. */
const partSize = 5 * MIB;

/**
 * Sending a file failed (not cancelled). Whatever the upload had put in S3 was removed, except
 * the leftovers listed. `cause` is what broke the upload.
 */
export class UploadFailedError extends Error {
    constructor(
        readonly file: vscode.Uri,
        readonly target: string,
        override readonly cause: unknown,
        readonly leftovers: readonly UploadLeftover[],
    ) {
        super(cause instanceof Error ? cause.message : String(cause));
        this.name = 'UploadFailedError';
    }
}

/**
 * Puts the job's files into S3, never overwriting: an identical object is reused as it is, a
 * different one makes the user choose a new key, and the upload itself is conditional
 * (If-None-Match: *) so a concurrent writer cannot be overwritten either. Cancelling aborts the
 * upload and removes whatever it left behind.
 */
export async function uploadInput(
    env: UploadEnv,
    items: readonly UploadItem[],
    folder?: string,
): Promise<UploadedItem[]> {
    const sdk = env.access.aws.sdk();
    const s3 = env.access.aws.s3(env.region);
    const total = items.reduce((sum, item) => sum + item.snapshot.size, 0) || 1;
    let done = 0;
    const digests: FileDigest[] = [];
    for (const item of items) {
        digests.push(
            await digestOf(env, item, (read) =>
                env.report(
                    `Comparing ${path.basename(item.file.fsPath)} with S3`,
                    ((done + read) * 0.2) / total,
                ),
            ),
        );
        done += item.snapshot.size;
    }
    const placed =
        folder === undefined ? items : await chooseFolder(env, sdk, s3, folder, items, digests);
    done = 0;
    const uploaded: UploadedItem[] = [];
    for (const [index, item] of placed.entries()) {
        const digest = digests[index];
        if (digest === undefined) {
            throw new Error('A file lost its digest');
        }
        const name = path.basename(item.file.fsPath);
        const result = await placeFile(
            env,
            sdk,
            s3,
            item,
            digest,
            folder !== undefined,
            (fraction, message) =>
                env.report(
                    message ?? `Uploading ${name} (${formatBytes(item.snapshot.size)})`,
                    (total * 0.2 + (done + item.snapshot.size * fraction) * 0.8) / total,
                ),
        );
        done += item.snapshot.size;
        uploaded.push(result);
    }
    return uploaded;
}

async function digestOf(
    env: UploadEnv,
    item: UploadItem,
    onRead: (bytes: number) => void,
): Promise<FileDigest> {
    await requireUnchanged(item);
    const controller = new AbortController();
    const cancelled = env.token.onCancellationRequested(() => controller.abort());
    try {
        let read = 0;
        return await digestFile(item.file.fsPath, {
            signal: controller.signal,
            onBytes: (bytes) => {
                read += bytes;
                onRead(read);
            },
        });
    } catch (error) {
        throw env.token.isCancellationRequested ? new vscode.CancellationError() : error;
    } finally {
        cancelled.dispose();
    }
}

/**
 * A job over a folder reads every object in it, so the folder must hold nothing but this job's
 * files: an empty folder, or one where exactly these files already are (a re-submission).
 * Otherwise the next free `<folder>-2`, `<folder>-3`... is used.
 */
async function chooseFolder(
    env: UploadEnv,
    sdk: AwsSdk,
    s3: S3Client,
    folder: string,
    items: readonly UploadItem[],
    digests: readonly FileDigest[],
): Promise<UploadItem[]> {
    for (let attempt = 1; attempt <= 50; attempt++) {
        const candidate = attempt === 1 ? folder : `${folder}-${attempt}`;
        const moved = items.map((item) => ({
            ...item,
            key: `${candidate}/${path.posix.basename(item.key)}`,
        }));
        const listed = await s3.send(
            new sdk.ListObjectsV2Command({
                Bucket: env.bucket,
                Prefix: `${candidate}/`,
                MaxKeys: 1000,
            }),
        );
        const existing = (listed.Contents ?? []).map((o) => o.Key ?? '');
        const planned = new Map(moved.map((item, index) => [item.key, digests[index]]));
        let usable = listed.IsTruncated !== true && existing.every((key) => planned.has(key));
        for (const key of usable ? existing : []) {
            const head = await headObject(sdk, s3, env.bucket, key);
            const digest = planned.get(key);
            usable &&=
                head !== undefined &&
                digest !== undefined &&
                compareRemote(digest, head) === 'same';
        }
        if (usable) {
            return moved;
        }
        env.access.log.info(
            `${s3Uri(env.bucket, candidate, true)} holds other objects; trying another folder`,
        );
    }
    throw new Error(`Could not find a free folder near ${s3Uri(env.bucket, folder, true)}`);
}

async function requireUnchanged(item: UploadItem): Promise<void> {
    const now = await snapshotOf(item.file);
    if (now.size !== item.snapshot.size || now.mtimeMs !== item.snapshot.mtimeMs) {
        throw new Error(
            `${path.basename(item.file.fsPath)} changed on disk after it was checked; ` +
                'nothing was submitted. Submit it again.',
        );
    }
}

async function placeFile(
    env: UploadEnv,
    sdk: AwsSdk,
    s3: S3Client,
    item: UploadItem,
    digest: FileDigest,
    inFolder: boolean,
    /** How far this file is, 0..1; a message replaces the default "Uploading" one. */
    progress: (fraction: number, message?: string) => void,
): Promise<UploadedItem> {
    let key = item.key;
    let attempt = 2;
    // A few rounds: each lost conditional write (a concurrent writer took the key) costs one.
    for (let round = 0; round < 10; round++) {
        if (env.token.isCancellationRequested) {
            throw new vscode.CancellationError();
        }
        const existing = await headObject(sdk, s3, env.bucket, key);
        if (existing !== undefined) {
            const comparison = compareRemote(digest, existing);
            if (comparison === 'same') {
                env.access.log.info(
                    `${s3Uri(env.bucket, key)} already holds this content; not uploading it again`,
                );
                progress(1);
                return { file: item.file, key, sent: false };
            }
            if (inFolder) {
                // chooseFolder saw this folder clean a moment ago: someone is writing into it.
                throw new Error(
                    `${s3Uri(env.bucket, key)} appeared while the job's folder was being ` +
                        'filled; submit again.',
                );
            }
            const alternative = await freeKey(sdk, s3, env.bucket, item.key, attempt, digest);
            if (alternative.same) {
                progress(1);
                return { file: item.file, key: alternative.key, sent: false };
            }
            attempt = alternative.attempt + 1;
            key = await confirmNewKey(env, key, alternative.key, comparison);
            continue;
        }
        const outcome = await sendFile(env, sdk, s3, item, key, digest, progress);
        if (outcome === 'sent') {
            return { file: item.file, key, sent: true };
        }
        env.access.log.info(
            `${s3Uri(env.bucket, key)} was created by someone else during the upload; ` +
                'looking again',
        );
    }
    throw new Error(`Could not find a free key for ${item.key}: other writers keep taking them`);
}

/** The next `name-N.jsonl` that is free, or that already holds this very content. */
async function freeKey(
    sdk: AwsSdk,
    s3: S3Client,
    bucket: string,
    key: string,
    from: number,
    digest: FileDigest,
): Promise<{ key: string; attempt: number; same: boolean }> {
    for (let attempt = from; attempt < from + 50; attempt++) {
        const candidate = alternativeKey(key, attempt);
        const head = await headObject(sdk, s3, bucket, candidate);
        if (head === undefined) {
            return { key: candidate, attempt, same: false };
        }
        if (compareRemote(digest, head) === 'same') {
            return { key: candidate, attempt, same: true };
        }
    }
    throw new Error(`Found no free key near ${key}`);
}

async function confirmNewKey(
    env: UploadEnv,
    taken: string,
    alternative: string,
    comparison: 'different' | 'unknown',
): Promise<string> {
    const why =
        comparison === 'different'
            ? 'different content'
            : 'content that cannot be compared (uploaded by another tool)';
    env.access.log.info(`${s3Uri(env.bucket, taken)} exists with ${why}; proposing ${alternative}`);
    if (env.onConflict === 'newKey') {
        return alternative;
    }
    const use = `Upload as ${path.posix.basename(alternative)}`;
    const answer = await vscode.window.showWarningMessage(
        `${s3Uri(env.bucket, taken)} already exists with ${why}. ` +
            'Bedrock Batch never overwrites it.',
        { modal: true, detail: `The file can go to ${s3Uri(env.bucket, alternative)} instead.` },
        use,
    );
    if (answer !== use) {
        throw new vscode.CancellationError();
    }
    return alternative;
}

async function sendFile(
    env: UploadEnv,
    sdk: AwsSdk,
    s3: S3Client,
    item: UploadItem,
    key: string,
    digest: FileDigest,
    /** How far this file is, 0..1; a message replaces the default "Uploading" one. */
    progress: (fraction: number, message?: string) => void,
): Promise<'sent' | 'raced'> {
    const marker = randomUUID();
    const hash = createHash('sha256');
    const source = createReadStream(item.file.fsPath, { highWaterMark: MIB });
    const hashing = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
            hash.update(chunk);
            callback(null, chunk);
        },
    });
    source.on('error', (error) => hashing.destroy(error));
    source.pipe(hashing);
    const startedAt = Date.now();
    const upload = new sdk.Upload({
        client: s3,
        queueSize: 4,
        partSize,
        // lib-storage's own abort on error would replace the real error with the abort's when
        // that fails too, and is tried once; cleanUp() does it with retries and says what is left.
        leavePartsOnError: true,
        params: {
            Bucket: env.bucket,
            Key: key,
            Body: hashing,
            ContentLength: item.snapshot.size,
            ContentType: 'application/jsonl',
            IfNoneMatch: '*',
            Metadata: { [SHA256_METADATA]: digest.sha256, [UPLOAD_METADATA]: marker },
        },
    });
    let sentFraction = 0;
    upload.on('httpUploadProgress', (p) => {
        if (p.loaded !== undefined) {
            sentFraction = p.loaded / Math.max(1, item.snapshot.size);
            progress(sentFraction);
        }
    });
    const cancelled = env.token.onCancellationRequested(() => void upload.abort());
    env.onUploadStarted?.(key);
    const target = {
        bucket: env.bucket,
        key,
        multipart: item.snapshot.size > partSize,
        marker,
        startedAt,
    };
    try {
        await upload.done();
    } catch (error) {
        if (env.token.isCancellationRequested) {
            const leftovers = await cleanUp(env, sdk, s3, upload, target);
            tellCancelled(env, leftovers);
            throw new vscode.CancellationError();
        }
        env.access.log.warn(`Upload to ${s3Uri(env.bucket, key)} failed: ${String(error)}`);
        progress(
            sentFraction,
            `Removing the incomplete upload of ${path.basename(item.file.fsPath)} from S3`,
        );
        const leftovers = await cleanUp(env, sdk, s3, upload, target);
        if (isPreconditionFailed(error) && leftovers.length === 0) {
            return 'raced';
        }
        throw new UploadFailedError(item.file, s3Uri(env.bucket, key), error, leftovers);
    } finally {
        cancelled.dispose();
        source.destroy();
    }
    const sent = hash.digest('hex');
    const unchanged = await snapshotOf(item.file).then(
        (now) => now.size === item.snapshot.size && now.mtimeMs === item.snapshot.mtimeMs,
    );
    if (sent !== digest.sha256 || !unchanged) {
        await s3.send(new sdk.DeleteObjectCommand({ Bucket: env.bucket, Key: key }));
        throw new Error(
            `${path.basename(item.file.fsPath)} changed on disk while it was being uploaded; ` +
                'the upload was deleted and nothing was submitted. Submit it again.',
        );
    }
    progress(1);
    return 'sent';
}

/**
 * Removes what a failed or cancelled upload left: its multipart upload (parts are billed until
 * it is aborted) and the object, if the upload got as far as completing it. Returns what could
 * not be removed.
 */
async function cleanUp(
    env: UploadEnv,
    sdk: AwsSdk,
    s3: S3Client,
    upload: InstanceType<AwsSdk['Upload']>,
    target: Omit<UploadTarget, 'uploadId'>,
): Promise<UploadLeftover[]> {
    // lib-storage keeps sending parts already in flight after abort(); let them settle first.
    const inFlight =
        (upload as unknown as { concurrentUploaders?: Promise<void>[] }).concurrentUploaders ?? [];
    await Promise.race([
        Promise.allSettled(inFlight),
        new Promise((resolve) => setTimeout(resolve, 30_000)),
    ]);
    const leftovers = await removeUploadLeftovers(sdk, s3, {
        ...target,
        uploadId: upload.uploadId,
    });
    const where = s3Uri(env.bucket, target.key);
    if (leftovers.length === 0) {
        env.access.log.info(`Removed what the upload to ${where} left; nothing remains`);
    } else {
        env.access.log.warn(
            `Could not remove what the upload to ${where} left: ${describeLeftovers(leftovers)}`,
        );
    }
    return leftovers;
}

function tellCancelled(env: UploadEnv, leftovers: readonly UploadLeftover[]): void {
    if (leftovers.length === 0) {
        void vscode.window.showInformationMessage(
            'Upload cancelled. Nothing was left in S3 and no job was started.',
        );
        return;
    }
    void showLeftovers(env.access, env.region, leftovers, 'Upload cancelled; no job was started.');
}

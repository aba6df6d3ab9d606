/** Reads and checks a job's input during the Validating phase. */
import type { Readable } from 'node:stream';
import type { ObjectStore } from '../../types';
import { failures } from './failures';
import { baseName, parseS3Uri } from './s3Location';

export interface InputRecord {
    readonly fileName: string;
    readonly line: number;
    readonly recordId: string | undefined;
    readonly modelInput: unknown;
}

export type InputReading =
    | { readonly ok: true; readonly fileNames: string[]; readonly records: InputRecord[] }
    | { readonly ok: false; readonly message: string };

export interface InputLimits {
    readonly maxRecordsPerFile: number;
    readonly maxFileBytes: number;
    readonly maxJobBytes: number;
}

export async function readInput(
    store: ObjectStore,
    s3Uri: string,
    limits: InputLimits,
    modelId: string,
): Promise<InputReading> {
    const { bucket, key } = parseS3Uri(s3Uri);
    if (!(await store.bucketExists(bucket))) {
        return { ok: false, message: failures.inputBucketMissing(bucket) };
    }
    const keys = await inputKeys(store, bucket, key);
    if (keys.length === 0) {
        return { ok: false, message: failures.noInputFiles(s3Uri) };
    }
    const records: InputRecord[] = [];
    const fileNames: string[] = [];
    let jobBytes = 0;
    for (const objectKey of keys) {
        const stream = await store.openObject(bucket, objectKey);
        const fileName = baseName(objectKey);
        if (stream === undefined) {
            return { ok: false, message: failures.noInputFiles(s3Uri) };
        }
        const body = await readAll(stream, limits.maxFileBytes);
        if (body === undefined) {
            return {
                ok: false,
                message: failures.fileTooLarge(fileName, limits.maxFileBytes, modelId),
            };
        }
        jobBytes += body.length;
        if (jobBytes > limits.maxJobBytes) {
            return { ok: false, message: failures.jobTooLarge(limits.maxJobBytes, modelId) };
        }
        const parsed = parseLines(fileName, body);
        if (!parsed.ok) {
            return parsed;
        }
        if (parsed.records.length > limits.maxRecordsPerFile) {
            return {
                ok: false,
                message: failures.tooManyRecordsInFile(
                    fileName,
                    parsed.records.length,
                    limits.maxRecordsPerFile,
                    modelId,
                ),
            };
        }
        fileNames.push(fileName);
        records.push(...parsed.records);
    }
    return { ok: true, fileNames, records };
}

/** A single `.jsonl` object, or every `.jsonl` object under the prefix, in key order. */
async function inputKeys(store: ObjectStore, bucket: string, key: string): Promise<string[]> {
    if (key.endsWith('.jsonl')) {
        const single = await store.openObject(bucket, key);
        if (single !== undefined) {
            single.destroy();
            return [key];
        }
    }
    const prefix = key === '' || key.endsWith('/') ? key : `${key}/`;
    const keys = await store.listKeys(bucket, prefix);
    return keys.filter((k) => k.endsWith('.jsonl'));
}

async function readAll(stream: Readable, maxBytes: number): Promise<Buffer | undefined> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stream) {
        const piece = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
        size += piece.length;
        if (size > maxBytes) {
            stream.destroy();
            return undefined;
        }
        chunks.push(piece);
    }
    return Buffer.concat(chunks);
}

function parseLines(fileName: string, body: Buffer): InputReading {
    let text = body.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) {
        text = text.slice(1);
    }
    const records: InputRecord[] = [];
    const lines = text.split('\n');
    for (const [index, raw] of lines.entries()) {
        const lineText = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        const line = index + 1;
        if (lineText.trim().length === 0) {
            continue;
        }
        let value: unknown;
        try {
            value = JSON.parse(lineText);
        } catch {
            return { ok: false, message: failures.notJson(fileName, line) };
        }
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
            return { ok: false, message: failures.notObject(fileName, line) };
        }
        const record = value as Record<string, unknown>;
        if (!('modelInput' in record)) {
            return { ok: false, message: failures.noModelInput(fileName, line) };
        }
        const recordId = record['recordId'];
        if (recordId !== undefined && typeof recordId !== 'string') {
            return { ok: false, message: failures.badRecordId(fileName, line) };
        }
        records.push({ fileName, line, recordId, modelInput: record['modelInput'] });
    }
    return { ok: true, fileNames: [fileName], records };
}

/**
 * A finished job's summary for its tooltip, cheaply: the manifest (a few hundred bytes) from the
 * downloaded folder or from S3, plus, when every record failed, the errors of the first records
 * rather than a read of every `.out` file.
 */
import type { PriceRow } from '../checker/types';
import type { S3Reader } from './downloadObjects';
import { listOutputFiles, readManifestFile } from './jobFolder';
import { isBlank, lineText, readFileLines, splitLines, type RawLine } from './lineReader';
import { MANIFEST_FILE_NAME, parseManifest, type Manifest } from './manifest';
import { parseOutputLine } from './outputLine';
import { errorText } from './resultIndex';
import type { S3Location } from './s3Location';
import { summarize, type ResultSummary } from './summary';

export const ERROR_SAMPLE_RECORDS = 200;
export const ERROR_SAMPLE_BYTES = 8 * 1024 * 1024;
const MAX_MANIFEST_BYTES = 1024 * 1024;

/** Error texts of the first failed records, stopping at `maxErrors` errors or `maxBytes` bytes. */
export async function sampleErrors(
    lines: AsyncIterable<RawLine>,
    maxErrors = ERROR_SAMPLE_RECORDS,
    maxBytes = ERROR_SAMPLE_BYTES,
): Promise<string[]> {
    const errors: string[] = [];
    for await (const line of lines) {
        if (errors.length >= maxErrors || line.offset > maxBytes) {
            break;
        }
        if (isBlank(line.bytes)) {
            continue;
        }
        const parsed = parseOutputLine(lineText(line.bytes));
        if (parsed.ok && parsed.record.error !== undefined) {
            errors.push(errorText(parsed.record.error));
        }
    }
    return errors;
}

export async function summaryFromFolder(
    folder: string,
    price: PriceRow | undefined,
): Promise<ResultSummary | undefined> {
    const parsed = await readManifestFile(folder);
    if (parsed?.ok !== true) {
        return undefined;
    }
    let errorSample: string[] = [];
    if (needsErrorSample(parsed.manifest)) {
        const first = (await listOutputFiles(folder))[0];
        errorSample = first === undefined ? [] : await sampleErrors(readFileLines(first));
    }
    return summarize({ manifest: parsed.manifest, errorSample, price });
}

/** Undefined when the job wrote no manifest (yet). */
export async function summaryFromS3(
    s3: S3Reader,
    prefix: S3Location,
    price: PriceRow | undefined,
    signal?: AbortSignal,
): Promise<ResultSummary | undefined> {
    const objects = await s3.list(prefix.bucket, prefix.key, signal);
    const manifestKey = objects.find((o) => o.key === `${prefix.key}${MANIFEST_FILE_NAME}`);
    if (manifestKey === undefined || manifestKey.size > MAX_MANIFEST_BYTES) {
        return undefined;
    }
    const text = await readText(await s3.get(prefix.bucket, manifestKey.key, signal));
    const parsed = parseManifest(text);
    if (!parsed.ok) {
        return undefined;
    }
    let errorSample: string[] = [];
    const firstOut = objects.find((o) => o.key.endsWith('.out') && o.key !== manifestKey.key);
    if (needsErrorSample(parsed.manifest) && firstOut !== undefined) {
        errorSample = await sampleErrors(
            splitLines(await s3.get(prefix.bucket, firstOut.key, signal)),
        );
    }
    return summarize({ manifest: parsed.manifest, errorSample, price });
}

/** The tooltip names the most common error only when every record failed. */
function needsErrorSample(manifest: Manifest): boolean {
    return manifest.successRecordCount === 0 && (manifest.errorRecordCount ?? 0) > 0;
}

async function readText(body: AsyncIterable<Uint8Array>): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of body) {
        size += chunk.byteLength;
        if (size > MAX_MANIFEST_BYTES) {
            throw new Error(`${MANIFEST_FILE_NAME} is larger than expected`);
        }
        chunks.push(Buffer.from(chunk));
    }
    return Buffer.concat(chunks).toString('utf8');
}

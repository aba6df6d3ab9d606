import { consoleOrigin } from '../shared/consoleOrigin';
import { asFolderKey, type S3Location } from './jobIds';

/**
 * The Bedrock console's batch inference page of a region. The console's per-job route is not
 * documented, so this opens the region's job list, where the job is found by name.
 */
export function batchConsoleUrl(region: string): string {
    const r = encodeURIComponent(region);
    return `${consoleOrigin(region)}/bedrock/home?region=${r}#/batch-inference`;
}

/** Whether an input location names one file rather than a folder of them. */
export function isObjectKey(key: string): boolean {
    return key !== '' && !key.endsWith('/') && /\.jsonl$/i.test(key);
}

/** The S3 console page of an object (a `.jsonl` file) or of a folder (any other prefix). */
export function s3ConsoleUrl(location: S3Location, region: string): string {
    const origin = consoleOrigin(region, 's3');
    const bucket = encodeURIComponent(location.bucket);
    const r = encodeURIComponent(region);
    if (isObjectKey(location.key)) {
        const key = encodeURIComponent(location.key);
        return `${origin}/s3/object/${bucket}?region=${r}&prefix=${key}`;
    }
    const prefix = encodeURIComponent(asFolderKey(location.key));
    return `${origin}/s3/buckets/${bucket}?region=${r}&prefix=${prefix}&showversions=false`;
}

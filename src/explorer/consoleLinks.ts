import { asFolderKey, type S3Location } from './jobIds';

/** The console's origin for the region's partition. */
export function consoleOrigin(region: string, service?: 's3'): string {
    if (region.startsWith('cn-')) {
        return 'https://console.amazonaws.cn';
    }
    if (region.startsWith('us-gov-')) {
        return 'https://console.amazonaws-us-gov.com';
    }
    return service === 's3'
        ? 'https://s3.console.aws.amazon.com'
        : `https://${region}.console.aws.amazon.com`;
}

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

/**
 * A folder of downloaded results: the `.out` files, `manifest.json.out`, and
 * `bedrock-batch-job.json`, which remembers the job so the folder can be opened on its own later.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { MANIFEST_FILE_NAME, parseManifest, type ParsedManifest } from './manifest';
import { isObject } from './outputLine';

export const JOB_INFO_FILE = 'bedrock-batch-job.json';

export interface JobInfo {
    readonly jobArn: string;
    readonly jobName: string | undefined;
    readonly region: string;
    readonly modelId: string | undefined;
    readonly status: string | undefined;
    readonly inputS3Uri: string | undefined;
    readonly outputS3Uri: string | undefined;
    /** The local file that was submitted, when known. */
    readonly localInput: string | undefined;
    readonly downloadedAt: string;
}

export function jobInfoText(info: JobInfo): string {
    return `${JSON.stringify(info, undefined, 2)}\n`;
}

export async function readJobInfo(folder: string): Promise<JobInfo | undefined> {
    let value: unknown;
    try {
        value = JSON.parse(await readFile(join(folder, JOB_INFO_FILE), 'utf8'));
    } catch {
        return undefined;
    }
    if (
        !isObject(value) ||
        typeof value['jobArn'] !== 'string' ||
        typeof value['region'] !== 'string'
    ) {
        return undefined;
    }
    const text = (key: string): string | undefined => {
        const v = value[key];
        return typeof v === 'string' && v !== '' ? v : undefined;
    };
    return {
        jobArn: value['jobArn'],
        jobName: text('jobName'),
        region: value['region'],
        modelId: text('modelId'),
        status: text('status'),
        inputS3Uri: text('inputS3Uri'),
        outputS3Uri: text('outputS3Uri'),
        localInput: text('localInput'),
        downloadedAt: text('downloadedAt') ?? '',
    };
}

/** Every record file (`*.out` except the manifest) under the folder, sorted by relative path. */
export async function listOutputFiles(folder: string): Promise<string[]> {
    const entries = await readdir(folder, { recursive: true, withFileTypes: true });
    return entries
        .filter((e) => e.isFile() && e.name.endsWith('.out') && e.name !== MANIFEST_FILE_NAME)
        .map((e) => join(e.parentPath, e.name))
        .sort((a, b) => relative(folder, a).localeCompare(relative(folder, b)));
}

/** The manifest in the folder, or undefined when there is none. */
export async function readManifestFile(folder: string): Promise<ParsedManifest | undefined> {
    let text: string;
    try {
        text = await readFile(join(folder, MANIFEST_FILE_NAME), 'utf8');
    } catch {
        return undefined;
    }
    return parseManifest(text);
}

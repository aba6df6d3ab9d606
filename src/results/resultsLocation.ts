/** Where results go by default, and which local input a job came from. */
import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import { dirname, join, relative, isAbsolute } from 'node:path';
import { jobFolderName } from './jobRef';

/**
 * What the submit feature remembers of a submission: the local file that was uploaded. Returns
 * undefined for jobs submitted elsewhere.
 */
export type SubmissionLookup = (jobArn: string) => { readonly inputFile: string } | undefined;

/**
 * Beside the input file when that file is in the workspace, else
 * `<first workspace folder>/bedrock-results/<jobName>-<jobId>`; undefined without a workspace.
 */
export function defaultResultsFolder(
    job: Pick<ModelInvocationJobSummary, 'jobArn' | 'jobName'>,
    inputFile: string | undefined,
    workspaceFolders: readonly string[],
): string | undefined {
    const name = jobFolderName(job);
    if (inputFile !== undefined && workspaceFolders.some((folder) => isInside(folder, inputFile))) {
        return join(dirname(inputFile), name);
    }
    const first = workspaceFolders[0];
    return first === undefined ? undefined : join(first, 'bedrock-results', name);
}

export function isInside(folder: string, path: string): boolean {
    const rel = relative(folder, path);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * Download Results: every `.out` file and the manifest of a finished job, streamed from
 * `<output>/<jobId>/` into a local folder, with progress and cancel.
 */
import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import * as vscode from 'vscode';
import { describeError } from '../shared/log';
import { notificationText } from '../shared/notificationText';
import { escapeCodicons } from '../shared/quickPickText';
import { downloadObjects, NoResultObjectsError } from './downloadObjects';
import { JOB_INFO_FILE, jobInfoText, type JobInfo } from './jobFolder';
import { asJobRef, isFinished, jobFolderName, jobIdOf, type JobRef } from './jobRef';
import { pickFinishedJob } from './pickJob';
import type { ResultsDeps } from './resultsDeps';
import { defaultResultsFolder } from './resultsLocation';
import { sdkS3Reader } from './s3Reader';
import { jobOutputPrefix } from './s3Location';

export interface DownloadOptions {
    /** Download here without asking (tests, other commands). */
    readonly folder?: string;
    /** Replace files in a folder that is not empty without asking. */
    readonly replace?: boolean;
}

export interface DownloadOutcome {
    readonly folder: string;
    readonly files: readonly string[];
    readonly jobArn: string;
    /** Keys of result objects left in S3 because they are not safe file names here. */
    readonly skipped: readonly string[];
}

export async function downloadResults(
    deps: ResultsDeps,
    arg: unknown,
    options: DownloadOptions = {},
): Promise<DownloadOutcome | undefined> {
    const ref = asJobRef(arg) ?? (await pickFinishedJob(deps.ctx, 'Download Results'));
    if (ref === undefined) {
        return undefined;
    }
    const job = await currentJob(deps, ref);
    const jobArn = job.jobArn ?? '';
    const name = job.jobName ?? jobArn;
    if (!isFinished(job.status)) {
        throw new Error(
            `${name} is ${job.status ?? 'not finished'}: ` +
                'its results can be downloaded once it ends',
        );
    }
    const outputUri = job.outputDataConfig?.s3OutputDataConfig?.s3Uri;
    const prefix =
        outputUri === undefined ? undefined : jobOutputPrefix(outputUri, jobIdOf(jobArn));
    if (prefix === undefined) {
        throw new Error(`${name} has no S3 output location`);
    }
    const localInput = deps.submissions(jobArn)?.inputFile;
    const folder = options.folder ?? (await chooseFolder(job, localInput));
    if (folder === undefined || (options.replace !== true && !(await confirmReplace(folder)))) {
        return undefined;
    }
    const info: JobInfo = {
        jobArn,
        jobName: job.jobName,
        region: ref.region,
        modelId: job.modelId,
        status: job.status,
        inputS3Uri: job.inputDataConfig?.s3InputDataConfig?.s3Uri,
        outputS3Uri: outputUri,
        localInput,
        downloadedAt: new Date().toISOString(),
    };
    const result = await vscode.window.withProgress(
        {
            location: vscode.ProgressLocation.Notification,
            title: notificationText(`Downloading results of ${name}`),
            cancellable: true,
        },
        async (progress, token) => {
            const abort = new AbortController();
            const subscription = token.onCancellationRequested(() => abort.abort());
            let reported = 0;
            try {
                return await downloadObjects(sdkS3Reader(deps.ctx.aws, ref.region), {
                    bucket: prefix.bucket,
                    prefix: prefix.key,
                    folder,
                    signal: abort.signal,
                    extraFiles: [{ name: JOB_INFO_FILE, content: jobInfoText(info) }],
                    onProgress: (p) => {
                        const percent = p.totalBytes === 0 ? 100 : (p.bytes / p.totalBytes) * 100;
                        if (percent - reported >= 1 || p.bytes === p.totalBytes) {
                            progress.report({
                                increment: percent - reported,
                                message: notificationText(
                                    `${p.file} of ${p.files}: ${basename(p.key)} ` +
                                        `(${mb(p.bytes)} of ${mb(p.totalBytes)})`,
                                ),
                            });
                            reported = percent;
                        }
                    },
                });
            } catch (error) {
                if (error instanceof NoResultObjectsError && job.status === 'Failed') {
                    const why =
                        job.message === undefined || job.message === '' ? '' : `: ${job.message}`;
                    throw new Error(`${name} failed before it wrote any results${why}`, {
                        cause: error,
                    });
                }
                throw error;
            } finally {
                subscription.dispose();
            }
        },
    );
    await deps.registry.add({ jobArn, folder, jobName: job.jobName, downloadedAt: Date.now() });
    deps.summaries.forget(jobArn);
    deps.ctx.log.info(`Downloaded ${result.files.length} result files of ${jobArn} to ${folder}`);
    for (const skipped of result.skipped) {
        deps.ctx.log.warn(
            `Download Results: left ${JSON.stringify(`s3://${prefix.bucket}/${skipped.key}`)} ` +
                `in S3: its key ${skipped.reason}`,
        );
    }
    void announce(result.skipped.length, `${name} (${mb(result.bytes)})`, folder).catch(
        (error: unknown) => deps.ctx.log.warn(`Download Results: ${describeError(error)}`),
    );
    return { folder, files: result.files, jobArn, skipped: result.skipped.map((s) => s.key) };
}

/**
 * Says where the results went, with the files left in S3 because of their key (each one is
 * named in the log, with the reason).
 */
async function announce(skipped: number, what: string, folder: string): Promise<void> {
    const done = `Downloaded the results of ${what} to ${folder}.`;
    const actions = ['Open Results', 'Reveal Folder'];
    const left = skipped === 1 ? 'One result file was' : `${skipped} result files were`;
    const choice =
        skipped === 0
            ? await vscode.window.showInformationMessage(notificationText(done), ...actions)
            : await vscode.window.showWarningMessage(
                  notificationText(
                      `${done} ${left} left in S3: their keys are not safe file names in this ` +
                          'folder (the log names them and says why).',
                  ),
                  ...actions,
                  'Show Log',
              );
    if (choice === 'Open Results') {
        await vscode.commands.executeCommand('bedrockBatch.openResults', vscode.Uri.file(folder));
    } else if (choice === 'Reveal Folder') {
        await vscode.commands.executeCommand(
            'revealFileInOS',
            vscode.Uri.file(join(folder, JOB_INFO_FILE)),
        );
    } else if (choice === 'Show Log') {
        await vscode.commands.executeCommand('bedrockBatch.showLog');
    }
}

/** The job as it is now: the explorer's copy may be stale or lack the output location. */
async function currentJob(deps: ResultsDeps, ref: JobRef): Promise<ModelInvocationJobSummary> {
    const sdk = deps.ctx.aws.sdk();
    const fresh = await deps.ctx.aws
        .bedrock(ref.region)
        .send(new sdk.GetModelInvocationJobCommand({ jobIdentifier: ref.job.jobArn }));
    const job: Record<string, unknown> & ModelInvocationJobSummary = { ...ref.job, ...fresh };
    delete job['$metadata'];
    return job;
}

async function chooseFolder(
    job: ModelInvocationJobSummary,
    localInput: string | undefined,
): Promise<string | undefined> {
    const workspace = (vscode.workspace.workspaceFolders ?? [])
        .filter((f) => f.uri.scheme === 'file')
        .map((f) => f.uri.fsPath);
    const proposed = defaultResultsFolder(job, localInput, workspace);
    const choose = 'Choose another folder…';
    if (proposed !== undefined) {
        const picked = await vscode.window.showQuickPick(
            [{ label: escapeCodicons(proposed), description: 'default' }, { label: choose }],
            {
                title: `Download results of ${job.jobName ?? ''}`,
                placeHolder: 'Folder for the result files',
            },
        );
        if (picked === undefined) {
            return undefined;
        }
        if (picked.label !== choose) {
            return proposed;
        }
    }
    const chosen = await vscode.window.showOpenDialog({
        title: 'Folder for the result files',
        canSelectFiles: false,
        canSelectFolders: true,
        canSelectMany: false,
        openLabel: 'Download Here',
    });
    const base = chosen?.[0]?.fsPath;
    if (base === undefined) {
        return undefined;
    }
    // An empty folder is used as it is; a busy one gets a subfolder named after the job.
    return (await isEmptyOrAbsent(base)) ? base : join(base, jobFolderName(job));
}

async function confirmReplace(folder: string): Promise<boolean> {
    if (await isEmptyOrAbsent(folder)) {
        return true;
    }
    const replace = 'Replace';
    const answer = await vscode.window.showWarningMessage(
        `${folder} is not empty. Download anyway, replacing result files of the same name?`,
        { modal: true },
        replace,
    );
    return answer === replace;
}

async function isEmptyOrAbsent(folder: string): Promise<boolean> {
    try {
        return (await readdir(folder)).length === 0;
    } catch {
        return true;
    }
}

function mb(bytes: number): string {
    return bytes < 1_000_000
        ? `${(bytes / 1000).toFixed(1)} KB`
        : `${(bytes / 1_000_000).toFixed(1)} MB`;
}

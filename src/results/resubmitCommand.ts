/**
 * Resubmit Failed and Missing Records: a new `<name>.retry-N.jsonl` with the original lines of
 * every record that errored or never came back, then an offer to submit it.
 */
import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';
import { DEFAULT_QUOTAS } from '../checker/options';
import { quotasFromSettings } from '../diagnostics/checkerSettings';
import { pathExists } from '../shared/pathExists';
import { notificationText } from '../shared/notificationText';
import { escapeCodicons } from '../shared/quickPickText';
import type { S3Reader } from './downloadObjects';
import { listOutputFiles, readJobInfo, type JobInfo } from './jobFolder';
import { readFileLines, splitLines, type RawLine } from './lineReader';
import { writeRetryFile, type RetryCounts, type RetryInput } from './resubmit';
import type { ResultsDeps } from './resultsDeps';
import { resultsFolderOf } from './resultsFolderArg';
import { retryBaseName } from './retryFile';
import { sdkS3Reader } from './s3Reader';
import { keyName, parseS3Uri } from './s3Location';

export interface ResubmitOptions {
    /** The submitted input file, instead of asking. */
    readonly inputFile?: string;
    /** Default true: offer to submit the new file. */
    readonly offerSubmit?: boolean;
}

export interface ResubmitOutcome {
    /** Undefined when nothing needed resubmitting. */
    readonly file: string | undefined;
    readonly counts: RetryCounts;
}

type InputSource =
    | { readonly kind: 'local'; readonly path: string }
    | { readonly kind: 's3'; readonly uri: string };

export async function resubmitFailed(
    deps: ResultsDeps,
    arg: unknown,
    options: ResubmitOptions = {},
): Promise<ResubmitOutcome | undefined> {
    const folder = await resultsFolderOf(deps, arg, 'Resubmit Failed and Missing Records');
    if (folder === undefined) {
        return undefined;
    }
    const outputFiles = await listOutputFiles(folder);
    if (outputFiles.length === 0) {
        throw new Error(`${folder} holds no .out result files`);
    }
    const info = await readJobInfo(folder);
    const source = await inputSource(deps, info, options.inputFile);
    if (source === undefined) {
        return undefined;
    }
    const plan =
        source.kind === 'local'
            ? localPlan(source.path)
            : await s3Plan(sdkS3Reader(deps.ctx.aws, info?.region ?? ''), source.uri, folder, info);
    const result = await vscode.window.withProgress(
        {
            location: vscode.ProgressLocation.Notification,
            title: 'Collecting failed and missing records',
            cancellable: true,
        },
        async (_progress, token) => {
            const abort = new AbortController();
            const subscription = token.onCancellationRequested(() => abort.abort());
            try {
                return await writeRetryFile({
                    inputs: plan.inputs(abort.signal),
                    outputFiles,
                    directory: plan.directory,
                    baseName: plan.baseName,
                    signal: abort.signal,
                });
            } finally {
                subscription.dispose();
            }
        },
    );
    const { counts } = result;
    const skipped = skippedText(counts);
    if (result.path === undefined) {
        void vscode.window.showInformationMessage(
            notificationText(
                `Nothing to resubmit: every record of the input has a result.${skipped}`,
            ),
        );
        return { file: undefined, counts };
    }
    const file = result.path;
    deps.ctx.log.info(
        `Wrote ${counts.failed} failed and ${counts.missing} missing records to ${file}`,
    );
    if (options.offerSubmit !== false) {
        // The setting or the documented default, as the editor's check reads it (no AWS call).
        const settings = deps.ctx.settings;
        const minimum =
            quotasFromSettings((name) => settings.quota(name)).minRecordsPerJob ??
            DEFAULT_QUOTAS.minRecordsPerJob;
        void offerSubmit(file, counts, skipped + tooFewText(counts, minimum), info?.jobArn);
    }
    return { file, counts };
}

/**
 * The submit wizard for the retry file, with the original job's settings (model, role, output,
 * timeout, tags, VPC) read back from Bedrock, so only the review is left to confirm.
 */
async function submitRetryFile(file: string, jobArn: string | undefined): Promise<void> {
    const uri = vscode.Uri.file(file);
    const settings = jobArn === undefined ? [] : [{ fromJobArn: jobArn }];
    await vscode.commands.executeCommand('bedrockBatch.submitJob', uri, ...settings);
}

async function offerSubmit(
    file: string,
    counts: RetryCounts,
    skipped: string,
    jobArn: string | undefined,
): Promise<void> {
    const submit = 'Submit…';
    const open = 'Open File';
    const total = counts.failed + counts.missing;
    const choice = await vscode.window.showInformationMessage(
        notificationText(
            `Wrote ${total} records (${counts.failed} failed, ${counts.missing} missing) ` +
                `to ${basename(file)}.${skipped}`,
        ),
        submit,
        open,
    );
    if (choice === submit) {
        await submitRetryFile(file, jobArn);
    } else if (choice === open) {
        await vscode.window.showTextDocument(vscode.Uri.file(file));
    }
}

/** Said before Submit is clicked: a retry file this small fails the pre-submit check. */
function tooFewText(counts: RetryCounts, minimum: number): string {
    const total = counts.failed + counts.missing;
    return total >= minimum
        ? ''
        : ` A batch job needs at least ${minimum} records: add records to it (or merge it with ` +
              'other work) before submitting.';
}

function skippedText(counts: RetryCounts): string {
    const parts: string[] = [];
    if (counts.withoutId > 0) {
        parts.push(
            `${counts.withoutId} input records without a recordId were left out ` +
                '(their results cannot be matched)',
        );
    }
    if (counts.malformedInput > 0) {
        parts.push(`${counts.malformedInput} input lines that are not JSON were left out`);
    }
    return parts.length === 0 ? '' : ` ${parts.join('; ')}.`;
}

interface Plan {
    readonly directory: string;
    readonly baseName: string;
    inputs(signal: AbortSignal): RetryInput[];
}

function localPlan(path: string): Plan {
    return {
        directory: dirname(path),
        baseName: retryBaseName(path),
        inputs: (signal) => [
            { name: basename(path), lines: () => readFileLines(path, { signal }) },
        ],
    };
}

/**
 * The S3 input: one object, or every `.jsonl` object under a prefix. The retry file then goes in
 * the results folder.
 */
async function s3Plan(
    s3: S3Reader,
    uri: string,
    folder: string,
    info: JobInfo | undefined,
): Promise<Plan> {
    const location = parseS3Uri(uri);
    if (location === undefined) {
        throw new Error(`Not an S3 URI: ${uri}`);
    }
    const keys = location.key.endsWith('.jsonl')
        ? [location.key]
        : (await s3.list(location.bucket, location.key))
              .map((o) => o.key)
              .filter((k) => k.endsWith('.jsonl'));
    const first = keys[0];
    if (first === undefined) {
        throw new Error(`No .jsonl input under ${uri}`);
    }
    return {
        directory: folder,
        baseName: keys.length === 1 ? retryBaseName(keyName(first)) : (info?.jobName ?? 'records'),
        inputs: (signal) =>
            keys.map((key) => ({
                name: keyName(key),
                lines: () => s3Lines(s3, location.bucket, key, signal),
            })),
    };
}

async function* s3Lines(
    s3: S3Reader,
    bucket: string,
    key: string,
    signal: AbortSignal,
): AsyncGenerator<RawLine> {
    yield* splitLines(await s3.get(bucket, key, signal), { signal });
}

async function inputSource(
    deps: ResultsDeps,
    info: JobInfo | undefined,
    explicit: string | undefined,
): Promise<InputSource | undefined> {
    if (explicit !== undefined) {
        return { kind: 'local', path: explicit };
    }
    const known =
        info?.localInput ??
        (info === undefined ? undefined : deps.submissions(info.jobArn)?.inputFile);
    if (known !== undefined && (await pathExists(known))) {
        return { kind: 'local', path: known };
    }
    const local = '$(file) Choose the local input file…';
    const items = [{ label: local, description: 'the .jsonl file that was submitted' }];
    if (info?.inputS3Uri !== undefined) {
        items.push({
            label: '$(cloud) Read the input from S3',
            description: escapeCodicons(info.inputS3Uri),
        });
    }
    const picked = await vscode.window.showQuickPick(items, {
        title: 'Resubmit Failed and Missing Records',
        placeHolder: 'Which input did the job read? Its lines are copied as they are.',
    });
    if (picked === undefined) {
        return undefined;
    }
    if (picked.label !== local && info?.inputS3Uri !== undefined) {
        return { kind: 's3', uri: info.inputS3Uri };
    }
    const chosen = await vscode.window.showOpenDialog({
        title: 'Input file of the job',
        canSelectMany: false,
        filters: { 'JSON Lines': ['jsonl'] },
        openLabel: 'Use as Input',
    });
    const path = chosen?.[0]?.fsPath;
    return path === undefined ? undefined : { kind: 'local', path };
}

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FileCheckResult } from '../checker/types';
import type { Ctx } from '../ctx';
import type { JsonlDiagnostics } from '../diagnostics/jsonlDiagnostics';
import { rangeOf } from '../diagnostics/toVscode';
import { notificationText } from '../shared/notificationText';
import { bucketState, createBucket, createServiceRole } from './awsLookups';
import { editorErrorsNotice, type EditorCheck } from './editorErrors';
import { DEFAULT_TIMEOUT_HOURS } from './jobFields';
import { applyPrefill, fromJobArgument, retriedJob, type JobPrefill } from './jobPrefill';
import { generateJobName } from './jobName';
import { parsePreset, type JobSettings, type SubmitPreset } from './jobSettings';
import { announceCreatedAfterCancel, announceStarted, type StartedJob } from './jobSuccess';
import type { PendingSubmission } from './pendingSubmissions';
import { currentConnection, pinConnection, type AwsAccess } from './pinnedConnection';
import { CheckFailedStop, PreSubmitCheck } from './prepareCheck';
import { readPreviousJob } from './previousJob';
import { loadChoices, saveChoices } from './rememberedChoices';
import { sanitizePrefix } from './s3Paths';
import { bedrockTrustPolicy, s3AccessPolicy } from './serviceRole';
import type { PlannedJob, Submission, SubmitOutcome, SubmitServices } from './submission';
import { reportSubmitFailure } from './submitFailureReport';
import { submitOne, type JobAttempt } from './submitJob';
import { presetArgument, resolveTargets, saveDirtyTargets, targetsProblem } from './targets';
import { runJobWizard } from './wizard/jobWizard';
import { suggestedJobName } from './wizard/jobSteps';
import { rethrowIfCredentials } from './wizard/modelSteps';
import {
    fileCheckModel,
    initialState,
    isOneJob,
    type WizardState,
} from './wizard/wizardState';

export type { SubmitOutcome, SubmitServices } from './submission';

/**
 * "Submit as Bedrock batch...": check, ask, upload, create; a job per file or one per folder.
 * Arguments: the file(s) as the Explorer passes them, then optionally a preset (jobSettings.ts)
 * or `{ fromJobArn }`, which copies that job's settings and opens at the review step. A
 * `<name>.retry-N.jsonl` next to a submitted `<name>.jsonl` gets that job's settings unasked.
 */
export async function submitCommand(
    services: SubmitServices,
    args: readonly unknown[],
): Promise<SubmitOutcome> {
    const files = await resolveTargets(args);
    const problem = await targetsProblem(files);
    if (problem !== undefined) {
        void vscode.window.showErrorMessage(notificationText(`Could not submit: ${problem}`));
        return { status: 'failed', message: problem, jobs: [] };
    }
    const preset = parsePreset(presetArgument(args)) ?? {};
    if (!(await saveDirtyTargets(files, 'Submitting', 'Submit'))) {
        return { status: 'cancelled' };
    }
    const { ctx, diagnostics } = services;
    const stopped = await stopForEditorErrors(diagnostics, files);
    if (stopped !== undefined) {
        return stopped;
    }
    // The wizard lists this connection's buckets and roles: the jobs must go there too.
    const connection = currentConnection(ctx);
    const state = initialState(files, preset);
    const check = new PreSubmitCheck(diagnostics, preset);
    const now = new Date();
    const previous = await previousJob(services, files, preset, args);
    if (previous !== undefined) {
        applyPrefill(state, previous);
        state.jobName ??= suggestedJobName(state, now);
    }
    try {
        await runJobWizard(
            {
                ctx,
                remembered: loadChoices(ctx.extension.workspaceState),
                recentModels: diagnostics.models.recentModels(),
                checkModelOf: (file) => fileCheckModel(diagnostics.models.resolve(file)),
                preset,
                now,
                prepare: (answers) => check.prepare(answers),
            },
            state,
            { fastForward: previous !== undefined },
        );
    } catch (error) {
        if (error instanceof CheckFailedStop) {
            return { status: 'checkFailed', errors: error.errors, warnings: error.warnings };
        }
        if (error instanceof vscode.CancellationError) {
            return { status: 'cancelled' };
        }
        throw error;
    }
    await saveChoices(ctx.extension.workspaceState, state);
    const settings = jobSettingsOf(state);
    await diagnostics.models.rememberSubmitted(files, {
        modelId: settings.modelId,
        invocationType: settings.invocationType,
        region: settings.region,
    });
    const plan: PlannedJob[] = isOneJob(state)
        ? [{ name: settings.jobName, files }]
        : files.map((file) => ({
              name: generateJobName(path.basename(file.fsPath), now),
              files: [file],
          }));
    return runSubmission(services, {
        state,
        settings,
        plan,
        preset,
        check,
        connection,
        createRole: state.role?.kind === 'create',
    });
}

/**
 * Errors the editor already shows for these files are named before the first wizard step, so
 * the user need not answer every question to learn of them. Only a current check counts (file
 * open, saved, checked at its present version). The check after the wizard still decides:
 * its model may differ from the one the editor checked against.
 */
async function stopForEditorErrors(
    diagnostics: JsonlDiagnostics,
    files: readonly vscode.Uri[],
): Promise<SubmitOutcome | undefined> {
    const checks = files.flatMap((uri): (EditorCheck & { uri: vscode.Uri })[] => {
        const result = currentEditorResult(diagnostics, uri);
        return result === undefined ? [] : [{ uri, name: path.basename(uri.fsPath), result }];
    });
    const notice = editorErrorsNotice(checks);
    if (notice === undefined) {
        return undefined;
    }
    const show = 'Show Problems';
    const proceed = 'Continue Anyway';
    const choice = await vscode.window.showErrorMessage(
        notificationText(notice.text),
        show,
        proceed,
    );
    if (choice === proceed) {
        return undefined;
    }
    if (choice !== show) {
        return { status: 'cancelled' };
    }
    const uri = notice.first === undefined ? undefined : checks[notice.first.file]?.uri;
    if (uri !== undefined && notice.first !== undefined) {
        await vscode.window.showTextDocument(uri, { selection: rangeOf(notice.first.diagnostic) });
    }
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    return { status: 'checkFailed', errors: notice.errors, warnings: notice.warnings };
}

/** The editor's check of a file, if the file is open unchanged since and saved. */
function currentEditorResult(
    diagnostics: JsonlDiagnostics,
    uri: vscode.Uri,
): FileCheckResult | undefined {
    const key = uri.toString();
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (
        document === undefined ||
        document.isClosed ||
        document.isDirty ||
        diagnostics.publishedVersion(uri) !== document.version
    ) {
        return undefined;
    }
    return diagnostics.lastResult(uri);
}

/** The settings of the job these files resubmit, if any (explicit, or a retry file's origin). */
async function previousJob(
    services: SubmitServices,
    files: readonly vscode.Uri[],
    preset: SubmitPreset,
    args: readonly unknown[],
): Promise<JobPrefill | undefined> {
    const [only] = files;
    const retried =
        only !== undefined && files.length === 1 && Object.keys(preset).length === 0
            ? retriedJob(only.fsPath, services.history.list())?.jobArn
            : undefined;
    const jobArn = fromJobArgument(args) ?? retried;
    if (jobArn === undefined) {
        return undefined;
    }
    const { ctx } = services;
    try {
        return await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Window, title: 'Reading the previous job' },
            () => readPreviousJob(ctx, jobArn),
        );
    } catch (error) {
        rethrowIfCredentials(error);
        const reason = error instanceof Error ? error.message : String(error);
        ctx.log.warn(`Could not read the settings of ${jobArn}: ${reason}`);
        void vscode.window.showWarningMessage(
            notificationText(
                `Could not read the settings of the previous job (${reason}); ` +
                    'the submit wizard asks for them instead.',
            ),
        );
        return undefined;
    }
}

function jobSettingsOf(state: WizardState): JobSettings {
    const required = (value: string | undefined, what: string): string => {
        if (value === undefined) {
            throw new Error(`The wizard ended without a ${what}`);
        }
        return value;
    };
    const subnets = state.subnetIds ?? [];
    return {
        region: required(state.region, 'region'),
        modelId: required(state.modelId, 'model'),
        invocationType: state.invocationType ?? 'InvokeModel',
        roleArn: required(state.role?.arn, 'service role'),
        bucket: required(state.bucket, 'bucket'),
        prefix: sanitizePrefix(state.prefix ?? ''),
        outputPrefix: sanitizePrefix(state.outputPrefix ?? ''),
        jobName: state.jobName ?? 'batch-job',
        timeoutHours: state.timeoutHours ?? DEFAULT_TIMEOUT_HOURS,
        tags: state.tags ?? [],
        ...(state.kmsKeyId === undefined ? {} : { kmsKeyId: state.kmsKeyId }),
        ...(subnets.length === 0
            ? {}
            : { vpc: { subnetIds: subnets, securityGroupIds: state.securityGroupIds ?? [] } }),
    };
}

/** Runs the planned jobs in order through one pinned connection. */
async function runSubmission(
    services: SubmitServices,
    submission: Submission,
): Promise<SubmitOutcome> {
    const { ctx } = services;
    const moved = connectionMoved(ctx, submission);
    if (moved !== undefined) {
        void vscode.window.showErrorMessage(notificationText(moved));
        return { status: 'failed', message: moved, jobs: [] };
    }
    const access = pinConnection(ctx);
    const { settings } = submission;
    const started: StartedJob[] = [];
    let createdAfterCancel: StartedJob | undefined;
    let attempt: JobAttempt | undefined;
    const source = new vscode.CancellationTokenSource();
    services.onRunning?.(source);
    try {
        if (!(await ensureBucket(access, settings, submission.preset))) {
            return { status: 'cancelled' };
        }
        if (submission.createRole) {
            await createRole(access, submission);
        }
        for (const job of submission.plan) {
            const current: JobAttempt = { job, stage: 'upload' };
            attempt = current;
            const outcome = await vscode.window.withProgress(
                {
                    location: vscode.ProgressLocation.Notification,
                    title: notificationText(`Submitting ${job.name}`),
                    cancellable: true,
                },
                (progress, token) => {
                    const cancelled = token.onCancellationRequested(() => source.cancel());
                    return submitOne(
                        services,
                        submission,
                        access,
                        current,
                        progress,
                        source.token,
                    ).finally(() => {
                        cancelled.dispose();
                    });
                },
            );
            if (outcome.cancelledAfterSend) {
                createdAfterCancel = outcome.started;
                break;
            }
            started.push(outcome.started);
        }
    } catch (error) {
        if (error instanceof vscode.CancellationError) {
            return started.length === 0
                ? { status: 'cancelled' }
                : { status: 'started', jobs: started };
        }
        const index = attempt === undefined ? 0 : submission.plan.indexOf(attempt.job);
        const message = await reportSubmitFailure(
            services,
            {
                submission,
                access,
                attempt,
                started,
                notSubmitted: attempt === undefined ? [] : submission.plan.slice(index + 1),
                rerun: () =>
                    runSubmission(services, {
                        ...submission,
                        plan: submission.plan.slice(index),
                        createRole: submission.createRole && attempt === undefined,
                    }),
            },
            error,
        );
        return { status: 'failed', message, jobs: started };
    } finally {
        services.onRunning?.(undefined);
        source.dispose();
        access.dispose();
        await announce(services, started, createdAfterCancel, submission, attempt);
    }
    return {
        status: 'started',
        jobs: createdAfterCancel === undefined ? started : [...started, createdAfterCancel],
    };
}

/** The wizard's answers belong to the connection it ran on; a switch since then voids them. */
function connectionMoved(ctx: Ctx, submission: Submission): string | undefined {
    const now = currentConnection(ctx);
    return now === submission.connection
        ? undefined
        : `Nothing was submitted: the AWS connection changed from ${submission.connection} to ` +
              `${now} since the submission was set up, and its bucket, role and region belong ` +
              'to the first. Submit again.';
}

async function createRole(access: AwsAccess, submission: Submission): Promise<void> {
    const role = submission.state.role;
    if (role?.kind !== 'create') {
        return;
    }
    const { settings } = submission;
    await createServiceRole(
        access,
        role.name,
        bedrockTrustPolicy(role.partition, role.accountId, settings.region),
        s3AccessPolicy(role.partition, role.accountId, {
            inputBucket: settings.bucket,
            outputBucket: settings.bucket,
        }),
    );
    access.log.info(`Created service role ${role.arn}`);
}

/** Records and shows the jobs that started (those created after a Cancel get their own word). */
async function announce(
    services: SubmitServices,
    started: readonly StartedJob[],
    createdAfterCancel: StartedJob | undefined,
    submission: Submission,
    attempt: JobAttempt | undefined,
): Promise<void> {
    const all = createdAfterCancel === undefined ? started : [...started, createdAfterCancel];
    if (all.length === 0) {
        return;
    }
    const { ctx } = services;
    const now = currentConnection(ctx);
    const elsewhere = now === submission.connection ? undefined : submission.connection;
    await services.history.record(
        all.map((job) => ({
            jobArn: job.jobArn,
            region: job.region,
            files: job.localFiles,
            submittedAt: job.submittedAt.getTime(),
        })),
    );
    const resubmitted = submission.state.fromJob !== undefined;
    await announceStarted(services.explorer, ctx.log, started, elsewhere, resubmitted);
    if (createdAfterCancel !== undefined) {
        const index = attempt === undefined ? -1 : submission.plan.indexOf(attempt.job);
        const notSubmitted = submission.plan.slice(index + 1).map((job) => job.name);
        void announceCreatedAfterCancel(
            services.explorer,
            ctx.log,
            createdAfterCancel,
            notSubmitted,
            elsewhere,
        );
    }
}

async function ensureBucket(
    access: AwsAccess,
    settings: JobSettings,
    preset: SubmitPreset,
): Promise<boolean> {
    const found = await bucketState(access, settings.region, settings.bucket);
    if (found !== 'missing') {
        return true;
    }
    const create = `Create ${settings.bucket}`;
    const answer =
        preset.createBucket === true
            ? create
            : await vscode.window.showWarningMessage(
                  `The bucket ${settings.bucket} does not exist.`,
                  {
                      modal: true,
                      detail:
                          `Create it in ${settings.region} (private, default encryption) ` +
                          'and continue?',
                  },
                  create,
              );
    if (answer !== create) {
        return false;
    }
    await createBucket(access, settings.region, settings.bucket);
    access.log.info(`Created bucket ${settings.bucket} in ${settings.region}`);
    return true;
}

export function describePending(pending: PendingSubmission): string {
    const uri = pending.request.inputDataConfig?.s3InputDataConfig?.s3Uri;
    const where = uri === undefined ? '' : ` in ${uri}`;
    return `${pending.request.jobName ?? 'a batch job'} (${pending.source}${where})`;
}

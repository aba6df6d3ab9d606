import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import type { JsonlDiagnostics } from '../diagnostics/jsonlDiagnostics';
import { reportError, type ReportAction } from '../shared/reportError';
import { bucketState, createBucket, createServiceRole } from './awsLookups';
import { createJobIdempotently, CreateTimedOutError } from './createJob';
import { DEFAULT_TIMEOUT_HOURS, newClientRequestToken } from './jobFields';
import { generateJobName } from './jobName';
import {
    buildCreateRequest,
    inputUri,
    outputUri,
    parsePreset,
    type InputLocation,
    type JobSettings,
    type SubmitPreset,
} from './jobSettings';
import type { SubmissionHistory } from './submissionHistory';
import { announceStarted, type JobRevealer, type StartedJob } from './jobSuccess';
import type { PendingSubmission, PendingSubmissions } from './pendingSubmissions';
import { CheckFailedStop, PreSubmitCheck } from './prepareCheck';
import { loadChoices, saveChoices } from './rememberedChoices';
import { s3UriProblem, sanitizePrefix } from './s3Paths';
import { bedrockTrustPolicy, s3AccessPolicy } from './serviceRole';
import { adviseSubmitFailure, mayNotExistHint } from './submitFailure';
import { presetArgument, resolveTargets, saveDirtyTargets, targetsProblem } from './targets';
import { uploadInput, type UploadItem } from './uploadInput';
import { runJobWizard } from './wizard/jobWizard';
import { inputKeys } from './wizard/storageSteps';
import { initialState, isOneJob, type WizardState } from './wizard/wizardState';

export type SubmitOutcome =
    | { readonly status: 'started'; readonly jobs: readonly StartedJob[] }
    | { readonly status: 'checkFailed'; readonly errors: number; readonly warnings: number }
    | { readonly status: 'cancelled' }
    | { readonly status: 'failed'; readonly message: string; readonly jobs: readonly StartedJob[] };

export interface SubmitServices {
    readonly ctx: Ctx;
    readonly diagnostics: JsonlDiagnostics;
    readonly pending: PendingSubmissions;
    /** Which local files each started job came from, for the results feature. */
    readonly history: SubmissionHistory;
    readonly explorer: JobRevealer;
    /** The cancellation source of the running submission (tests cancel through it). */
    onRunning?: (source: vscode.CancellationTokenSource | undefined) => void;
    /** Called when an input upload starts sending (tests wait for it before cancelling). */
    onUploadStarted?: (key: string) => void;
}

interface PlannedJob {
    readonly name: string;
    readonly files: readonly vscode.Uri[];
}

/** "Submit as Bedrock batch...": check, ask, upload, create; a job per file or one per folder. */
export async function submitCommand(
    services: SubmitServices,
    args: readonly unknown[],
): Promise<SubmitOutcome> {
    const files = await resolveTargets(args);
    const problem = targetsProblem(files);
    if (problem !== undefined) {
        void vscode.window.showErrorMessage(`Could not submit: ${problem}`);
        return { status: 'failed', message: problem, jobs: [] };
    }
    const preset = parsePreset(presetArgument(args)) ?? {};
    if (!(await saveDirtyTargets(files, 'Submitting', 'Submit'))) {
        return { status: 'cancelled' };
    }
    const { ctx, diagnostics } = services;
    const state = initialState(files, preset);
    const check = new PreSubmitCheck(diagnostics, preset);
    const now = new Date();
    try {
        await runJobWizard(
            {
                ctx,
                remembered: loadChoices(ctx.extension.workspaceState),
                recentModels: diagnostics.models.recentModels(),
                preset,
                now,
                prepare: (answers) => check.prepare(answers),
            },
            state,
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
    return runSubmission(services, { state, settings, plan, preset, check });
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

interface Submission {
    readonly state: WizardState;
    readonly settings: JobSettings;
    readonly plan: readonly PlannedJob[];
    readonly preset: SubmitPreset;
    readonly check: PreSubmitCheck;
    /** Token of the Create request being sent, while it is. */
    inFlightToken?: string;
}

async function runSubmission(
    services: SubmitServices,
    submission: Submission,
): Promise<SubmitOutcome> {
    const { ctx } = services;
    const { settings, state } = submission;
    const started: StartedJob[] = [];
    const source = new vscode.CancellationTokenSource();
    services.onRunning?.(source);
    try {
        if (!(await ensureBucket(ctx, settings, submission.preset))) {
            return { status: 'cancelled' };
        }
        if (state.role?.kind === 'create') {
            const role = state.role;
            await createServiceRole(
                ctx,
                role.name,
                bedrockTrustPolicy(role.partition, role.accountId, settings.region),
                s3AccessPolicy(role.partition, role.accountId, {
                    inputBucket: settings.bucket,
                    outputBucket: settings.bucket,
                }),
            );
            ctx.log.info(`Created service role ${role.arn}`);
        }
        for (const job of submission.plan) {
            const outcome = await vscode.window.withProgress(
                {
                    location: vscode.ProgressLocation.Notification,
                    title: `Submitting ${job.name}`,
                    cancellable: true,
                },
                (progress, token) => {
                    const cancelled = token.onCancellationRequested(() => source.cancel());
                    return submitOne(services, submission, job, progress, source.token).finally(
                        () => {
                            cancelled.dispose();
                        },
                    );
                },
            );
            started.push(outcome);
        }
    } catch (error) {
        if (error instanceof vscode.CancellationError) {
            return started.length === 0
                ? { status: 'cancelled' }
                : { status: 'started', jobs: started };
        }
        const message = await reportSubmitFailure(services, submission, error);
        return { status: 'failed', message, jobs: started };
    } finally {
        services.onRunning?.(undefined);
        source.dispose();
        if (started.length > 0) {
            await services.history.record(
                started.map((job) => ({
                    jobArn: job.jobArn,
                    region: job.region,
                    files: job.localFiles,
                    submittedAt: job.submittedAt.getTime(),
                })),
            );
            await announceStarted(services.explorer, ctx.log, started);
        }
    }
    return { status: 'started', jobs: started };
}

async function ensureBucket(
    ctx: Ctx,
    settings: JobSettings,
    preset: SubmitPreset,
): Promise<boolean> {
    const found = await bucketState(ctx, settings.region, settings.bucket);
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
    await createBucket(ctx, settings.region, settings.bucket);
    ctx.log.info(`Created bucket ${settings.bucket} in ${settings.region}`);
    return true;
}

async function submitOne(
    services: SubmitServices,
    submission: Submission,
    job: PlannedJob,
    progress: vscode.Progress<{ message?: string; increment?: number }>,
    token: vscode.CancellationToken,
): Promise<StartedJob> {
    const { ctx } = services;
    const { settings, state } = submission;
    const keys = inputKeys({ ...state, files: job.files }, job.name);
    const items: UploadItem[] = job.files.map((file, index) => {
        const snapshot = submission.check.snapshots.get(file.toString());
        if (snapshot === undefined) {
            throw new Error(`${path.basename(file.fsPath)} was not checked before submitting`);
        }
        return { file, key: keys[index] ?? '', snapshot };
    });
    let reported = 0;
    const folderKey = job.files.length > 1 ? path.posix.dirname(keys[0] ?? '') : undefined;
    const uploaded = await uploadInput(
        {
            ctx,
            region: settings.region,
            bucket: settings.bucket,
            onConflict: submission.preset.onConflict ?? 'ask',
            token,
            report: (message, fraction) => {
                const percent = Math.min(90, fraction * 90);
                progress.report({ message, increment: percent - reported });
                reported = percent;
            },
            ...(services.onUploadStarted === undefined
                ? {}
                : { onUploadStarted: services.onUploadStarted }),
        },
        items,
        folderKey,
    );
    const folder = folderKey !== undefined;
    const [first] = uploaded;
    const input: InputLocation = {
        bucket: settings.bucket,
        key: folder ? path.posix.dirname(first?.key ?? '') : (first?.key ?? ''),
        folder,
    };
    progress.report({ message: 'Creating the batch job', increment: 90 - reported });
    const clientRequestToken = newClientRequestToken(randomUUID);
    const request = buildCreateRequest(
        { ...settings, jobName: job.name },
        input,
        clientRequestToken,
    );
    for (const uri of [inputUri(input), outputUri(settings)]) {
        // Keys are sanitised so this cannot fail; if it ever does, say so before Bedrock does.
        const problem = s3UriProblem(uri);
        if (problem !== undefined) {
            throw new Error(problem);
        }
    }
    const pendingSubmission: PendingSubmission = {
        region: settings.region,
        request,
        source: job.files.map((f) => path.basename(f.fsPath)).join(', '),
        createdAt: Date.now(),
    };
    submission.inFlightToken = clientRequestToken;
    const jobArn = await createWithRoleRetry(services, pendingSubmission, submission, token);
    submission.inFlightToken = undefined;
    return {
        jobArn,
        jobName: job.name,
        region: settings.region,
        modelId: settings.modelId,
        inputUri: inputUri(input),
        outputUri: outputUri(settings),
        clientRequestToken,
        submittedAt: new Date(),
        reusedKeys: uploaded.filter((u) => !u.sent).map((u) => u.key),
        localFiles: job.files.map((file) => file.fsPath),
    };
}

/** A role created a moment ago may not be assumable yet: Bedrock then refuses it for a while. */
async function createWithRoleRetry(
    services: SubmitServices,
    pending: PendingSubmission,
    submission: Submission,
    token: vscode.CancellationToken,
): Promise<string> {
    const options = {
        token,
        ...(submission.preset.createAttemptTimeoutMs === undefined
            ? {}
            : { attemptTimeoutMs: submission.preset.createAttemptTimeoutMs }),
    };
    const newRole = submission.state.role?.kind === 'create';
    for (let round = 0; ; round++) {
        try {
            return await createJobIdempotently(services.ctx, services.pending, pending, options);
        } catch (error) {
            const name = (error as { name?: unknown }).name;
            const roleNotReady =
                newRole &&
                name === 'ValidationException' &&
                /role|assume/i.test(String((error as Error).message));
            if (!roleNotReady || round >= 5) {
                throw error;
            }
            services.ctx.log.info('The new service role is not usable yet; trying again in 5 s');
            await new Promise((resolve) => setTimeout(resolve, 5000));
        }
    }
}

/** Says what went wrong and how to fix it; keeps a Create that may have reached Bedrock. */
async function reportSubmitFailure(
    services: SubmitServices,
    submission: Submission,
    error: unknown,
): Promise<string> {
    const { ctx } = services;
    const { settings } = submission;
    const advice = adviseSubmitFailure(error, settings, ctx.profile);
    const keep = advice.mayHaveReachedService || error instanceof CreateTimedOutError;
    const token = submission.inFlightToken;
    const pending = services.pending.list().find((p) => p.request.clientRequestToken === token);
    if (!keep && pending !== undefined) {
        // The service answered: no job exists for this token, so there is nothing to resume.
        await services.pending.remove(token);
    }
    const actions: ReportAction[] = [];
    if (advice.suggestedModelId !== undefined) {
        const suggested = advice.suggestedModelId;
        actions.push({
            title: `Submit with ${suggested}`,
            run: () =>
                vscode.commands.executeCommand(
                    'bedrockBatch.submitJob',
                    submission.state.files[0],
                    submission.state.files,
                    {
                        region: settings.region,
                        modelId: suggested,
                        invocationType: settings.invocationType,
                        roleArn: settings.roleArn,
                        bucket: settings.bucket,
                        prefix: settings.prefix,
                        outputPrefix: settings.outputPrefix,
                        jobName: settings.jobName,
                        timeoutHours: settings.timeoutHours,
                    },
                ),
        });
    }
    const hint =
        error instanceof CreateTimedOutError
            ? mayNotExistHint
            : advice.hint;
    void reportError(ctx.log, error, {
        doing: `Could not submit ${submission.plan.map((j) => j.name).join(', ')}`,
        profile: ctx.profile,
        ...(hint === undefined ? {} : { hint }),
        actions,
        ...(keep && pending !== undefined
            ? {
                  retry: () =>
                      vscode.commands.executeCommand(
                          'bedrockBatch.resumeSubmission',
                          pending.request.clientRequestToken,
                      ),
              }
            : {}),
    });
    return hint === undefined ? advice.failure.message : `${advice.failure.message} ${hint}`;
}

export function describePending(pending: PendingSubmission): string {
    const uri = pending.request.inputDataConfig?.s3InputDataConfig?.s3Uri;
    const where = uri === undefined ? '' : ` in ${uri}`;
    return `${pending.request.jobName ?? 'a batch job'} (${pending.source}${where})`;
}

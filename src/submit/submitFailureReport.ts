import * as path from 'node:path';
import * as vscode from 'vscode';
import { asSentence } from '../shared/notificationText';
import { reportError, type ReportAction } from '../shared/reportError';
import { CreateTimedOutError } from './createJob';
import type { StartedJob } from './jobSuccess';
import { copyRemovalAction } from './leftoverNotice';
import type { PinnedConnection } from './pinnedConnection';
import type { PlannedJob, Submission, SubmitServices } from './submission';
import { adviseSubmitFailure, mayNotExistHint, type SubmitStage } from './submitFailure';
import type { JobAttempt } from './submitJob';
import { UploadFailedError } from './uploadInput';
import { leftoverAdvice } from './uploadLeftovers';

/** Where a submission stopped. */
export interface FailedRun {
    readonly submission: Submission;
    readonly access: PinnedConnection;
    /** The job that failed and how far it got; undefined when bucket or role setup failed. */
    readonly attempt: JobAttempt | undefined;
    /** Jobs of this run that started before the failure. */
    readonly started: readonly StartedJob[];
    /** Jobs after the failed one, never tried. */
    readonly notSubmitted: readonly PlannedJob[];
    /** Runs the failed job and the ones after it again (nothing was created for them). */
    readonly rerun: () => unknown;
}

/**
 * Says which job failed at which step, in the service's words, and what applies to that step:
 * an upload failure left no job (and says what it could not clean up), a refused Create needs a
 * change, a Create whose answer was lost is resumed with the same token. Jobs that did start are
 * not named here: their own notification does that. Returns the message for the outcome.
 */
export async function reportSubmitFailure(
    services: SubmitServices,
    run: FailedRun,
    error: unknown,
): Promise<string> {
    const { submission, access, attempt } = run;
    const { settings } = submission;
    const stage: SubmitStage = attempt?.stage ?? 'prepare';
    const cause = error instanceof UploadFailedError ? error.cause : error;
    const advice = adviseSubmitFailure(cause, { ...settings, stage }, access.profile);
    const token = attempt?.clientRequestToken;
    const pending =
        token === undefined
            ? undefined
            : services.pending.list().find((p) => p.request.clientRequestToken === token);
    const answerLost =
        stage === 'create' &&
        (advice.mayHaveReachedService || cause instanceof CreateTimedOutError);
    if (!answerLost && pending !== undefined) {
        // The service answered: no job exists for this token, so there is nothing to resume.
        await services.pending.remove(token);
    }
    const actions: ReportAction[] = [];
    if (advice.suggestedModelId !== undefined) {
        actions.push(suggestedModelAction(run, advice.suggestedModelId));
    }
    const leftovers = error instanceof UploadFailedError ? error.leftovers : [];
    if (leftovers.length > 0) {
        actions.push(copyRemovalAction(access, settings.region, leftovers));
    }
    const retry =
        answerLost && pending !== undefined
            ? () => vscode.commands.executeCommand('bedrockBatch.resumeSubmission', token)
            : stage !== 'create' && advice.worthRetrying
              ? run.rerun
              : undefined;
    const hint = [
        cause instanceof CreateTimedOutError ? mayNotExistHint : advice.hint,
        leftovers.length > 0 ? leftoverAdvice(leftovers) : undefined,
        rest(run),
    ]
        .filter((part) => part !== undefined && part !== '')
        .join(' ');
    void reportError(access.log, cause, {
        doing: doing(run, stage, error, answerLost),
        profile: access.profile,
        ...(hint === '' ? {} : { hint }),
        actions,
        ...(retry === undefined ? {} : { retry }),
    });
    const message = asSentence(advice.failure.message);
    return hint === '' ? message : `${message} ${hint}`;
}

function doing(run: FailedRun, stage: SubmitStage, error: unknown, answerLost: boolean): string {
    const names =
        run.attempt === undefined
            ? run.submission.plan.map((job) => job.name).join(', ')
            : run.attempt.job.name;
    switch (stage) {
        case 'prepare':
            return `Could not submit ${names}`;
        case 'upload': {
            const files = (run.attempt?.job.files ?? []).map((f) => path.basename(f.fsPath));
            const target = error instanceof UploadFailedError ? ` to ${error.target}` : '';
            return `Could not submit ${names}: uploading ${files.join(', ')}${target} failed`;
        }
        case 'create':
            return answerLost
                ? `Could not submit ${names}: Bedrock's answer to the Create request was lost`
                : `Could not submit ${names}`;
    }
}

/** What became of the submission's other jobs, without naming those that started. */
function rest(run: FailedRun): string {
    const parts: string[] = [];
    const started = run.started.length;
    if (started > 0) {
        parts.push(
            started === 1 ? 'The job before it started.' : `The ${started} jobs before it started.`,
        );
    }
    if (run.notSubmitted.length > 0) {
        parts.push(`Not submitted: ${run.notSubmitted.map((job) => job.name).join(', ')}.`);
    }
    return parts.join(' ');
}

/** Submit the jobs that did not start again, with the model id the advice suggests. */
function suggestedModelAction(run: FailedRun, modelId: string): ReportAction {
    const { settings } = run.submission;
    const files = [
        ...(run.attempt === undefined ? run.submission.plan : [run.attempt.job]),
        ...run.notSubmitted,
    ].flatMap((job) => job.files);
    return {
        title: `Submit with ${modelId}`,
        run: () =>
            vscode.commands.executeCommand('bedrockBatch.submitJob', files[0], files, {
                region: settings.region,
                modelId,
                invocationType: settings.invocationType,
                roleArn: settings.roleArn,
                bucket: settings.bucket,
                prefix: settings.prefix,
                outputPrefix: settings.outputPrefix,
                jobName: settings.jobName,
                timeoutHours: settings.timeoutHours,
            }),
    };
}

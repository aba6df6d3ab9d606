import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { notificationText } from '../shared/notificationText';
import { createJobIdempotently, type CreatedJob } from './createJob';
import { newClientRequestToken } from './jobFields';
import { buildCreateRequest, inputUri, outputUri, type InputLocation } from './jobSettings';
import type { StartedJob } from './jobSuccess';
import type { PendingSubmission } from './pendingSubmissions';
import type { PinnedConnection } from './pinnedConnection';
import { s3UriProblem } from './s3Paths';
import type { PlannedJob, Submission, SubmitServices } from './submission';
import type { SubmitStage } from './submitFailure';
import { uploadInput, type UploadItem } from './uploadInput';
import { inputKeys } from './wizard/storageSteps';

/** How far one job got: what a failure report needs to say and to offer. */
export interface JobAttempt {
    readonly job: PlannedJob;
    stage: SubmitStage;
    /** Token of the Create request, once built. */
    clientRequestToken?: string;
}

export interface SubmittedJob {
    readonly started: StartedJob;
    /** Cancel came after the Create request was sent: the job exists all the same. */
    readonly cancelledAfterSend: boolean;
}

type Progress = vscode.Progress<{ message?: string; increment?: number }>;

/** Uploads one job's files and creates the job, all through the submission's own connection. */
export async function submitOne(
    services: SubmitServices,
    submission: Submission,
    access: PinnedConnection,
    attempt: JobAttempt,
    progress: Progress,
    token: vscode.CancellationToken,
): Promise<SubmittedJob> {
    const { settings, state } = submission;
    const { job } = attempt;
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
    attempt.stage = 'upload';
    const uploaded = await uploadInput(
        {
            access,
            region: settings.region,
            bucket: settings.bucket,
            onConflict: submission.preset.onConflict ?? 'ask',
            token,
            report: (message, fraction) => {
                const percent = Math.min(90, fraction * 90);
                progress.report({
                    message: notificationText(message),
                    increment: percent - reported,
                });
                reported = percent;
            },
            ...(services.onUploadStarted === undefined
                ? {}
                : { onUploadStarted: services.onUploadStarted }),
        },
        items,
        folderKey,
    );
    attempt.stage = 'create';
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
        connection: access.description,
    };
    attempt.clientRequestToken = clientRequestToken;
    const created = await createWithRoleRetry(
        services,
        submission,
        access,
        pendingSubmission,
        token,
    );
    return {
        cancelledAfterSend: created.cancelledAfterSend,
        started: {
            jobArn: created.jobArn,
            jobName: job.name,
            region: settings.region,
            modelId: settings.modelId,
            inputUri: inputUri(input),
            outputUri: outputUri(settings),
            clientRequestToken,
            submittedAt: new Date(),
            reusedKeys: uploaded.filter((u) => !u.sent).map((u) => u.key),
            localFiles: job.files.map((file) => file.fsPath),
        },
    };
}

/** A role created a moment ago may not be assumable yet: Bedrock then refuses it for a while. */
async function createWithRoleRetry(
    services: SubmitServices,
    submission: Submission,
    access: PinnedConnection,
    pending: PendingSubmission,
    token: vscode.CancellationToken,
): Promise<CreatedJob> {
    const name = pending.request.jobName ?? 'the job';
    let sent = false;
    const options = {
        token,
        onSent: () => {
            sent = true;
        },
        ...(submission.preset.createAttemptTimeoutMs === undefined
            ? {}
            : { attemptTimeoutMs: submission.preset.createAttemptTimeoutMs }),
    };
    for (let round = 0; ; round++) {
        const creating = createJobIdempotently(access, services.pending, pending, options);
        // The notification closes on Cancel; until Bedrock answers, say what is happening.
        const waiting = token.onCancellationRequested(() => {
            if (sent) {
                void waitForAnswer(name, creating);
            }
        });
        try {
            return await creating;
        } catch (error) {
            const errorName = (error as { name?: unknown }).name;
            const roleNotReady =
                submission.createRole &&
                errorName === 'ValidationException' &&
                /role|assume/i.test(String((error as Error).message));
            if (!roleNotReady || round >= 5) {
                throw error;
            }
            access.log.info('The new service role is not usable yet; trying again in 5 s');
            await new Promise((resolve) => setTimeout(resolve, 5000));
            if (token.isCancellationRequested) {
                // Bedrock refused the last attempt: no job exists for this token.
                await services.pending.remove(pending.request.clientRequestToken);
                throw new vscode.CancellationError();
            }
        } finally {
            waiting.dispose();
        }
    }
}

function waitForAnswer(jobName: string, creating: Promise<unknown>): Thenable<unknown> {
    return vscode.window.withProgress(
        {
            location: vscode.ProgressLocation.Notification,
            title: notificationText(
                `Cancel came after Bedrock received the request to create ${jobName}: ` +
                    'waiting for its answer',
            ),
        },
        () => creating.catch(() => undefined),
    );
}

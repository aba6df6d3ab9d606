import * as vscode from 'vscode';
import { notificationText } from '../shared/notificationText';
import { reportError } from '../shared/reportError';
import { createJobIdempotently, CreateTimedOutError } from './createJob';
import { announceCreatedAfterCancel, announceStarted, type StartedJob } from './jobSuccess';
import type { PendingSubmission } from './pendingSubmissions';
import { currentConnection, pinConnection } from './pinnedConnection';
import { adviseSubmitFailure } from './submitFailure';
import { describePending, type SubmitOutcome, type SubmitServices } from './submitFlow';

export const resumeSubmissionCommand = 'bedrockBatch.resumeSubmission';

/**
 * Re-sends stored Create requests unchanged, token included: Bedrock answers with the job the
 * first attempt started, or starts it now if that attempt never arrived. Never a second job.
 */
export async function resumeSubmissions(
    services: SubmitServices,
    token?: string,
): Promise<SubmitOutcome> {
    const chosen = services.pending
        .list()
        .filter((p) => token === undefined || p.request.clientRequestToken === token);
    const started: StartedJob[] = [];
    for (const pending of chosen) {
        const elsewhere = otherConnection(services, pending);
        if (elsewhere !== undefined) {
            void refuseElsewhere(services, pending, elsewhere);
            await announceStarted(services.explorer, services.ctx.log, started);
            return { status: 'failed', message: elsewhere, jobs: started };
        }
        const access = pinConnection(services.ctx);
        try {
            const created = await vscode.window.withProgress(
                {
                    location: vscode.ProgressLocation.Notification,
                    title: notificationText(
                        `Resuming the submission of ${describePending(pending)}`,
                    ),
                    cancellable: true,
                },
                (_progress, cancel) =>
                    createJobIdempotently(access, services.pending, pending, { token: cancel }),
            );
            const job = startedJob(pending, created.jobArn);
            if (created.cancelledAfterSend) {
                void announceCreatedAfterCancel(services.explorer, services.ctx.log, job, []);
            } else {
                started.push(job);
            }
        } catch (error) {
            if (error instanceof vscode.CancellationError) {
                continue;
            }
            const context = {
                region: pending.region,
                modelId: pending.request.modelId ?? '',
                roleArn: pending.request.roleArn ?? '',
            };
            const advice = adviseSubmitFailure(error, context, access.profile);
            const keep = advice.mayHaveReachedService || error instanceof CreateTimedOutError;
            if (!keep) {
                await services.pending.remove(pending.request.clientRequestToken);
            }
            void reportError(services.ctx.log, error, {
                doing: `Could not resume the submission of ${describePending(pending)}`,
                profile: access.profile,
                ...(advice.hint === undefined ? {} : { hint: advice.hint }),
                ...(keep
                    ? {
                          retry: () =>
                              resumeSubmissions(services, pending.request.clientRequestToken),
                      }
                    : {}),
            });
            await announceStarted(services.explorer, services.ctx.log, started);
            return { status: 'failed', message: advice.failure.message, jobs: started };
        } finally {
            access.dispose();
        }
    }
    await announceStarted(services.explorer, services.ctx.log, started);
    return started.length === 0 ? { status: 'cancelled' } : { status: 'started', jobs: started };
}

/**
 * Why the pending request cannot be re-sent from here, if it cannot: it went through another
 * connection, whose account has its input and maybe its job; asking this one could create the
 * job in an account that does not have the input, or be refused for reasons that say nothing.
 */
function otherConnection(services: SubmitServices, pending: PendingSubmission): string | undefined {
    const now = currentConnection(services.ctx);
    if (pending.connection === undefined || pending.connection === now) {
        return undefined;
    }
    return (
        `The submission of ${describePending(pending)} was sent through ${pending.connection}, ` +
        `and Bedrock Batch now uses ${now}. Switch back (bedrockBatch.profile and ` +
        'bedrockBatch.endpoints, or Open Sandbox) to resume it, or discard it.'
    );
}

async function refuseElsewhere(
    services: SubmitServices,
    pending: PendingSubmission,
    message: string,
): Promise<void> {
    const discard = 'Discard';
    const choice = await vscode.window.showErrorMessage(
        notificationText(`Could not resume. ${message}`),
        discard,
    );
    if (choice === discard) {
        await discardPending(services, pending);
    }
}

async function discardPending(services: SubmitServices, pending: PendingSubmission): Promise<void> {
    await services.pending.remove(pending.request.clientRequestToken);
    void vscode.window.showInformationMessage(
        'Discarded. If Bedrock did receive it, the job still appears in Batch Jobs.',
    );
}

function startedJob(pending: PendingSubmission, jobArn: string): StartedJob {
    const request = pending.request;
    return {
        jobArn,
        jobName: request.jobName ?? '',
        region: pending.region,
        modelId: request.modelId ?? '',
        inputUri: request.inputDataConfig?.s3InputDataConfig?.s3Uri ?? '',
        outputUri: request.outputDataConfig?.s3OutputDataConfig?.s3Uri ?? '',
        clientRequestToken: request.clientRequestToken ?? '',
        submittedAt: new Date(pending.createdAt),
        reusedKeys: [],
        localFiles: [],
    };
}

/** At activation: a submission whose answer never came is offered for resuming (no AWS yet). */
export function offerToResume(services: SubmitServices): void {
    for (const pending of services.pending.list()) {
        const resume = 'Resume Submission';
        const discard = 'Discard';
        void vscode.window
            .showWarningMessage(
                notificationText(
                    `The submission of ${describePending(pending)} did not finish: VS Code ` +
                        'closed or the connection dropped before Bedrock answered. Resume it? ' +
                        'It re-sends the same request, which cannot start a second job.',
                ),
                resume,
                discard,
            )
            .then(async (choice) => {
                if (choice === resume) {
                    await resumeSubmissions(services, pending.request.clientRequestToken);
                } else if (choice === discard) {
                    await discardPending(services, pending);
                }
            });
    }
}

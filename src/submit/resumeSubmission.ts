import * as vscode from 'vscode';
import { reportError } from '../shared/reportError';
import { createJobIdempotently, CreateTimedOutError } from './createJob';
import { announceStarted, type StartedJob } from './jobSuccess';
import type { PendingSubmission } from './pendingSubmissions';
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
        try {
            const jobArn = await vscode.window.withProgress(
                {
                    location: vscode.ProgressLocation.Notification,
                    title: `Resuming the submission of ${describePending(pending)}`,
                    cancellable: true,
                },
                (_progress, cancel) =>
                    createJobIdempotently(services.ctx, services.pending, pending, {
                        token: cancel,
                    }),
            );
            started.push(startedJob(pending, jobArn));
        } catch (error) {
            if (error instanceof vscode.CancellationError) {
                continue;
            }
            const context = {
                region: pending.region,
                modelId: pending.request.modelId ?? '',
                roleArn: pending.request.roleArn ?? '',
            };
            const advice = adviseSubmitFailure(error, context, services.ctx.profile);
            const keep = advice.mayHaveReachedService || error instanceof CreateTimedOutError;
            if (!keep) {
                await services.pending.remove(pending.request.clientRequestToken);
            }
            void reportError(services.ctx.log, error, {
                doing: `Could not resume the submission of ${describePending(pending)}`,
                profile: services.ctx.profile,
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
        }
    }
    await announceStarted(services.explorer, services.ctx.log, started);
    return started.length === 0 ? { status: 'cancelled' } : { status: 'started', jobs: started };
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
                `The submission of ${describePending(pending)} did not finish: VS Code closed ` +
                    'or the connection dropped before Bedrock answered. Resume it? It re-sends ' +
                    'the same request, which cannot start a second job.',
                resume,
                discard,
            )
            .then(async (choice) => {
                if (choice === resume) {
                    await resumeSubmissions(services, pending.request.clientRequestToken);
                } else if (choice === discard) {
                    await services.pending.remove(pending.request.clientRequestToken);
                    void vscode.window.showInformationMessage(
                        'Discarded. If Bedrock did receive it, the job still appears in ' +
                            'Batch Jobs.',
                    );
                }
            });
    }
}

import type * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { activateDiagnostics, type DiagnosticsFeature } from '../diagnostics/activation';
import type { JobRevealer } from './jobSuccess';
import { registerCommand } from '../shared/commands';
import { PendingSubmissions } from './pendingSubmissions';
import { SubmissionHistory } from './submissionHistory';
import { offerToResume, resumeSubmissionCommand, resumeSubmissions } from './resumeSubmission';
import { submitCommand, type SubmitOutcome, type SubmitServices } from './submitFlow';
import { activeStep, type StepSnapshot } from './wizard/multiStepInput';

/** What the integration tests may read or do about submitting. */
export interface SubmitTesting {
    readonly pending: PendingSubmissions;
    /** Which local files each started job came from. */
    readonly history: SubmissionHistory;
    readonly diagnostics: DiagnosticsFeature;
    /** The wizard step on screen, if any. */
    wizardStep(): StepSnapshot | undefined;
    /** Keys whose upload has started during the current submission. */
    readonly uploadsStarted: readonly string[];
    /** Cancels the running submission, as its notification's Cancel button does. */
    cancelRunning(): boolean;
    readonly lastOutcome: SubmitOutcome | undefined;
}

/**
 * "Submit as Bedrock batch..." and the editor face of the checker. Activation loads no SDK: a
 * pending submission is only offered for resuming; AWS is called once the user accepts.
 */
export function activateSubmit(ctx: Ctx, explorer: JobRevealer): SubmitTesting {
    const diagnostics = activateDiagnostics(ctx);
    const pending = new PendingSubmissions(ctx.extension.workspaceState);
    const history = new SubmissionHistory(ctx.extension.workspaceState);
    let running: vscode.CancellationTokenSource | undefined;
    const uploadsStarted: string[] = [];
    let lastOutcome: SubmitOutcome | undefined;
    const services: SubmitServices = {
        ctx,
        diagnostics: diagnostics.diagnostics,
        pending,
        history,
        explorer,
        onRunning: (source) => {
            running = source;
            if (source !== undefined) {
                uploadsStarted.length = 0;
            }
        },
        onUploadStarted: (key) => uploadsStarted.push(key),
    };
    ctx.extension.subscriptions.push(
        registerCommand(
            ctx,
            'bedrockBatch.submitJob',
            'Could not submit the batch job',
            async (...args) => {
                lastOutcome = undefined;
                lastOutcome = await submitCommand(services, args);
                return lastOutcome;
            },
            // No blind Retry: with a preset it would upload and create without asking. The
            // flow offers its own (resume with the same token, or upload again).
        ),
        registerCommand(
            ctx,
            resumeSubmissionCommand,
            'Could not resume the submission',
            async (token) => {
                lastOutcome = await resumeSubmissions(
                    services,
                    typeof token === 'string' ? token : undefined,
                );
                return lastOutcome;
            },
            // Re-sending the same token cannot start a second job.
            { retry: true },
        ),
    );
    offerToResume(services);
    return {
        pending,
        history,
        diagnostics,
        wizardStep: activeStep,
        uploadsStarted,
        cancelRunning: () => {
            running?.cancel();
            return running !== undefined;
        },
        get lastOutcome() {
            return lastOutcome;
        },
    };
}

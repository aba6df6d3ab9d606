import type { CreateModelInvocationJobRequest } from '@aws-sdk/client-bedrock';
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import type { PendingSubmission, PendingSubmissions } from './pendingSubmissions';

/** How long one Create attempt may take before it is re-sent (with the same token). */
export const DEFAULT_ATTEMPT_TIMEOUT_MS = 90_000;
const attempts = 3;

/** Every attempt timed out: the job may exist; the pending submission is kept for a retry. */
export class CreateTimedOutError extends Error {
    constructor(readonly seconds: number) {
        super(
            `Bedrock did not answer CreateModelInvocationJob within ${seconds} s, ` +
                `${attempts} times.`,
        );
        this.name = 'CreateTimedOutError';
    }
}

export interface CreateOptions {
    readonly attemptTimeoutMs?: number;
    readonly token?: vscode.CancellationToken;
}

/**
 * Sends CreateModelInvocationJob so that it can start at most one job: the request and its
 * client request token are stored before the first byte is sent, every retry (the SDK's own and
 * ours after a timeout) re-sends the same token, and the stored request is forgotten only once
 * the answer says whether a job exists. Returns the job ARN.
 */
export async function createJobIdempotently(
    ctx: Ctx,
    pending: PendingSubmissions,
    submission: PendingSubmission,
    options: CreateOptions = {},
): Promise<string> {
    const token = submission.request.clientRequestToken;
    if (token === undefined) {
        throw new Error('A submission needs its client request token before it is sent');
    }
    await pending.add(submission);
    const sdk = ctx.aws.sdk();
    const client = ctx.aws.bedrock(submission.region);
    const timeoutMs = options.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS;
    for (let attempt = 1; attempt <= attempts; attempt++) {
        const timeout = AbortSignal.timeout(timeoutMs);
        const user = new AbortController();
        const cancelled = options.token?.onCancellationRequested(() => user.abort());
        try {
            const response = await client.send(
                new sdk.CreateModelInvocationJobCommand(copy(submission.request)),
                {
                    abortSignal: AbortSignal.any([timeout, user.signal]),
                },
            );
            if (response.jobArn === undefined) {
                throw new Error('CreateModelInvocationJob answered without a job ARN');
            }
            await pending.remove(token);
            return response.jobArn;
        } catch (error) {
            if (user.signal.aborted) {
                // The request may already have reached Bedrock: keep it so Resume finds that job.
                throw new vscode.CancellationError();
            }
            if (!timeout.aborted) {
                throw error;
            }
            ctx.log.warn(
                `CreateModelInvocationJob attempt ${attempt} timed out after ${timeoutMs} ms; ` +
                    're-sending the same request token',
            );
        } finally {
            cancelled?.dispose();
        }
    }
    throw new CreateTimedOutError(Math.round(timeoutMs / 1000));
}

/** The SDK may fill fields in place; the stored request must stay exactly as first sent. */
function copy(request: CreateModelInvocationJobRequest): CreateModelInvocationJobRequest {
    return JSON.parse(JSON.stringify(request)) as CreateModelInvocationJobRequest;
}

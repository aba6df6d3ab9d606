import type { CreateModelInvocationJobRequest } from '@aws-sdk/client-bedrock';
import * as vscode from 'vscode';
import type { PendingSubmission, PendingSubmissions } from './pendingSubmissions';
import type { AwsAccess } from './pinnedConnection';

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
    /**
     * The user's Cancel. Before the request is sent it stops everything. Once sent it cannot be
     * taken back (Bedrock may already have started the job), so the answer is still awaited and
     * the result says the job was created after the cancel: keeping quiet would leave a running
     * job the user believes cancelled.
     */
    readonly token?: vscode.CancellationToken;
    /** Called when the request is handed to the SDK: from here on, Cancel cannot stop it. */
    readonly onSent?: () => void;
}

export interface CreatedJob {
    readonly jobArn: string;
    /** The user cancelled after the request had been sent; the job exists all the same. */
    readonly cancelledAfterSend: boolean;
}

/**
 * Sends CreateModelInvocationJob so that it can start at most one job: the request and its
 * client request token are stored before the first byte is sent, every retry (the SDK's own and
 * ours after a timeout) re-sends the same token, and the stored request is forgotten only once
 * the answer says whether a job exists.
 */
export async function createJobIdempotently(
    access: Pick<AwsAccess, 'aws' | 'log'>,
    pending: PendingSubmissions,
    submission: PendingSubmission,
    options: CreateOptions = {},
): Promise<CreatedJob> {
    const token = submission.request.clientRequestToken;
    if (token === undefined) {
        throw new Error('A submission needs its client request token before it is sent');
    }
    if (isCancelled(options.token)) {
        throw new vscode.CancellationError();
    }
    await pending.add(submission);
    if (isCancelled(options.token)) {
        await pending.remove(token);
        throw new vscode.CancellationError();
    }
    const sdk = access.aws.sdk();
    const client = access.aws.bedrock(submission.region);
    const timeoutMs = options.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS;
    options.onSent?.();
    for (let attempt = 1; attempt <= attempts; attempt++) {
        const timeout = AbortSignal.timeout(timeoutMs);
        try {
            const response = await client.send(
                new sdk.CreateModelInvocationJobCommand(copy(submission.request)),
                { abortSignal: timeout },
            );
            if (response.jobArn === undefined) {
                throw new Error('CreateModelInvocationJob answered without a job ARN');
            }
            await pending.remove(token);
            return {
                jobArn: response.jobArn,
                cancelledAfterSend: isCancelled(options.token),
            };
        } catch (error) {
            if (!timeout.aborted) {
                throw error;
            }
            access.log.warn(
                `CreateModelInvocationJob attempt ${attempt} timed out after ${timeoutMs} ms; ` +
                    're-sending the same request token',
            );
        }
    }
    throw new CreateTimedOutError(Math.round(timeoutMs / 1000));
}

/** A function, so that each read sees the token as it is now. */
function isCancelled(token: vscode.CancellationToken | undefined): boolean {
    return token?.isCancellationRequested === true;
}

/** The SDK may fill fields in place; the stored request must stay exactly as first sent. */
function copy(request: CreateModelInvocationJobRequest): CreateModelInvocationJobRequest {
    return JSON.parse(JSON.stringify(request)) as CreateModelInvocationJobRequest;
}

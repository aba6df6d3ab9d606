/**
 * Create requests that were sent (or about to be) but whose answer never arrived. Each is stored
 * with its client request token BEFORE the call, so re-sending it after a timeout or a window
 * reload can only ever find the job the first attempt started, never start a second one.
 */
import type { CreateModelInvocationJobRequest } from '@aws-sdk/client-bedrock';

export interface PendingSubmission {
    readonly region: string;
    /** The complete request, token included; re-sent unchanged. */
    readonly request: CreateModelInvocationJobRequest;
    /** Shown to the user: the file or folder being submitted. */
    readonly source: string;
    readonly createdAt: number;
    /**
     * describeConnection() of the connection it was sent through (profile and endpoints, or the
     * sandbox endpoint; never credentials). Resuming elsewhere would ask another account, which
     * has neither the job nor its input. Missing in requests stored by older versions.
     */
    readonly connection?: string;
}

/** The part of vscode.Memento used here, so the store is testable without VS Code. */
export interface StateStore {
    get<T>(key: string): T | undefined;
    update(key: string, value: unknown): PromiseLike<void>;
}

const stateKey = 'bedrockBatch.submit.pending';

export class PendingSubmissions {
    constructor(private readonly state: StateStore) {}

    list(): PendingSubmission[] {
        return this.state.get<PendingSubmission[]>(stateKey) ?? [];
    }

    async add(submission: PendingSubmission): Promise<void> {
        const token = submission.request.clientRequestToken;
        await this.state.update(stateKey, [
            ...this.list().filter((p) => p.request.clientRequestToken !== token),
            submission,
        ]);
    }

    async remove(clientRequestToken: string | undefined): Promise<void> {
        await this.state.update(
            stateKey,
            this.list().filter((p) => p.request.clientRequestToken !== clientRequestToken),
        );
    }
}

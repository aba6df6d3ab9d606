/** Every signed or unsigned AWS request the endpoint saw (control API calls excluded). */

export interface LoggedRequest {
    /** 1-based, increasing; pass as `since` to read only newer entries. */
    readonly seq: number;
    /** Real time the request arrived. */
    readonly timeMs: number;
    readonly method: string;
    readonly path: string;
    readonly requestId: string;
    service?: string;
    operation?: string;
    accessKeyId?: string;
    /** From `amz-sdk-request: attempt=N; max=M`. */
    attempt?: number;
    maxAttempts?: number;
    /** From `amz-sdk-invocation-id`: the same across retries of one call. */
    invocationId?: string;
    /** Undefined while in flight or when the connection was dropped. */
    status?: number;
    errorCode?: string;
    /** The injected fault that hit this request, if any. */
    fault?: string;
    dropped?: boolean;
    durationMs?: number;
    /** Non-streaming bodies (not S3), decoded, first 64 KiB as UTF-8. */
    body?: string;
}

export interface RequestFilter {
    readonly service?: string;
    readonly operation?: string;
    readonly since?: number;
}

const MAX_ENTRIES = 20000;
export const LOGGED_BODY_BYTES = 64 * 1024;

export class RequestLog {
    private readonly entries: LoggedRequest[] = [];
    private seq = 0;

    start(
        method: string,
        path: string,
        requestId: string,
        headers: Record<string, unknown>,
    ): LoggedRequest {
        const entry: LoggedRequest = {
            seq: ++this.seq,
            timeMs: Date.now(),
            method,
            path,
            requestId,
        };
        const attempt = headers['amz-sdk-request'];
        if (typeof attempt === 'string') {
            const a = /attempt=(\d+)/.exec(attempt);
            const m = /max=(\d+)/.exec(attempt);
            if (a?.[1] !== undefined) {
                entry.attempt = Number(a[1]);
            }
            if (m?.[1] !== undefined) {
                entry.maxAttempts = Number(m[1]);
            }
        }
        const invocation = headers['amz-sdk-invocation-id'];
        if (typeof invocation === 'string') {
            entry.invocationId = invocation;
        }
        this.entries.push(entry);
        if (this.entries.length > MAX_ENTRIES) {
            this.entries.splice(0, this.entries.length - MAX_ENTRIES);
        }
        return entry;
    }

    list(filter: RequestFilter = {}): LoggedRequest[] {
        return this.entries
            .filter(
                (e) =>
                    (filter.since === undefined || e.seq > filter.since) &&
                    (filter.service === undefined || e.service === filter.service) &&
                    (filter.operation === undefined || e.operation === filter.operation),
            )
            .map((e) => ({ ...e }));
    }

    clear(): void {
        this.entries.length = 0;
    }
}

/**
 * Turns any thrown value into what a user needs to read: what went wrong, in the service's own
 * words where AWS refused something, and which kind of fix applies. No vscode here, so the rules
 * are unit-tested directly.
 */
export type FailureKind =
    | 'cancelled'
    | 'noCredentials'
    | 'ssoExpired'
    | 'invalidCredentials'
    | 'accessDenied'
    | 'throttled'
    | 'validation'
    | 'quotaExceeded'
    | 'notFound'
    | 'conflict'
    | 'unreachable'
    | 'serviceError'
    | 'other';

export interface Failure {
    readonly kind: FailureKind;
    /** The message to show, ending without a period-less fragment. */
    readonly message: string;
    /** For accessDenied: the IAM action named by the service, e.g. `iam:PassRole`. */
    readonly missingPermission?: string;
    /** For ssoExpired: the command that renews the session. */
    readonly loginCommand?: string;
    readonly requestId?: string;
}

interface ErrorLike {
    readonly name?: unknown;
    readonly message?: unknown;
    readonly code?: unknown;
    readonly $metadata?: { readonly httpStatusCode?: number; readonly requestId?: string };
    readonly $fault?: unknown;
}

const throttlingNames = new Set([
    'ThrottlingException',
    'Throttling',
    'TooManyRequestsException',
    'SlowDown',
    'RequestLimitExceeded',
    'LimitExceededException',
]);

const invalidCredentialNames = new Set([
    'UnrecognizedClientException',
    'InvalidClientTokenId',
    'InvalidAccessKeyId',
    'SignatureDoesNotMatch',
    'InvalidSignatureException',
    'ExpiredTokenException',
    'ExpiredToken',
    'RequestExpired',
]);

const unreachableCodes = new Set([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ETIMEDOUT',
    'EHOSTUNREACH',
]);
/** Node's codes for a connection that was open and then dropped. */
const lostCodes = new Set(['ECONNRESET', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE']);

export function classifyFailure(error: unknown, profile?: string): Failure {
    const e: ErrorLike = typeof error === 'object' && error !== null ? error : {};
    const name = typeof e.name === 'string' ? e.name : '';
    const message = typeof e.message === 'string' && e.message !== '' ? e.message : String(error);
    const requestId = e.$metadata?.requestId;
    const base = requestId === undefined ? {} : { requestId };

    if (name === 'Canceled' || name === 'AbortError' || message === 'Canceled') {
        return { kind: 'cancelled', message: 'Cancelled.' };
    }
    if (/sso session|aws sso login|token is expired/i.test(message)) {
        const loginCommand = profile === undefined ? 'aws sso login' : `aws sso login --profile ${profile}`;
        return { kind: 'ssoExpired', message, loginCommand };
    }
    if (name === 'CredentialsProviderError' || /could not load credentials/i.test(message)) {
        const where = profile === undefined ? 'the default credential chain' : `profile "${profile}"`;
        return {
            kind: 'noCredentials',
            message: `No AWS credentials from ${where}: ${message}`,
        };
    }
    if (invalidCredentialNames.has(name)) {
        return { ...base, kind: 'invalidCredentials', message: `AWS refused the credentials (${name}): ${message}` };
    }
    if (name === 'AccessDeniedException' || name === 'AccessDenied' || e.$metadata?.httpStatusCode === 403) {
        const permission = /not authorized to perform:?\s+([a-z0-9-]+:[A-Za-z0-9*]+)/i.exec(message)?.[1];
        return permission === undefined
            ? { ...base, kind: 'accessDenied', message }
            : { ...base, kind: 'accessDenied', message, missingPermission: permission };
    }
    if (throttlingNames.has(name) || e.$metadata?.httpStatusCode === 429) {
        return { ...base, kind: 'throttled', message: `AWS is throttling requests (${name || 'HTTP 429'}): ${message}` };
    }
    if (name === 'ServiceQuotaExceededException') {
        return { ...base, kind: 'quotaExceeded', message };
    }
    if (name === 'ValidationException' || name === 'InvalidParameterValue' || name === 'InvalidParameterCombination') {
        return { ...base, kind: 'validation', message };
    }
    if (name === 'ResourceNotFoundException' || name === 'NoSuchKey' || name === 'NoSuchBucket' || name === 'NotFound') {
        return { ...base, kind: 'notFound', message };
    }
    if (name === 'ConflictException') {
        return { ...base, kind: 'conflict', message };
    }
    const code = typeof e.code === 'string' ? e.code : '';
    if (lostCodes.has(code) || /^aborted$|socket hang up|premature close/i.test(message)) {
        // The connection was there and went away: "could not reach" would send the user hunting
        // for a wrong endpoint or a firewall.
        return {
            kind: 'unreachable',
            message: `The connection to AWS was lost before the transfer finished (${message}).`,
        };
    }
    const cannotConnect = /ECONNREFUSED|ENOTFOUND/.test(message);
    if (unreachableCodes.has(code) || name === 'TimeoutError' || cannotConnect) {
        return { kind: 'unreachable', message: `Could not reach AWS: ${message}` };
    }
    if (e.$fault === 'server' || (e.$metadata?.httpStatusCode ?? 0) >= 500) {
        return { ...base, kind: 'serviceError', message: `AWS had an internal error (${name}): ${message}` };
    }
    return { ...base, kind: 'other', message };
}

/** Thrown by code that is wrong rather than by a refusal: their stack is what finds the bug. */
const programmingErrors = [TypeError, ReferenceError, RangeError, SyntaxError];

/**
 * Whether AWS answered with this error (an SDK service exception): the service's words, code,
 * status and request ID say everything, the JavaScript stack only shows the SDK's middleware.
 */
function isServiceError(error: Error): boolean {
    const e = error as ErrorLike;
    const metadata = e.$metadata;
    const answered =
        typeof metadata === 'object' &&
        (typeof metadata.httpStatusCode === 'number' || typeof metadata.requestId === 'string');
    return (
        (answered || e.$fault === 'client' || e.$fault === 'server') &&
        !programmingErrors.some((type) => error instanceof type)
    );
}

/**
 * Error text for the log. An AWS service error gives its code, the service's message, the HTTP
 * status and the request ID (what AWS support asks for), without a stack; anything else gives
 * its stack, which is what a bug report needs. Never the error's other fields: they may hold
 * secrets.
 */
export function describeError(error: unknown): string {
    if (!(error instanceof Error)) {
        return String(error);
    }
    if (!isServiceError(error)) {
        return error.stack ?? `${error.name}: ${error.message}`;
    }
    const { $metadata: metadata } = error as ErrorLike;
    const details = [
        metadata?.httpStatusCode === undefined ? undefined : `HTTP ${metadata.httpStatusCode}`,
        metadata?.requestId === undefined ? undefined : `request ID ${metadata.requestId}`,
    ].filter((part) => part !== undefined);
    const suffix = details.length === 0 ? '' : ` (${details.join(', ')})`;
    return `${error.name}: ${error.message}${suffix}`;
}

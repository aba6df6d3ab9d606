import * as assert from 'node:assert/strict';
import { classifyFailure, describeError } from '../../../src/shared/failure';

/** Builds an error shaped like the SDK's service exceptions. */
function serviceError(name: string, message: string, status: number, requestId = 'req-1'): Error {
    return Object.assign(new Error(message), {
        name,
        $fault: status >= 500 ? 'server' : 'client',
        $metadata: { httpStatusCode: status, requestId },
    });
}

describe('classifyFailure', () => {
    it('names the missing IAM action of an AccessDeniedException', () => {
        const failure = classifyFailure(
            serviceError(
                'AccessDeniedException',
                'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: iam:PassRole on resource: arn:aws:iam::123456789012:role/Batch',
                403,
            ),
        );
        assert.equal(failure.kind, 'accessDenied');
        assert.equal(failure.missingPermission, 'iam:PassRole');
        assert.equal(failure.requestId, 'req-1');
    });

    it('offers the profile-specific login command for an expired SSO session', () => {
        const error = Object.assign(
            new Error(
                'The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.',
            ),
            { name: 'CredentialsProviderError' },
        );
        const failure = classifyFailure(error, 'dev-sso');
        assert.equal(failure.kind, 'ssoExpired');
        assert.equal(failure.loginCommand, 'aws sso login --profile dev-sso');
    });

    it('says which credential source had nothing', () => {
        const error = Object.assign(new Error('Could not load credentials from any providers'), {
            name: 'CredentialsProviderError',
        });
        assert.equal(classifyFailure(error).kind, 'noCredentials');
        assert.match(classifyFailure(error).message, /default credential chain/);
        assert.match(classifyFailure(error, 'work').message, /profile "work"/);
    });

    it('keeps the service message of validation, quota and conflict errors verbatim', () => {
        const text = "1 validation error detected: Value 'bad_name' at 'jobName' failed to satisfy constraint";
        assert.deepEqual(classifyFailure(serviceError('ValidationException', text, 400)), {
            kind: 'validation',
            message: text,
            requestId: 'req-1',
        });
        assert.equal(classifyFailure(serviceError('ServiceQuotaExceededException', 'limit', 400)).kind, 'quotaExceeded');
        assert.equal(classifyFailure(serviceError('ConflictException', 'already stopped', 400)).kind, 'conflict');
    });

    it('tells throttling by name, not status, and by status 429 without a name', () => {
        assert.equal(classifyFailure(serviceError('ThrottlingException', 'Rate exceeded', 429)).kind, 'throttled');
        assert.equal(classifyFailure(serviceError('Throttling', 'Rate exceeded', 400)).kind, 'throttled');
        assert.equal(classifyFailure(serviceError('SlowDown', 'Reduce your request rate', 503)).kind, 'throttled');
    });

    it('recognises credentials the service refused', () => {
        assert.equal(classifyFailure(serviceError('UnrecognizedClientException', 'bad token', 403)).kind, 'invalidCredentials');
        assert.equal(classifyFailure(serviceError('ExpiredTokenException', 'expired', 400)).kind, 'invalidCredentials');
    });

    it('treats refused connections as an unreachable endpoint', () => {
        const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
        assert.equal(classifyFailure(error).kind, 'unreachable');
    });

    it('says a connection dropped mid-transfer was lost, not that AWS could not be reached', () => {
        const reset = Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
        const hangUp = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
        for (const error of [reset, hangUp]) {
            const failure = classifyFailure(error);
            assert.equal(failure.kind, 'unreachable');
            assert.match(failure.message, /^The connection to AWS was lost before the transfer/);
        }
        const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
            code: 'ECONNREFUSED',
        });
        assert.equal(
            classifyFailure(refused).message,
            'Could not reach AWS: connect ECONNREFUSED 127.0.0.1:9',
        );
    });

    it('is silent about cancellation', () => {
        assert.equal(classifyFailure(Object.assign(new Error('aborted'), { name: 'AbortError' })).kind, 'cancelled');
        assert.equal(classifyFailure(Object.assign(new Error('Canceled'), { name: 'Canceled' })).kind, 'cancelled');
    });

    it('reports 5xx as a service error and anything else as is', () => {
        assert.equal(classifyFailure(serviceError('InternalServerException', 'oops', 500)).kind, 'serviceError');
        assert.deepEqual(classifyFailure('plain string'), { kind: 'other', message: 'plain string' });
    });
});

describe('describeError', () => {
    it('logs an AWS service error as its code, message, status and request ID, no stack', () => {
        const error = serviceError(
            'ValidationException',
            'The provided S3 URI is not valid.',
            400,
            'f3a1c2d4-0000-4b5e-9c1a-000000000001',
        );
        assert.ok(error.stack?.includes('failure.test'), 'the error does carry a stack');
        assert.equal(
            describeError(error),
            'ValidationException: The provided S3 URI is not valid. ' +
                '(HTTP 400, request ID f3a1c2d4-0000-4b5e-9c1a-000000000001)',
        );
    });

    it('leaves the stack out of a server fault without a request ID too', () => {
        const error = Object.assign(new Error('We encountered an internal error.'), {
            name: 'InternalServerException',
            $fault: 'server',
            $metadata: { httpStatusCode: 500 },
        });
        assert.equal(
            describeError(error),
            'InternalServerException: We encountered an internal error. (HTTP 500)',
        );
    });

    it('keeps the stack of a programming error, even one the SDK stamped with metadata', () => {
        const bug = new TypeError("Cannot read properties of undefined (reading 'jobArn')");
        const logged = describeError(bug);
        assert.match(logged, /^TypeError: Cannot read properties of undefined/);
        assert.match(logged, /\n\s+at .*failure\.test/);
        const stamped = Object.assign(new TypeError('x is not a function'), {
            $metadata: { httpStatusCode: 200, requestId: 'r-2' },
        });
        assert.match(describeError(stamped), /\n\s+at /);
    });

    it('keeps the stack of an error AWS never answered, and prints non-errors as text', () => {
        const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
            code: 'ECONNREFUSED',
        });
        assert.match(describeError(refused), /^Error: connect ECONNREFUSED[^\n]*\n\s+at /);
        assert.equal(describeError('plain string'), 'plain string');
    });
});

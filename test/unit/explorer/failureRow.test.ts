import * as assert from 'node:assert/strict';
import { failureRow, firstLine } from '../../../src/explorer/failureRow';
import { classifyFailure } from '../../../src/shared/failure';

function awsError(name: string, message: string, status: number): Error {
    return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });
}

const row = (error: unknown, retryInMs?: number) =>
    failureRow(classifyFailure(error, 'dev'), 'us-east-1', retryInMs);

describe('failureRow', () => {
    it('sends missing credentials to Configure Profile', () => {
        const error = Object.assign(new Error('Could not load credentials from any providers'), {
            name: 'CredentialsProviderError',
        });
        const shown = row(error);
        assert.equal(shown.label, 'No usable AWS credentials: configure a profile');
        assert.equal(shown.command.id, 'bedrockBatch.configureProfile');
    });

    it('names the login command of an expired SSO session', () => {
        const shown = row(new Error('The SSO session associated with this profile has expired'));
        assert.equal(
            shown.label,
            'SSO session expired: run "aws sso login --profile dev", then refresh',
        );
    });

    it('names the permission the service says is missing', () => {
        const message =
            'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: ' +
            'bedrock:ListModelInvocationJobs on resource: *';
        const shown = row(awsError('AccessDeniedException', message, 403));
        assert.equal(shown.label, 'Access denied: needs bedrock:ListModelInvocationJobs');
        assert.equal(shown.tooltip, message);
    });

    it('names the listing permission when the service does not', () => {
        assert.equal(
            row(awsError('AccessDeniedException', 'Denied.', 403)).label,
            'Access denied: needs bedrock:ListModelInvocationJobs',
        );
    });

    it('says a throttled listing retries by itself, and when', () => {
        const error = awsError('ThrottlingException', 'Rate exceeded', 429);
        assert.equal(row(error, 20_000).label, 'Throttled by AWS: retrying in 20s');
        assert.equal(row(error).label, 'Throttled by AWS: retrying automatically');
        assert.equal(row(error).command.title, 'Retry Now');
    });

    it('says a region without a Bedrock endpoint has no batch', () => {
        const dns = Object.assign(
            new Error('getaddrinfo ENOTFOUND bedrock.xx-fake-1.amazonaws.com'),
            {
                code: 'ENOTFOUND',
            },
        );
        assert.equal(
            row(dns).label,
            'Bedrock batch is not available in us-east-1 (no endpoint found)',
        );
        assert.equal(
            row(new Error('Invalid region in client config')).label,
            'Bedrock batch is not available in us-east-1 (no endpoint found)',
        );
        assert.equal(
            row(awsError('ResourceNotFoundException', 'No such API', 404)).icon,
            'circle-slash',
        );
    });

    it('offers a retry when the endpoint cannot be reached', () => {
        const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
            code: 'ECONNREFUSED',
        });
        const shown = row(refused);
        assert.match(shown.label, /^Could not reach Bedrock in us-east-1: /);
        assert.equal(shown.command.id, 'bedrockBatch.refreshExplorer');
    });

    it("shows the service's own words on one line for anything else", () => {
        const shown = row(awsError('InternalServerException', 'Boom\nsecond line', 500));
        assert.match(
            shown.label,
            /^Could not list jobs: AWS had an internal error \(InternalServerException\): Boom$/,
        );
        assert.equal(shown.tooltip.includes('second line'), true);
    });

    it('keeps labels to one line of at most 120 characters', () => {
        assert.equal(firstLine('a\u0007b\tc\nd'), 'a b c');
        assert.equal(firstLine('x'.repeat(300)).length, 120);
    });
});

import * as assert from 'node:assert/strict';
import { credentialProblem } from '../../../src/metrics/credentialProblem';
import { classifyFailure } from '../../../src/shared/failure';

function awsError(name: string, message: string): Error {
    return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 403 } });
}

describe('metrics/credentialProblem', () => {
    it('offers Configure Profile for refused or missing credentials, with the message', () => {
        const expired = classifyFailure(
            awsError(
                'ExpiredTokenException',
                'The security token included in the request is expired',
            ),
        );
        assert.deepEqual(credentialProblem(expired), {
            message: expired.message,
            actions: ['configureProfile'],
        });
        assert.match(expired.message, /security token included in the request is expired/);
        const missing = classifyFailure(
            Object.assign(new Error('Could not load credentials from any providers'), {
                name: 'CredentialsProviderError',
            }),
            'work',
        );
        assert.deepEqual(credentialProblem(missing)?.actions, ['configureProfile']);
    });

    it('offers the login command first for an expired SSO session', () => {
        const sso = classifyFailure(
            new Error('The SSO session associated with this profile has expired'),
            'work',
        );
        assert.deepEqual(credentialProblem(sso)?.actions, ['copyLoginCommand', 'configureProfile']);
    });

    it('says nothing for failures that are not about credentials', () => {
        for (const error of [
            awsError(
                'AccessDeniedException',
                'User is not authorized to perform: cloudwatch:GetMetricData',
            ),
            awsError('ThrottlingException', 'Rate exceeded'),
            new Error('connect ECONNREFUSED 127.0.0.1:1'),
        ]) {
            assert.equal(credentialProblem(classifyFailure(error)), undefined, String(error));
        }
    });
});

import * as assert from 'node:assert/strict';
import type { InitializeHandler, MetadataBearer } from '@smithy/types';
import { callLogger } from '../../../src/aws/callLogger';
import type { Log } from '../../../src/shared/log';

/** Collects debug lines; the other levels must stay unused. */
function recordingLog(lines: string[]): Log {
    return { debug: (line: string) => lines.push(line) } as unknown as Log;
}

const secretInput = { jobName: 'payroll', clientRequestToken: 'tok-secret-1', roleArn: 'arn:aws:iam::1:role/R' };

describe('callLogger', () => {
    it('logs operation, region, duration, attempts and request id of a call, not its input', async () => {
        const lines: string[] = [];
        const next: InitializeHandler<object, MetadataBearer> = () =>
            Promise.resolve({ output: { $metadata: { requestId: 'req-42', attempts: 2 } }, response: {} });
        const handler = callLogger(recordingLog(lines), 'eu-west-1')(next, {
            commandName: 'CreateModelInvocationJobCommand',
        });
        await handler({ input: secretInput });
        assert.equal(lines.length, 1);
        assert.match(lines[0] ?? '', /^CreateModelInvocationJobCommand eu-west-1 \d+ ms, attempts 2, request req-42$/);
        assert.doesNotMatch(lines[0] ?? '', /payroll|tok-secret|role/);
    });

    it('logs a failed call with the error name, status and request id, and rethrows it', async () => {
        const lines: string[] = [];
        const failure = Object.assign(new Error('User is not authorized; token tok-secret-1'), {
            name: 'AccessDeniedException',
            $metadata: { httpStatusCode: 403, requestId: 'req-7' },
        });
        const handler = callLogger(recordingLog(lines), 'us-east-1')(() => Promise.reject(failure), {
            commandName: 'ListModelInvocationJobsCommand',
        });
        await assert.rejects(handler({ input: secretInput }), failure);
        assert.match(
            lines[0] ?? '',
            /^ListModelInvocationJobsCommand us-east-1 failed after \d+ ms: AccessDeniedException \(HTTP 403, request req-7\)$/,
        );
        assert.doesNotMatch(lines[0] ?? '', /tok-secret/);
    });
});

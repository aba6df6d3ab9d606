import * as assert from 'node:assert/strict';
import { parseSandboxInfo, sandboxConnection } from '../../../src/sandbox/sandboxInfo';

const line = {
    endpoint: 'http://127.0.0.1:4567',
    region: 'us-east-1',
    accessKeyId: 'AKIALOCALEXAMPLE0001',
    secretAccessKey: 'local-secret',
    bucket: 'bedrock-batch-sandbox',
    roleArn: 'arn:aws:iam::123456789012:role/BedrockBatchServiceRole',
    speed: 2,
};

describe('sandbox info line', () => {
    it('reads the line the endpoint prints', () => {
        assert.deepEqual(parseSandboxInfo(JSON.stringify(line)), line);
    });

    it('takes speed 1 when the line has none', () => {
        const withoutSpeed = { ...line, speed: undefined };
        assert.equal(parseSandboxInfo(JSON.stringify(withoutSpeed))?.speed, 1);
    });

    it('ignores what is not a loopback sandbox', () => {
        const rejected = [
            undefined,
            '',
            'serving on 127.0.0.1',
            '[1]',
            JSON.stringify({ ...line, endpoint: 'https://bedrock.us-east-1.amazonaws.com' }),
            JSON.stringify({ ...line, endpoint: 'http://localhost:4567' }),
            JSON.stringify({ ...line, endpoint: 'http://127.0.0.1:4567/evil' }),
            JSON.stringify({ ...line, secretAccessKey: '' }),
            JSON.stringify({ ...line, roleArn: 7 }),
        ];
        for (const text of rejected) {
            assert.equal(parseSandboxInfo(text), undefined, String(text));
        }
    });

    it('becomes the connection every AWS client uses', () => {
        assert.deepEqual(sandboxConnection(line), {
            kind: 'sandbox',
            endpoint: line.endpoint,
            region: line.region,
            accessKeyId: line.accessKeyId,
            secretAccessKey: line.secretAccessKey,
        });
    });
});

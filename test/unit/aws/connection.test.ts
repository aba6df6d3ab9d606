import * as assert from 'node:assert/strict';
import { AwsClients } from '../../../src/aws/clients';
import { describeConnection, type Connection } from '../../../src/aws/connection';
import type { Log } from '../../../src/shared/log';

const account: Connection = {
    kind: 'account',
    profile: 'dev',
    endpoints: { s3: 'http://127.0.0.1:9000', bedrock: 'http://127.0.0.1:9001' },
};

const sandbox: Connection = {
    kind: 'sandbox',
    endpoint: 'http://127.0.0.1:4566',
    region: 'us-east-1',
    accessKeyId: 'AKIASANDBOX',
    secretAccessKey: 'sandbox-secret',
};

describe('describeConnection', () => {
    it('names profile and endpoints in a fixed order, whatever order they were set in', () => {
        const reordered: Connection = {
            kind: 'account',
            profile: 'dev',
            endpoints: { bedrock: 'http://127.0.0.1:9001', s3: 'http://127.0.0.1:9000', sns: '' },
        };
        const text =
            'profile dev; endpoints bedrock=http://127.0.0.1:9001, s3=http://127.0.0.1:9000';
        assert.equal(describeConnection(account), text);
        assert.equal(describeConnection(reordered), text);
        assert.equal(
            describeConnection({ kind: 'account', endpoints: {} }),
            'default credential chain',
        );
    });

    it('names the sandbox by its endpoint and never shows credentials', () => {
        const text = describeConnection(sandbox);
        assert.equal(text, 'sandbox http://127.0.0.1:4566');
        assert.doesNotMatch(text, /AKIA|secret/);
    });
});

describe('AwsClients.pin', () => {
    const log = { info: () => undefined } as unknown as Log;

    it('keeps the connection it was pinned to when the shared set switches', () => {
        const clients = new AwsClients(log, account);
        const pinned = clients.pin();
        clients.setConnection(sandbox);
        assert.equal(clients.connection, sandbox);
        assert.equal(pinned.connection, account);
        pinned.dispose();
        clients.dispose();
    });
});

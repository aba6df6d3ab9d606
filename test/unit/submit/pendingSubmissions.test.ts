import * as assert from 'node:assert/strict';
import {
    PendingSubmissions,
    type PendingSubmission,
    type StateStore,
} from '../../../src/submit/pendingSubmissions';

class MemoryState implements StateStore {
    readonly values = new Map<string, unknown>();
    get<T>(key: string): T | undefined {
        return this.values.get(key) as T | undefined;
    }
    update(key: string, value: unknown): Promise<void> {
        this.values.set(key, JSON.parse(JSON.stringify(value)));
        return Promise.resolve();
    }
}

function submission(token: string): PendingSubmission {
    return {
        region: 'us-east-1',
        source: 'calls.jsonl',
        createdAt: 1,
        request: {
            jobName: 'calls',
            clientRequestToken: token,
            roleArn: 'arn:aws:iam::123456789012:role/R',
            modelId: 'amazon.nova-lite-v1:0',
            inputDataConfig: { s3InputDataConfig: { s3Uri: 's3://b/in/calls.jsonl' } },
            outputDataConfig: { s3OutputDataConfig: { s3Uri: 's3://b/out/' } },
        },
    };
}

describe('PendingSubmissions', () => {
    it('keeps the whole request, token included, until it is removed', async () => {
        const state = new MemoryState();
        const pending = new PendingSubmissions(state);
        await pending.add(submission('t1'));
        await pending.add(submission('t2'));
        // A new store on the same state is what a window reload sees.
        const reloaded = new PendingSubmissions(state);
        assert.deepEqual(
            reloaded.list().map((p) => p.request.clientRequestToken),
            ['t1', 't2'],
        );
        assert.equal(
            reloaded.list()[0]?.request.inputDataConfig?.s3InputDataConfig?.s3Uri,
            's3://b/in/calls.jsonl',
        );
        await reloaded.remove('t1');
        assert.deepEqual(
            new PendingSubmissions(state).list().map((p) => p.request.clientRequestToken),
            ['t2'],
        );
    });

    it('stores a re-sent request once', async () => {
        const pending = new PendingSubmissions(new MemoryState());
        await pending.add(submission('t1'));
        await pending.add(submission('t1'));
        assert.equal(pending.list().length, 1);
    });
});

import * as assert from 'node:assert/strict';
import type { StateStore } from '../../../src/submit/pendingSubmissions';
import { SubmissionHistory, type SubmittedJob } from '../../../src/submit/submissionHistory';

class MemoryState implements StateStore {
    private readonly values = new Map<string, unknown>();

    get<T>(key: string): T | undefined {
        return this.values.get(key) as T | undefined;
    }

    update(key: string, value: unknown): PromiseLike<void> {
        // Stored as JSON, as workspaceState does, so nothing relies on object identity.
        this.values.set(key, JSON.parse(JSON.stringify(value)));
        return Promise.resolve();
    }
}

function job(n: number, files = [`/work/input-${n}.jsonl`]): SubmittedJob {
    return {
        jobArn: `arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/${String(n).padStart(12, 'a')}`,
        region: 'us-east-1',
        files,
        submittedAt: 1_700_000_000_000 + n,
    };
}

describe('SubmissionHistory', () => {
    it('finds the local files a job was submitted from', async () => {
        const history = new SubmissionHistory(new MemoryState());
        await history.record([job(1), job(2, ['/w/a.jsonl', '/w/b.jsonl'])]);
        assert.deepEqual(history.lookup(job(1).jobArn)?.files, ['/work/input-1.jsonl']);
        assert.deepEqual(history.lookup(job(2).jobArn)?.files, ['/w/a.jsonl', '/w/b.jsonl']);
        assert.equal(history.lookup('arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/zzzzzzzzzzzz'), undefined);
    });

    it('keeps one entry per job, the latest record winning', async () => {
        const history = new SubmissionHistory(new MemoryState());
        await history.record([job(1)]);
        await history.record([job(1, ['/moved/input.jsonl'])]);
        assert.deepEqual(history.lookup(job(1).jobArn)?.files, ['/moved/input.jsonl']);
    });

    it('forgets the oldest jobs beyond 500', async () => {
        const history = new SubmissionHistory(new MemoryState());
        for (let n = 0; n < 505; n += 1) {
            await history.record([job(n)]);
        }
        assert.equal(history.lookup(job(4).jobArn), undefined);
        assert.notEqual(history.lookup(job(5).jobArn), undefined);
        assert.notEqual(history.lookup(job(504).jobArn), undefined);
    });
});

import * as assert from 'node:assert/strict';
import { jobKey, RegionJobs } from '../../../src/explorer/regionJobs';
import { classifyFailure } from '../../../src/shared/failure';
import { job } from './jobBuilder';

describe('RegionJobs', () => {
    it('reports new jobs and status moves from a listing', () => {
        const store = new RegionJobs('us-east-1');
        const a = job({ status: 'InProgress' });
        const b = job({ status: 'Completed' });
        assert.deepEqual(
            store.replaceAll([a, b]).map((c) => [c.previousStatus, c.job.status]),
            [
                [undefined, 'InProgress'],
                [undefined, 'Completed'],
            ],
        );
        const changes = store.replaceAll([{ ...a, status: 'Completed' }, b]);
        assert.deepEqual(
            changes.map((c) => [c.region, c.previousStatus, c.job.status]),
            [['us-east-1', 'InProgress', 'Completed']],
        );
        assert.equal(store.activeCount(), 0);
    });

    it('drops jobs a listing lacks, unless told to keep them', () => {
        const store = new RegionJobs('us-east-1');
        const listed = job();
        const pinned = job();
        store.replaceAll([listed, pinned]);
        store.replaceAll([], (key) => key === pinned.jobArn);
        assert.deepEqual([...store.jobs()], [pinned]);
    });

    it('updates one job in place and reports only status moves', () => {
        const store = new RegionJobs('eu-west-1');
        const running = job({ status: 'InProgress', processedRecordCount: 1 });
        store.replaceAll([running]);
        assert.equal(store.upsert({ ...running, processedRecordCount: 2 }), undefined);
        assert.equal(store.get(running.jobArn ?? '')?.processedRecordCount, 2);
        assert.equal(
            store.upsert({ ...running, status: 'Stopping' })?.previousStatus,
            'InProgress',
        );
    });

    it('forgets jobs on a failure unless the failure passes', () => {
        const store = new RegionJobs('us-east-1');
        store.replaceAll([job()]);
        const throttled = classifyFailure(
            Object.assign(new Error('slow'), { name: 'ThrottlingException' }),
        );
        store.fail(throttled, true);
        assert.equal(store.size, 1);
        assert.equal(store.failure?.kind, 'throttled');
        store.fail(
            classifyFailure(Object.assign(new Error('no'), { name: 'AccessDeniedException' })),
        );
        assert.equal(store.size, 0);
        store.replaceAll([]);
        assert.equal(store.failure, undefined);
    });

    it('keys jobs without an ARN by name and time', () => {
        assert.equal(
            jobKey(job({ jobArn: undefined, jobName: 'n', submitTime: new Date(5) })),
            'unnamed:n:5',
        );
    });
});

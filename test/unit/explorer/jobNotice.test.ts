import * as assert from 'node:assert/strict';
import { noticeFor } from '../../../src/explorer/jobNotice';
import { allStatuses, isActive } from '../../../src/explorer/jobStatus';
import { job } from './jobBuilder';

describe('jobNotice', () => {
    it('speaks up only when an active job reaches an end status', () => {
        for (const before of [...allStatuses, undefined]) {
            for (const after of allStatuses) {
                const notice = noticeFor(before, job({ status: after }));
                assert.equal(
                    notice !== undefined,
                    isActive(before) && !isActive(after),
                    `${before} -> ${after}`,
                );
            }
        }
    });

    it('offers results, metrics and the job when a job completes', () => {
        const notice = noticeFor(
            'InProgress',
            job({ jobName: 'eval', status: 'Completed', totalRecordCount: 1200 }),
        );
        assert.deepEqual(notice, {
            severity: 'info',
            message: 'Batch job "eval" completed: 1,200 records.',
            actions: ['Download Results', 'Show Metrics', 'Show Job'],
        });
    });

    it('warns about a completed job with failed records', () => {
        const notice = noticeFor(
            'InProgress',
            job({
                jobName: 'eval',
                status: 'Completed',
                totalRecordCount: 300,
                errorRecordCount: 7,
            }),
        );
        assert.equal(notice?.severity, 'warning');
        assert.equal(notice?.message, 'Batch job "eval" completed; 7 of 300 records failed.');
    });

    it('says how far partial, stopped and expired jobs got', () => {
        const counts = { totalRecordCount: 300, processedRecordCount: 120 };
        assert.equal(
            noticeFor('InProgress', job({ jobName: 'a', status: 'PartiallyCompleted', ...counts }))
                ?.message,
            'Batch job "a" timed out before finishing (120 of 300 records processed).',
        );
        assert.equal(
            noticeFor('Stopping', job({ jobName: 'b', status: 'Stopped', ...counts }))?.message,
            'Batch job "b" stopped (120 of 300 records processed).',
        );
        const expired = noticeFor(
            'Scheduled',
            job({ jobName: 'c', status: 'Expired', timeoutDurationInHours: 72 }),
        );
        assert.equal(
            expired?.message,
            'Batch job "c" expired: it did not start before its 72-hour timeout.',
        );
        assert.deepEqual(expired?.actions, ['Show Job']);
    });

    it('quotes the failure message, as an error', () => {
        const notice = noticeFor(
            'Validating',
            job({ jobName: 'd', status: 'Failed', message: 'Role cannot read s3://in' }),
        );
        assert.equal(notice?.severity, 'error');
        assert.equal(notice?.message, 'Batch job "d" failed: Role cannot read s3://in');
    });
});

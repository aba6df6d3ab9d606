import * as assert from 'node:assert/strict';
import {
    allStatuses,
    isActive,
    isStoppable,
    isTerminal,
    statusGroupOf,
    statusGroups,
} from '../../../src/explorer/jobStatus';

describe('jobStatus', () => {
    it('puts every status in exactly one filter group', () => {
        const grouped = Object.values(statusGroups).flat();
        assert.deepEqual([...grouped].sort(), [...allStatuses].sort());
        assert.equal(new Set(grouped).size, grouped.length);
    });

    it('treats the five queued or running statuses as active and the rest as terminal', () => {
        const active = allStatuses.filter(isActive);
        assert.deepEqual(active, [
            'Submitted',
            'Validating',
            'Scheduled',
            'InProgress',
            'Stopping',
        ]);
        for (const status of allStatuses) {
            assert.equal(isTerminal(status), !isActive(status), status);
        }
    });

    it('knows nothing about an unknown or missing status', () => {
        for (const status of ['Paused', undefined]) {
            assert.equal(isActive(status), false);
            assert.equal(isTerminal(status), false);
            assert.equal(statusGroupOf(status), undefined);
        }
    });

    it('offers Stop on queued and running jobs, not on a job already stopping', () => {
        assert.deepEqual(allStatuses.filter(isStoppable), [
            'Submitted',
            'Validating',
            'Scheduled',
            'InProgress',
        ]);
    });

    it('files partial completions with the failures and user stops with the finished', () => {
        assert.equal(statusGroupOf('PartiallyCompleted'), 'failed');
        assert.equal(statusGroupOf('Expired'), 'failed');
        assert.equal(statusGroupOf('Stopped'), 'finished');
        assert.equal(statusGroupOf('Scheduled'), 'active');
    });
});

import * as assert from 'node:assert/strict';
import {
    defaultFilter,
    describeFilter,
    isDefaultFilter,
    matchesFilter,
    normalizeFilter,
    storedFilter,
    submittedAfter,
    type JobFilter,
} from '../../../src/explorer/jobFilter';
import { allStatuses } from '../../../src/explorer/jobStatus';
import { at, job } from './jobBuilder';

const now = at('2026-01-31T12:00:00Z');
const filter = (overrides: Partial<JobFilter>): JobFilter => ({ ...defaultFilter, ...overrides });

describe('jobFilter', () => {
    it('shows every status of the last 30 days by default', () => {
        assert.deepEqual(defaultFilter, {
            statusGroups: [],
            nameContains: '',
            submittedWithinDays: 30,
        });
        assert.equal(submittedAfter(defaultFilter, now)?.toISOString(), '2026-01-01T12:00:00.000Z');
        for (const status of allStatuses) {
            assert.equal(
                matchesFilter(job({ status, submitTime: new Date(now) }), defaultFilter, now),
                true,
            );
        }
    });

    it('keeps only the chosen status groups', () => {
        const activeOrFailed = filter({ statusGroups: ['active', 'failed'] });
        const shown = allStatuses.filter((status) =>
            matchesFilter(job({ status, submitTime: new Date(now) }), activeOrFailed, now),
        );
        assert.deepEqual(shown, [
            'Submitted',
            'Validating',
            'Scheduled',
            'InProgress',
            'Stopping',
            'PartiallyCompleted',
            'Failed',
            'Expired',
        ]);
        assert.equal(
            matchesFilter(job({ status: undefined }), filter({ statusGroups: ['active'] }), now),
            false,
        );
    });

    it('matches names by case-insensitive substring, ignoring surrounding spaces', () => {
        const named = filter({ nameContains: '  NIGHTLY ' });
        assert.equal(
            matchesFilter(
                job({ jobName: 'eval-nightly-42', submitTime: new Date(now) }),
                named,
                now,
            ),
            true,
        );
        assert.equal(
            matchesFilter(job({ jobName: 'weekly', submitTime: new Date(now) }), named, now),
            false,
        );
        assert.equal(
            matchesFilter(job({ jobName: undefined, submitTime: new Date(now) }), named, now),
            false,
        );
    });

    it('hides jobs submitted before the window, and none for "any time"', () => {
        const old = job({ submitTime: new Date('2025-12-01T00:00:00Z') });
        assert.equal(matchesFilter(old, defaultFilter, now), false);
        assert.equal(matchesFilter(old, filter({ submittedWithinDays: undefined }), now), true);
        assert.equal(submittedAfter(filter({ submittedWithinDays: undefined }), now), undefined);
        assert.equal(matchesFilter(job({ submitTime: undefined }), defaultFilter, now), true);
    });

    it('describes itself for the view title', () => {
        assert.equal(describeFilter(defaultFilter), 'last 30 days');
        assert.equal(
            describeFilter({
                statusGroups: ['failed', 'active'],
                nameContains: 'eval',
                submittedWithinDays: 1,
            }),
            'active, failed · name contains "eval" · last 24 hours',
        );
        assert.equal(describeFilter(filter({ submittedWithinDays: undefined })), 'any time');
    });

    it('knows when it is the default', () => {
        assert.equal(isDefaultFilter(defaultFilter), true);
        assert.equal(isDefaultFilter(filter({ nameContains: ' ' })), true);
        assert.equal(isDefaultFilter(filter({ submittedWithinDays: 7 })), false);
        assert.equal(isDefaultFilter(filter({ statusGroups: ['active'] })), false);
    });

    it('survives a round trip through workspace state, "any time" included', () => {
        for (const original of [
            defaultFilter,
            filter({ submittedWithinDays: undefined }),
            {
                statusGroups: ['failed'],
                nameContains: 'x',
                submittedWithinDays: 7,
            } satisfies JobFilter,
        ]) {
            const stored: unknown = JSON.parse(JSON.stringify(storedFilter(original)));
            assert.deepEqual(normalizeFilter(stored), original);
        }
    });

    it('repairs stored state it does not understand', () => {
        assert.deepEqual(normalizeFilter(undefined), defaultFilter);
        assert.deepEqual(normalizeFilter('garbage'), defaultFilter);
        assert.deepEqual(
            normalizeFilter({
                statusGroups: ['active', 'bogus'],
                nameContains: 4,
                submittedWithinDays: -1,
            }),
            filter({ statusGroups: ['active'] }),
        );
        assert.deepEqual(
            normalizeFilter({ statusGroups: ['failed', 'active', 'finished'] }).statusGroups,
            [],
            'all groups is no filter',
        );
    });
});

import * as assert from 'node:assert/strict';
import { jobRowDescription, jobRowState } from '../../../src/explorer/jobRow';
import { at, job } from './jobBuilder';

const submitted = new Date('2026-01-10T08:00:00Z');
const region = 'us-east-1';

describe('jobRowState', () => {
    const running = job({
        status: 'InProgress',
        submitTime: submitted,
        lastModifiedTime: new Date('2026-01-10T08:02:00Z'),
        totalRecordCount: 300,
        processedRecordCount: 120,
        successRecordCount: 120,
        errorRecordCount: 0,
    });

    it('is the same for polls that change nothing within a minute', () => {
        // The same answer polled 5, 20 and 50 seconds into the fifth minute.
        const polls = ['08:05:05', '08:05:20', '08:05:50'].map((time) =>
            jobRowState({ ...running }, region, at(`2026-01-10T${time}Z`)),
        );
        assert.equal(new Set(polls).size, 1);
        assert.match(jobRowDescription(running, at('2026-01-10T08:05:50Z')), / · 5m$/);
    });

    it('does not tick with the seconds during the first minute', () => {
        const fresh = job({ status: 'Submitted', submitTime: submitted });
        const first = jobRowState(fresh, region, at('2026-01-10T08:00:03Z'));
        const later = jobRowState(fresh, region, at('2026-01-10T08:00:45Z'));
        assert.equal(first, later);
        assert.match(jobRowDescription(fresh, at('2026-01-10T08:00:45Z')), /^Submitted · <1m/);
    });

    it('changes with the counts, the status, the hover and the elapsed minutes', () => {
        const now = at('2026-01-10T08:05:05Z');
        const base = jobRowState(running, region, now);
        const variants = [
            { ...running, processedRecordCount: 121, successRecordCount: 121 },
            { ...running, errorRecordCount: 1 },
            { ...running, status: 'Stopping' as const },
            { ...running, lastModifiedTime: new Date('2026-01-10T08:05:00Z') },
            { ...running, message: 'Throttled, retrying.' },
        ];
        for (const variant of variants) {
            assert.notEqual(jobRowState(variant, region, now), base, JSON.stringify(variant));
        }
        assert.notEqual(jobRowState(running, region, at('2026-01-10T08:06:01Z')), base);
    });

    it('does not move for a finished job however much later it is drawn', () => {
        const done = {
            ...running,
            status: 'Completed' as const,
            processedRecordCount: 300,
            endTime: new Date('2026-01-10T08:07:30Z'),
        };
        assert.equal(
            jobRowState(done, region, at('2026-01-10T08:08:00Z')),
            jobRowState(done, region, at('2026-01-12T10:00:00Z')),
        );
        assert.match(jobRowDescription(done, at('2026-01-12T10:00:00Z')), / · 7m$/);
    });
});

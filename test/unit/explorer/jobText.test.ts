import * as assert from 'node:assert/strict';
import {
    elapsedText,
    expiryText,
    formatDuration,
    jobDescription,
    percentText,
    progressText,
} from '../../../src/explorer/jobText';
import { at, job } from './jobBuilder';

const now = at('2026-01-10T12:00:00Z');
const submitted = new Date('2026-01-10T10:30:00Z');

describe('jobText', () => {
    describe('progressText', () => {
        it('shows nothing while validation reports zero records', () => {
            const validating = job({
                status: 'Validating',
                totalRecordCount: 0,
                processedRecordCount: 0,
            });
            assert.equal(progressText(validating), undefined);
            assert.doesNotMatch(jobDescription(validating, now), /0%|0\/0|records/);
        });

        it('shows nothing when the service sends no counts', () => {
            assert.equal(
                progressText(job({ totalRecordCount: undefined, processedRecordCount: 5 })),
                undefined,
            );
        });

        it('shows processed, total and a whole percent', () => {
            assert.equal(
                progressText(job({ totalRecordCount: 300, processedRecordCount: 120 })),
                '120/300 records (40%)',
            );
            assert.equal(
                progressText(job({ totalRecordCount: 50_000, processedRecordCount: 12_345 })),
                '12,345/50,000 records (24%)',
            );
        });

        it('says 0% only when nothing is processed yet, <1% once something is', () => {
            assert.equal(progressText(job({ totalRecordCount: 300 })), '0/300 records (0%)');
            assert.equal(
                progressText(job({ totalRecordCount: 100_000, processedRecordCount: 1 })),
                '1/100,000 records (<1%)',
            );
        });

        it('never rounds an unfinished job up to 100%', () => {
            assert.equal(percentText(999, 1000), '99%');
            assert.equal(percentText(1000, 1000), '100%');
        });

        it('clamps a processed count above the total and ignores garbage', () => {
            assert.equal(
                progressText(job({ totalRecordCount: 10, processedRecordCount: 12 })),
                '10/10 records (100%)',
            );
            assert.equal(
                progressText(job({ totalRecordCount: Number.NaN, processedRecordCount: 3 })),
                undefined,
            );
            assert.equal(
                progressText(job({ totalRecordCount: 10, processedRecordCount: -4 })),
                '0/10 records (0%)',
            );
            assert.equal(percentText(5, 0), '');
        });
    });

    describe('formatDuration', () => {
        it('picks the unit that reads best', () => {
            assert.equal(formatDuration(15_400), '15s');
            assert.equal(formatDuration(42 * 60_000 + 5_000), '42m');
            assert.equal(formatDuration((3 * 60 + 5) * 60_000), '3h 05m');
            assert.equal(formatDuration((47 * 60 + 59) * 60_000), '47h 59m');
            assert.equal(formatDuration(52 * 3_600_000), '2d 4h');
        });

        it('reads clock skew and garbage as 0s', () => {
            assert.equal(formatDuration(-5_000), '0s');
            assert.equal(formatDuration(Number.NaN), '0s');
        });
    });

    describe('elapsedText', () => {
        it('counts an active job up to now', () => {
            assert.equal(
                elapsedText(job({ status: 'InProgress', submitTime: submitted }), now),
                '1h 30m',
            );
        });

        it('counts a finished job up to its end, however long ago', () => {
            const ended = job({
                status: 'Completed',
                submitTime: submitted,
                endTime: new Date('2026-01-10T10:45:00Z'),
            });
            assert.equal(elapsedText(ended, now + 86_400_000), '15m');
        });

        it('falls back to the last change for a finished job without an end time', () => {
            const stopped = job({
                status: 'Stopped',
                submitTime: submitted,
                lastModifiedTime: new Date('2026-01-10T11:00:00Z'),
            });
            assert.equal(elapsedText(stopped, now), '30m');
            assert.equal(
                elapsedText(job({ status: 'Failed', submitTime: submitted }), now),
                undefined,
            );
        });

        it('counts an active job in whole minutes, "<1m" at first, a finished one in seconds', () => {
            const start = new Date('2026-01-10T11:59:15Z');
            assert.equal(elapsedText(job({ status: 'Scheduled', submitTime: start }), now), '<1m');
            const quick = job({
                status: 'Completed',
                submitTime: start,
                endTime: new Date('2026-01-10T11:59:55Z'),
            });
            assert.equal(elapsedText(quick, now), '40s');
        });

        it('says nothing without a submit time', () => {
            assert.equal(elapsedText(job({ submitTime: undefined }), now), undefined);
        });
    });

    describe('expiryText', () => {
        const expires = new Date('2026-01-11T10:30:00Z');

        it('tells a queued job how long it has left to start', () => {
            for (const status of ['Submitted', 'Validating', 'Scheduled'] as const) {
                assert.equal(
                    expiryText(job({ status, jobExpirationTime: expires }), now),
                    'expires in 22h 30m',
                );
            }
        });

        it('says so once the expiry has passed', () => {
            assert.equal(
                expiryText(
                    job({ status: 'Scheduled', jobExpirationTime: expires }),
                    expires.getTime() + 1,
                ),
                'past its expiry time',
            );
        });

        it('says nothing for running or finished jobs, or without the time', () => {
            assert.equal(
                expiryText(job({ status: 'InProgress', jobExpirationTime: expires }), now),
                undefined,
            );
            assert.equal(
                expiryText(job({ status: 'Completed', jobExpirationTime: expires }), now),
                undefined,
            );
            assert.equal(
                expiryText(job({ status: 'Scheduled', jobExpirationTime: undefined }), now),
                undefined,
            );
        });
    });

    describe('jobDescription', () => {
        it('joins status, progress, failures and elapsed time', () => {
            const running = job({
                status: 'InProgress',
                submitTime: submitted,
                totalRecordCount: 300,
                processedRecordCount: 120,
                errorRecordCount: 2,
            });
            assert.equal(
                jobDescription(running, now),
                'In progress · 120/300 records (40%) · 2 failed · 1h 30m',
            );
        });

        it('adds the expiry of a queued job', () => {
            const queued = job({
                status: 'Scheduled',
                submitTime: submitted,
                totalRecordCount: 100,
                jobExpirationTime: new Date('2026-01-11T10:30:00Z'),
            });
            assert.equal(
                jobDescription(queued, now),
                'Scheduled · 0/100 records (0%) · 1h 30m · expires in 22h 30m',
            );
        });

        it('shows an unknown status word as the service sent it', () => {
            assert.match(
                jobDescription(job({ status: 'Paused' as never, submitTime: undefined }), now),
                /^Paused$/,
            );
            assert.match(
                jobDescription(job({ status: undefined, submitTime: undefined }), now),
                /^Unknown status$/,
            );
        });
    });
});

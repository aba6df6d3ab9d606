/**
 * How fast jobs move when a person watches: the sandbox and `npm run aws-local`. The endpoint's
 * clock runs in real time so that job times, metric timestamps and the client's "now" agree (a
 * sped-up clock would stamp datapoints in the future, where a live chart never looks); the job
 * simulator's phases are shortened instead, so a few hundred records finish within a couple of
 * minutes. `--speed 2` halves every phase and doubles the record rate.
 */
import type { SimulatorSettings } from './simulator/settings';

export type DemoPace = Pick<
    SimulatorSettings,
    'submittedMs' | 'validatingMs' | 'scheduledMs' | 'stoppingMs' | 'recordsPerMinute'
>;

/** At speed 1 a 300-record job runs about two minutes: 30 s of queueing, 90 s of records. */
const basePace: DemoPace = {
    submittedMs: 5_000,
    validatingMs: 15_000,
    scheduledMs: 10_000,
    stoppingMs: 5_000,
    recordsPerMinute: 200,
};

export const defaultDemoSpeed = 1;
export const maxDemoSpeed = 60;

/** Speed 2 halves every phase and doubles the record rate. */
export function demoPace(speed: number = defaultDemoSpeed): DemoPace {
    if (!Number.isFinite(speed) || speed <= 0 || speed > maxDemoSpeed) {
        throw new RangeError(
            `the speed must be above 0 and at most ${maxDemoSpeed}, got ${speed}`);
    }
    return {
        submittedMs: Math.round(basePace.submittedMs / speed),
        validatingMs: Math.round(basePace.validatingMs / speed),
        scheduledMs: Math.round(basePace.scheduledMs / speed),
        stoppingMs: Math.round(basePace.stoppingMs / speed),
        recordsPerMinute: basePace.recordsPerMinute * speed,
    };
}

/** Simulated milliseconds from submission to the end of a job of `records` records. */
export function expectedJobMs(records: number, pace: DemoPace): number {
    return pace.submittedMs + pace.validatingMs + pace.scheduledMs
        + Math.ceil((records / pace.recordsPerMinute) * 60_000);
}

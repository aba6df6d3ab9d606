/**
 * Tick positions for the charts' time axis. The charts use Chart.js linear axes in epoch
 * milliseconds (no date adapter), so the round times a reader expects — every 15 minutes, every
 * 6 hours, every day at midnight — are computed here, in the viewer's local time.
 */
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

const steps: readonly number[] = [
    minute,
    2 * minute,
    5 * minute,
    10 * minute,
    15 * minute,
    30 * minute,
    hour,
    2 * hour,
    3 * hour,
    6 * hour,
    12 * hour,
    day,
    2 * day,
    7 * day,
    14 * day,
];

/** The smallest round step giving at most maxTicks ticks over the span. */
export function timeStep(spanMs: number, maxTicks: number): number {
    const wanted = spanMs / Math.max(1, maxTicks);
    return steps.find((step) => step >= wanted) ?? Math.ceil(wanted / (30 * day)) * 30 * day;
}

/** Round local times between min and max (inclusive), at most about maxTicks of them. */
export function timeTicks(min: number, max: number, maxTicks: number): number[] {
    if (!(max > min)) {
        return [];
    }
    const step = timeStep(max - min, maxTicks);
    const ticks: number[] = [];
    if (step >= day) {
        const days = Math.round(step / day);
        const cursor = new Date(min);
        cursor.setHours(0, 0, 0, 0);
        while (cursor.getTime() < min) {
            cursor.setDate(cursor.getDate() + 1);
        }
        while (cursor.getTime() <= max) {
            ticks.push(cursor.getTime());
            cursor.setDate(cursor.getDate() + days);
        }
        return ticks;
    }
    // Count from local midnight so 6-hour steps land on 00:00, 06:00, ... whatever the zone.
    const midnight = new Date(min);
    midnight.setHours(0, 0, 0, 0);
    const origin = midnight.getTime();
    let t = origin + Math.ceil((min - origin) / step) * step;
    for (; t <= max; t += step) {
        ticks.push(t);
    }
    return ticks;
}

export type TickStyle = 'time' | 'day';

/** Hours and minutes below a day's step, dates from there up. */
export function tickStyle(stepMs: number): TickStyle {
    return stepMs >= day ? 'day' : 'time';
}

export function isLocalMidnight(time: number): boolean {
    const date = new Date(time);
    return date.getHours() === 0 && date.getMinutes() === 0;
}

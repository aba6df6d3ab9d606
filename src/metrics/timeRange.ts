import type { RangeKey, RangeSelection, TimeWindow } from './protocol';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

export interface RangePreset {
    readonly key: Exclude<RangeKey, 'custom'>;
    readonly label: string;
    readonly durationMs: number;
    /** Seconds: keeps every preset between about 60 and 300 points per series. */
    readonly period: number;
}

export const rangePresets: readonly RangePreset[] = [
    { key: '1h', label: '1 hour', durationMs: hour, period: 60 },
    { key: '3h', label: '3 hours', durationMs: 3 * hour, period: 60 },
    { key: '12h', label: '12 hours', durationMs: 12 * hour, period: 300 },
    { key: '1d', label: '1 day', durationMs: day, period: 300 },
    { key: '1w', label: '1 week', durationMs: 7 * day, period: 3600 },
];

/** Periods CloudWatch keeps for batch metrics, shortest first (seconds). */
export const periodChoices: readonly number[] = [60, 300, 900, 3600, 21_600, 86_400];

/** GetMetricData's cap on datapoints in one answer: above it the call pages. */
export const maxDatapointsPerCall = 100_800;
/** More points than this per series only blurs a chart a few hundred pixels wide. */
const maxPointsPerSeries = 1440;

export function rangePreset(key: RangeKey): RangePreset | undefined {
    return rangePresets.find((preset) => preset.key === key);
}

/**
 * The shortest period that keeps one GetMetricData answer unpaged and readable, and that
 * CloudWatch still has at that age: 1-minute data lives 15 days, 5-minute data 63 days, then
 * hourly.
 */
export function choosePeriod(
    durationMs: number,
    ageOfStartMs: number,
    seriesCount: number,
): number {
    const perSeries = Math.min(
        maxPointsPerSeries,
        Math.floor(maxDatapointsPerCall / Math.max(1, seriesCount)),
    );
    const retained = ageOfStartMs > 63 * day ? 3600 : ageOfStartMs > 15 * day ? 300 : 60;
    const fitting = periodChoices.find(
        (period) => period >= retained && Math.ceil(durationMs / (period * 1000)) <= perSeries,
    );
    return fitting ?? periodChoices[periodChoices.length - 1] ?? 86_400;
}

/**
 * The start, end and period of one refresh. Live windows end at the next whole minute; the
 * start is aligned on the period so consecutive refreshes bucket datapoints the same way.
 */
export function resolveWindow(
    range: RangeSelection,
    nowMs: number,
    seriesCount: number,
): TimeWindow {
    const preset = rangePreset(range.key);
    if (preset !== undefined) {
        const end = Math.ceil(nowMs / minute) * minute;
        const period = Math.max(
            preset.period,
            choosePeriod(preset.durationMs, preset.durationMs, seriesCount),
        );
        const start = alignDown(end - preset.durationMs, period);
        return { start, end, period, live: true };
    }
    const live = range.to === undefined || range.to >= nowMs;
    const end = live
        ? Math.ceil(nowMs / minute) * minute
        : Math.ceil((range.to ?? nowMs) / minute) * minute;
    const from = Math.min(range.from ?? end - hour, end - minute);
    const period = choosePeriod(end - from, nowMs - from, seriesCount);
    return { start: alignDown(from, period), end, period, live };
}

function alignDown(timeMs: number, periodSeconds: number): number {
    const step = periodSeconds * 1000;
    return Math.floor(timeMs / step) * step;
}

/** A custom range must run forwards and cannot start in the future. */
export function customRangeProblem(
    from: number | undefined,
    to: number | undefined,
    nowMs: number,
): string | undefined {
    if (from === undefined || !Number.isFinite(from)) {
        return 'Choose a start time.';
    }
    if (from >= nowMs) {
        return 'The start time is in the future.';
    }
    if (to !== undefined && (!Number.isFinite(to) || to <= from)) {
        return 'The end time must be after the start time.';
    }
    return undefined;
}

/** `datetime-local` text in local time, to the minute: "2025-01-02T03:04". */
export function toLocalInput(time: number): string {
    const date = new Date(time);
    const pad = (n: number): string => String(n).padStart(2, '0');
    const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
    return `${day}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Epoch milliseconds of `datetime-local` text (local time); undefined when empty or invalid. */
export function fromLocalInput(value: string): number | undefined {
    if (value.trim() === '') {
        return undefined;
    }
    const time = new Date(value).getTime();
    return Number.isNaN(time) ? undefined : time;
}

/** What the From and To fields show for a custom range; empty To means "until now". */
export function customRangeInputs(range: RangeSelection): { from: string; to: string } {
    return {
        from: range.from === undefined ? '' : toLocalInput(range.from),
        to: range.to === undefined ? '' : toLocalInput(range.to),
    };
}

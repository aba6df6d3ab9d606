/**
 * Number and duration text for charts, tables and alarms. Locale-independent on purpose: the
 * same value reads the same in a tooltip, a table cell and a copied row.
 */
import type { MetricUnit } from './metricCatalog';

/** Largest first. */
const scales: readonly (readonly [number, string])[] = [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
    [1, ''],
];

/** 1234567 → "1.2M", 999 → "999", 0.25 → "0.25", 999950 → "1M". */
export function formatCompact(value: number): string {
    if (!Number.isFinite(value)) {
        return '–';
    }
    const sign = value < 0 ? '-' : '';
    const size = Math.abs(value);
    const index = scales.findIndex(([scale]) => size >= scale);
    if (index === -1) {
        return `${sign}${roundTo(size, 2)}`;
    }
    const [scale, suffix] = scales[index] ?? [1, ''];
    const decimals = scale === 1 && size >= 100 ? 0 : 1;
    const scaled = roundTo(size / scale, decimals);
    // 999,950 rounds to "1000K": move up to the next unit instead.
    const bigger = scales[index - 1];
    if (scaled >= 1000 && bigger !== undefined) {
        return `${sign}${roundTo(size / bigger[0], 1)}${bigger[1]}`;
    }
    return `${sign}${scaled}${suffix}`;
}

/** "1.2M tokens/min", "3 records". */
export function formatMetricValue(value: number, unit: MetricUnit): string {
    return `${formatCompact(value)} ${unit}`;
}

/** Exact value with thousands separators and up to two decimals: "1,234,567.5". */
export function formatExact(value: number): string {
    if (!Number.isFinite(value)) {
        return '–';
    }
    const rounded = roundTo(value, 2);
    const [whole = '0', fraction] = Math.abs(rounded).toString().split('.');
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return `${rounded < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** 60 → "1 min", 21600 → "6 h", 86400 → "1 d", 90 → "90 s". */
export function formatPeriod(seconds: number): string {
    if (seconds >= 86_400 && seconds % 86_400 === 0) {
        return `${seconds / 86_400} d`;
    }
    if (seconds >= 3600 && seconds % 3600 === 0) {
        return `${seconds / 3600} h`;
    }
    if (seconds >= 60 && seconds % 60 === 0) {
        return `${seconds / 60} min`;
    }
    return `${seconds} s`;
}

function roundTo(value: number, decimals: number): number {
    const factor = 10 ** decimals;
    return Math.round(value * factor) / factor;
}

/**
 * The one way the product writes a size: decimal units (1 KB = 1,000 bytes, as S3 and Bedrock
 * quotas count), one decimal from KB up, e.g. "999 bytes", "157.3 KB", "1.5 MB", "2.0 GB".
 * Pure: no vscode.
 */
const units = ['KB', 'MB', 'GB', 'TB', 'PB'] as const;

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
});

export function formatBytes(bytes: number): string {
    if (!Number.isFinite(bytes) || bytes < 1000) {
        const count = Math.max(0, Math.round(Number.isFinite(bytes) ? bytes : 0));
        return `${whole.format(count)} ${count === 1 ? 'byte' : 'bytes'}`;
    }
    let value = bytes / 1000;
    let unit = 0;
    // Round first so 999,960 bytes reads "1.0 MB", not "1,000.0 KB".
    while (Math.round(value * 10) / 10 >= 1000 && unit < units.length - 1) {
        value /= 1000;
        unit++;
    }
    return `${oneDecimal.format(value)} ${units[unit] ?? 'PB'}`;
}

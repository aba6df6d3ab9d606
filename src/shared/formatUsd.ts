/**
 * Money as the product writes it (USD). Pure: no vscode.
 * - amounts: cents from one cent up ("$0.06", "$12.35", "$1,234.50"), two significant digits
 *   below a cent ("$0.0034") so a small job's cost is not just "< $0.01", and "< $0.0001" below
 *   that;
 * - prices per million tokens: at least cents, up to four decimals ("$0.40", "$2.00", "$0.125").
 */
const cents = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
});
const price = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits: 4,
});
const smallest = 0.0001;

export function formatUsd(usd: number): string {
    if (!Number.isFinite(usd) || usd <= 0) {
        return cents.format(0);
    }
    if (usd >= 0.01) {
        return cents.format(usd);
    }
    if (usd < smallest) {
        return `< ${price.format(smallest)}`;
    }
    const digits = Math.min(6, 1 - Math.floor(Math.log10(usd)));
    const rounded = usd.toFixed(digits);
    return Number(rounded) >= 0.01 ? cents.format(0.01) : `$${rounded}`;
}

/** A price per million tokens, e.g. "$0.40". */
export function formatPrice(usdPerMillion: number): string {
    return price.format(Number.isFinite(usdPerMillion) ? usdPerMillion : 0);
}

/**
 * Tab-separated text of a table, for the clipboard: pastes into spreadsheets as cells. Values
 * stay raw (no thousands separators) so they paste as numbers.
 */
export function toTsv(
    header: readonly string[],
    rows: readonly (readonly (string | number | undefined)[])[],
): string {
    const line = (cells: readonly (string | number | undefined)[]): string =>
        cells
            .map((cell) => (cell === undefined ? '' : String(cell).replace(/[\t\r\n]+/g, ' ')))
            .join('\t');
    return [line(header), ...rows.map(line)].join('\n');
}

/** Rows of one timestamp each, a column per series; undefined where a series has no point. */
export function alignSeries(
    series: readonly { readonly points: readonly (readonly [number, number])[] }[],
): [number, (number | undefined)[]][] {
    const times = [...new Set(series.flatMap((s) => s.points.map(([t]) => t)))].sort(
        (a, b) => a - b,
    );
    const lookups = series.map((s) => new Map(s.points.map(([t, v]) => [t, v])));
    return times.map((t) => [t, lookups.map((lookup) => lookup.get(t))]);
}

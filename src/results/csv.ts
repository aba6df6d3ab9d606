/** RFC 4180 CSV: fields with a comma, quote, CR or LF are quoted, quotes doubled, CRLF rows. */

export type CsvValue = string | number | undefined;

export function csvField(value: CsvValue): string {
    const text = value === undefined ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
    return `${values.map(csvField).join(',')}\r\n`;
}

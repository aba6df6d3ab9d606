/**
 * RFC 4180 CSV: fields with a comma, quote, CR or LF are quoted, quotes doubled, CRLF rows.
 * A text cell that starts like a formula (= + - @, tab, CR), also after leading whitespace (which
 * spreadsheet imports may trim), gets a leading apostrophe, so a spreadsheet shows it as text
 * instead of running it: record text is whoever wrote the input's.
 */

export type CsvValue = string | number | undefined;

const formulaStart = /^\s*[=+\-@]|^[\t\r]/;

export function csvField(value: CsvValue): string {
    if (value === undefined) {
        return '';
    }
    // Numbers are the export's own token counts: left as numbers, even negative ones.
    const text =
        typeof value === 'string' && formulaStart.test(value) ? `'${value}` : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
    return `${values.map(csvField).join(',')}\r\n`;
}

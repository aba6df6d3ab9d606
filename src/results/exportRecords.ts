/**
 * Writes chosen records as JSONL or CSV: id, status, the request text and the answer text as the
 * results table shows them, error, stop reason and tokens.
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { csvRow } from './csv';
import { scanRecords, type ScanOptions } from './recordScan';
import { recordTexts, type RecordTexts } from './recordTexts';
import type { IndexedRecord, ResultIndex } from './resultIndex';

export type ExportFormat = 'jsonl' | 'csv';

export const EXPORT_COLUMNS = [
    'recordId',
    'status',
    'inputText',
    'outputText',
    'error',
    'stopReason',
    'inputTokens',
    'outputTokens',
] as const;

export interface ExportRow {
    readonly recordId: string | undefined;
    readonly status: IndexedRecord['status'];
    readonly inputText: string;
    readonly outputText: string;
    readonly error: string | undefined;
    readonly stopReason: string | undefined;
    readonly inputTokens: number | undefined;
    /** Empty for embeddings, which have no output tokens. */
    readonly outputTokens: number | undefined;
}

export function exportRow(record: IndexedRecord, texts: RecordTexts): ExportRow {
    return {
        recordId: record.recordId,
        status: record.status,
        inputText: texts.input,
        outputText: record.status === 'succeeded' ? texts.output : '',
        stopReason: record.stopReason,
        inputTokens: record.inputTokens,
        outputTokens: record.outputTokens,
        error: record.error,
    };
}

export function formatRow(row: ExportRow, format: ExportFormat): string {
    if (format === 'csv') {
        return csvRow(EXPORT_COLUMNS.map((column) => row[column]));
    }
    // JSON.stringify drops undefined members; the export keeps every column, as null.
    const value = Object.fromEntries(EXPORT_COLUMNS.map((column) => [column, row[column] ?? null]));
    return `${JSON.stringify(value)}\n`;
}

/**
 * Writes `positions` (index order) to `target` through a `.partial` file renamed at the end,
 * so a cancelled export leaves nothing behind. Returns the number of rows written.
 */
export async function exportRecords(
    index: ResultIndex,
    positions: readonly number[],
    format: ExportFormat,
    target: string,
    options: ScanOptions = {},
): Promise<number> {
    const partial = `${target}.partial`;
    const out = createWriteStream(partial, { flags: 'w' });
    const write = async (text: string): Promise<void> => {
        if (!out.write(text)) {
            await once(out, 'drain');
        }
    };
    const chosen = new Set(positions);
    let rows = 0;
    try {
        if (format === 'csv') {
            await write(csvRow([...EXPORT_COLUMNS]));
        }
        await scanRecords(
            index,
            (position) => chosen.has(position),
            async (position, text) => {
                const record = index.records[position];
                if (record === undefined) {
                    return;
                }
                const role = index.sources[record.source]?.role ?? 'output';
                await write(formatRow(exportRow(record, recordTexts(role, text)), format));
                rows += 1;
            },
            options,
        );
        out.end();
        await once(out, 'finish');
        await rename(partial, target);
        return rows;
    } catch (error) {
        out.destroy();
        await rm(partial, { force: true });
        throw error;
    }
}

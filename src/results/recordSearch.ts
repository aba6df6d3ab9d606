/**
 * Case-insensitive search in what the results view shows of each record: its id, its error,
 * and its input and output text. The index holds no text, so the files are streamed once.
 */
import { scanRecords, type ScanOptions } from './recordScan';
import { recordTexts } from './recordTexts';
import type { ResultIndex } from './resultIndex';

/** Positions of the matching records among those `within` accepts, in index order. */
export async function searchRecords(
    index: ResultIndex,
    query: string,
    within: (position: number) => boolean,
    options: ScanOptions = {},
): Promise<number[]> {
    const needle = query.trim().toLowerCase();
    if (needle === '') {
        return index.records.map((_r, i) => i).filter(within);
    }
    const matches = new Set<number>();
    const needsText = (position: number): boolean => {
        const record = index.records[position];
        if (record === undefined || !within(position)) {
            return false;
        }
        if (contains(record.recordId, needle) || contains(record.error, needle)) {
            matches.add(position);
            return false;
        }
        return true;
    };
    await scanRecords(
        index,
        needsText,
        (position, text) => {
            const role = index.sources[index.records[position]?.source ?? -1]?.role ?? 'output';
            const texts = recordTexts(role, text);
            if (contains(texts.input, needle) || contains(texts.output, needle)) {
                matches.add(position);
            }
        },
        options,
    );
    return [...matches].sort((a, b) => a - b);
}

function contains(text: string | undefined, needle: string): boolean {
    return text !== undefined && text.toLowerCase().includes(needle);
}

/**
 * One streaming pass over a job's files that hands each chosen record's line to a visitor, in
 * index order. Used where many records are needed at once (search, export), so the files are
 * read sequentially instead of by thousands of seeks.
 */
import { isBlank, lineText, readFileLines } from './lineReader';
import type { ResultIndex } from './resultIndex';

export interface ScanOptions {
    readonly signal?: AbortSignal;
    /** Bytes read so far, over every file scanned. */
    readonly onProgress?: (bytesRead: number) => void;
}

export async function scanRecords(
    index: ResultIndex,
    include: (position: number) => boolean,
    visit: (position: number, text: string) => void | Promise<void>,
    options: ScanOptions = {},
): Promise<void> {
    const bySource = positionsBySource(index, include);
    let bytesBefore = 0;
    for (const [source, positions] of bySource) {
        const path = index.sources[source]?.path;
        if (path === undefined || positions.length === 0) {
            continue;
        }
        let next = 0;
        let read = 0;
        const lines = readFileLines(path, {
            ...(options.signal === undefined ? {} : { signal: options.signal }),
            onBytes: (bytes) => {
                read = bytes;
                options.onProgress?.(bytesBefore + bytes);
            },
        });
        for await (const line of lines) {
            const position = positions[next];
            if (position === undefined) {
                break;
            }
            if (isBlank(line.bytes) || line.offset !== index.records[position]?.offset) {
                continue;
            }
            next += 1;
            await visit(position, lineText(line.bytes));
        }
        bytesBefore += read;
    }
}

/** Record positions per source in offset order; sources in index order (outputs, then inputs). */
function positionsBySource(
    index: ResultIndex,
    include: (position: number) => boolean,
): Map<number, number[]> {
    const bySource = new Map<number, number[]>();
    index.sources.forEach((_source, i) => bySource.set(i, []));
    index.records.forEach((record, position) => {
        if (include(position)) {
            bySource.get(record.source)?.push(position);
        }
    });
    for (const positions of bySource.values()) {
        positions.sort((a, b) => (index.records[a]?.offset ?? 0) - (index.records[b]?.offset ?? 0));
    }
    return bySource;
}

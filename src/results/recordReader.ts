/** Reads single records back from disk by the offset the index keeps. */
import { open, type FileHandle } from 'node:fs/promises';
import { lineText, readAt } from './lineReader';
import { recordTexts, type RecordTexts } from './recordTexts';
import type { IndexedRecord, ResultIndex } from './resultIndex';

export interface RecordDetail extends RecordTexts {
    readonly record: IndexedRecord;
    /** The record's line as written (an output line, or the input line of a missing record). */
    readonly line: string;
}

export class RecordReader {
    private readonly handles = new Map<number, Promise<FileHandle>>();

    constructor(private readonly index: ResultIndex) {}

    async line(position: number): Promise<{ record: IndexedRecord; text: string }> {
        const record = this.index.records[position];
        if (record === undefined) {
            throw new RangeError(`No record at position ${position}`);
        }
        const handle = await this.handle(record.source);
        return { record, text: lineText(await readAt(handle, record.offset, record.length)) };
    }

    async read(position: number): Promise<RecordDetail> {
        const { record, text } = await this.line(position);
        const role = this.index.sources[record.source]?.role ?? 'output';
        return { record, line: text, ...recordTexts(role, text) };
    }

    async close(): Promise<void> {
        const handles = [...this.handles.values()];
        this.handles.clear();
        await Promise.all(handles.map(async (pending) => (await pending).close()));
    }

    private handle(source: number): Promise<FileHandle> {
        let pending = this.handles.get(source);
        if (pending === undefined) {
            const path = this.index.sources[source]?.path;
            if (path === undefined) {
                throw new RangeError(`No source ${source}`);
            }
            pending = open(path, 'r');
            this.handles.set(source, pending);
        }
        return pending;
    }
}

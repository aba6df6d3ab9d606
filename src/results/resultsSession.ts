/**
 * The host side of the results view, without VS Code: filters and searches the index and reads
 * one page of records from disk at a time, so 50,000 records never cross the message channel.
 */
import { noOutputTokensText } from '../metrics/embeddingModels';
import type { PageView, RowView, StatusFilter } from './protocol';
import type { RecordReader } from './recordReader';
import { searchRecords } from './recordSearch';
import type { ScanOptions } from './recordScan';
import type { IndexedRecord, ResultIndex } from './resultIndex';

export const PAGE_SIZE = 50;
/** Longer input or output text is cut in the table; the record's JSON shows it whole. */
export const MAX_CELL_CHARS = 2_000;

export interface PageRequest {
    readonly filter: StatusFilter;
    readonly query: string;
    readonly page: number;
}

export class ResultsSession {
    private cached:
        { filter: StatusFilter; query: string; positions: readonly number[] } | undefined;

    constructor(
        readonly index: ResultIndex,
        private readonly reader: RecordReader,
        private readonly pageSize = PAGE_SIZE,
    ) {}

    /** Positions that pass the filter and the search, in index order; the last answer is cached. */
    async positions(
        filter: StatusFilter,
        query: string,
        options: ScanOptions = {},
    ): Promise<readonly number[]> {
        const normalized = query.trim();
        if (this.cached?.filter === filter && this.cached.query === normalized) {
            return this.cached.positions;
        }
        const keep = statusPredicate(filter);
        const within = (position: number): boolean => {
            const record = this.index.records[position];
            return record !== undefined && keep(record);
        };
        const positions = await searchRecords(this.index, normalized, within, options);
        this.cached = { filter, query: normalized, positions };
        return positions;
    }

    async page(request: PageRequest, options: ScanOptions = {}): Promise<PageView> {
        const positions = await this.positions(request.filter, request.query, options);
        const pageCount = Math.max(1, Math.ceil(positions.length / this.pageSize));
        const page = Math.min(request.page, pageCount - 1);
        const onPage = positions.slice(page * this.pageSize, (page + 1) * this.pageSize);
        const rows: RowView[] = [];
        for (const position of onPage) {
            options.signal?.throwIfAborted();
            rows.push(await this.row(position));
        }
        return {
            rows,
            page,
            pageCount,
            matching: positions.length,
            total: this.index.records.length,
            filter: request.filter,
            query: request.query.trim(),
        };
    }

    private async row(position: number): Promise<RowView> {
        const detail = await this.reader.read(position);
        const { record } = detail;
        const input = cut(detail.input);
        const output = cut(detail.output);
        return {
            position,
            recordId: record.recordId ?? '(no recordId)',
            status: record.status,
            notInInput: record.inInput === false,
            input: input.text,
            output: output.text,
            error: record.error ?? '',
            truncated: input.cut || output.cut,
            detail: detailText(record),
        };
    }
}

export function statusPredicate(filter: StatusFilter): (record: IndexedRecord) => boolean {
    switch (filter) {
        case 'problems':
            return (record) => record.status !== 'succeeded';
        case 'succeeded':
            return (record) => record.status === 'succeeded';
        default:
            return () => true;
    }
}

function cut(text: string): { text: string; cut: boolean } {
    return text.length > MAX_CELL_CHARS
        ? { text: `${text.slice(0, MAX_CELL_CHARS)}…`, cut: true }
        : { text, cut: false };
}

export function detailText(record: IndexedRecord): string {
    const parts: string[] = [];
    if (record.stopReason !== undefined) {
        parts.push(record.stopReason);
    }
    if (record.embedding === true) {
        // An embedding has no output tokens: not an unknown count, no count at all.
        parts.push(
            record.inputTokens === undefined
                ? noOutputTokensText
                : `${record.inputTokens} in (${noOutputTokensText})`,
        );
    } else if (record.inputTokens !== undefined || record.outputTokens !== undefined) {
        parts.push(`${record.inputTokens ?? '?'} in / ${record.outputTokens ?? '?'} out`);
    }
    return parts.join(' · ');
}

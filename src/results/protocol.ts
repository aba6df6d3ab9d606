/**
 * Messages between the results view's host and its webview. Imported by both sides, so it
 * imports nothing. Pages are built in the host: the webview never holds more than one page.
 */

export type StatusFilter = 'all' | 'problems' | 'succeeded';
export type RowStatus = 'succeeded' | 'failed' | 'missing';
export type ExportFormatChoice = 'jsonl' | 'csv';

export const STATUS_FILTERS: readonly StatusFilter[] = ['all', 'problems', 'succeeded'];

export interface RowView {
    /** Position in the host's index; the webview sends it back to open the record. */
    readonly position: number;
    readonly recordId: string;
    readonly status: RowStatus;
    /** An output record whose id is not in the input file. */
    readonly notInInput: boolean;
    readonly input: string;
    readonly output: string;
    readonly error: string;
    /** Input or output was cut for the table; the full record opens as JSON. */
    readonly truncated: boolean;
    /** Stop reason and tokens, e.g. "end_turn · 12 in / 7 out". */
    readonly detail: string;
}

export interface PageView {
    readonly rows: readonly RowView[];
    /** 0-based. */
    readonly page: number;
    readonly pageCount: number;
    /** Records that pass the filter and search. */
    readonly matching: number;
    readonly total: number;
    readonly filter: StatusFilter;
    readonly query: string;
}

export interface SummaryView {
    readonly title: string;
    readonly folder: string;
    readonly lines: readonly { readonly label: string; readonly value: string }[];
    /** Set when every record failed. */
    readonly warning: string | undefined;
    /** Malformed lines, a missing input file and the like. */
    readonly notes: readonly string[];
    readonly canResubmit: boolean;
}

export type HostMessage =
    | { readonly type: 'summary'; readonly summary: SummaryView }
    | { readonly type: 'page'; readonly page: PageView }
    | { readonly type: 'busy'; readonly text: string | undefined }
    | { readonly type: 'failed'; readonly text: string };

export type ViewMessage =
    | { readonly type: 'ready' }
    | {
          readonly type: 'query';
          readonly filter: StatusFilter;
          readonly query: string;
          readonly page: number;
      }
    | { readonly type: 'open'; readonly position: number }
    | { readonly type: 'export'; readonly format: ExportFormatChoice }
    | { readonly type: 'resubmit' };

/** What the webview keeps across reloads; the folder lets the host reopen the results. */
export interface ViewState {
    readonly folder: string;
    readonly filter: StatusFilter;
    readonly query: string;
    readonly page: number;
}

export const MAX_QUERY_LENGTH = 500;

/** Checks a message from the webview, which the host must not trust blindly. */
export function parseViewMessage(value: unknown): ViewMessage | undefined {
    if (typeof value !== 'object' || value === null) {
        return undefined;
    }
    const m = value as Record<string, unknown>;
    switch (m['type']) {
        case 'ready':
        case 'resubmit':
            return { type: m['type'] };
        case 'query': {
            const filter = m['filter'];
            const query = m['query'];
            const page = m['page'];
            if (!isFilter(filter) || typeof query !== 'string' || !isIndex(page)) {
                return undefined;
            }
            return { type: 'query', filter, query: query.slice(0, MAX_QUERY_LENGTH), page };
        }
        case 'open':
            return isIndex(m['position']) ? { type: 'open', position: m['position'] } : undefined;
        case 'export':
            return m['format'] === 'jsonl' || m['format'] === 'csv'
                ? { type: 'export', format: m['format'] }
                : undefined;
        default:
            return undefined;
    }
}

export function parseViewState(value: unknown): ViewState | undefined {
    if (typeof value !== 'object' || value === null) {
        return undefined;
    }
    const s = value as Record<string, unknown>;
    const { folder, filter, query, page } = s;
    if (typeof folder !== 'string' || folder === '') {
        return undefined;
    }
    return {
        folder,
        filter: isFilter(filter) ? filter : 'all',
        query: typeof query === 'string' ? query.slice(0, MAX_QUERY_LENGTH) : '',
        page: isIndex(page) ? page : 0,
    };
}

function isFilter(value: unknown): value is StatusFilter {
    return typeof value === 'string' && (STATUS_FILTERS as readonly string[]).includes(value);
}

function isIndex(value: unknown): value is number {
    return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

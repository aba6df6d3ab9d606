// Entry of the Batch Results webview: draws the summary and the one page of records the host
// sends; filtering, search and paging happen in the host.
import './styles.css';
import type {
    HostMessage,
    PageView,
    RowView,
    StatusFilter,
    SummaryView,
} from '../../src/results/protocol';
import { el } from '../shared/dom';
import { saveState, savedState, send } from './host';

const SEARCH_DELAY_MS = 300;

const app = document.getElementById('app') ?? document.body;
const title = el('h1', { text: 'Batch results' });
const folder = el('p', { className: 'muted folder' });
const warning = el('div', { className: 'warning', attrs: { role: 'alert' } });
const summary = el('dl', { className: 'summary' });
const notes = el('ul', { className: 'notes' });
const failure = el('div', { className: 'failure', attrs: { role: 'alert' } });

const filter = el(
    'select',
    { attrs: { 'aria-label': 'Records to show' } },
    el('option', { text: 'All records', attrs: { value: 'all' } }),
    el('option', { text: 'Failed and missing', attrs: { value: 'problems' } }),
    el('option', { text: 'Succeeded', attrs: { value: 'succeeded' } }),
);
const search = el('input', {
    attrs: {
        type: 'search',
        placeholder: 'Search id, input, output, error',
        'aria-label': 'Search records',
    },
});
const busy = el('span', { className: 'muted busy', attrs: { 'aria-live': 'polite' } });
const exportJsonl = el('button', { text: 'Export JSONL…', attrs: { type: 'button' } });
const exportCsv = el('button', { text: 'Export CSV…', attrs: { type: 'button' } });
const resubmit = el('button', {
    text: 'Resubmit failed and missing…',
    attrs: { type: 'button' },
});

const tbody = el('tbody');
const table = el(
    'table',
    { className: 'records' },
    el(
        'thead',
        {},
        el(
            'tr',
            {},
            el('th', { text: 'Record', attrs: { scope: 'col' } }),
            el('th', { text: 'Status', attrs: { scope: 'col' } }),
            el('th', { text: 'Input', attrs: { scope: 'col' } }),
            el('th', { text: 'Output', attrs: { scope: 'col' } }),
            el('th', { text: 'Stop · tokens', attrs: { scope: 'col' } }),
        ),
    ),
    tbody,
);
const previous = el('button', { text: 'Previous', attrs: { type: 'button' } });
const next = el('button', { text: 'Next', attrs: { type: 'button' } });
const pageInfo = el('span', { className: 'muted', attrs: { 'aria-live': 'polite' } });

let currentFolder = '';
let current: { filter: StatusFilter; query: string; page: number; pageCount: number } = {
    filter: 'all',
    query: '',
    page: 0,
    pageCount: 1,
};
let searchTimer: ReturnType<typeof setTimeout> | undefined;

function layout(): void {
    warning.hidden = true;
    failure.hidden = true;
    app.replaceChildren(
        el('header', {}, title, folder, warning, failure, summary, notes),
        el(
            'div',
            { className: 'toolbar' },
            filter,
            search,
            busy,
            el('span', { className: 'spacer' }),
            exportJsonl,
            exportCsv,
            resubmit,
        ),
        table,
        el(
            'nav',
            { className: 'pager', attrs: { 'aria-label': 'Pages' } },
            previous,
            pageInfo,
            next,
        ),
    );
    app.setAttribute('aria-busy', 'false');
}

function ask(page: number): void {
    current = { ...current, filter: filter.value as StatusFilter, query: search.value, page };
    send({ type: 'query', filter: current.filter, query: current.query, page });
    remember();
}

function remember(): void {
    if (currentFolder !== '') {
        saveState({
            folder: currentFolder,
            filter: current.filter,
            query: current.query,
            page: current.page,
        });
    }
}

function showSummary(view: SummaryView): void {
    currentFolder = view.folder;
    title.textContent = view.title;
    document.title = `Results: ${view.title}`;
    folder.textContent = view.folder;
    warning.textContent = view.warning ?? '';
    warning.hidden = view.warning === undefined;
    summary.replaceChildren(
        ...view.lines.flatMap((line) => [
            el('dt', { text: line.label }),
            el('dd', { text: line.value }),
        ]),
    );
    notes.replaceChildren(...view.notes.map((note) => el('li', { text: note })));
    resubmit.disabled = !view.canResubmit;
    remember();
}

function showPage(page: PageView): void {
    current = {
        filter: page.filter,
        query: page.query,
        page: page.page,
        pageCount: page.pageCount,
    };
    filter.value = page.filter;
    if (document.activeElement !== search) {
        search.value = page.query;
    }
    tbody.replaceChildren(
        ...(page.rows.length === 0 ? [emptyRow(page)] : page.rows.map(recordRow)),
    );
    const of =
        page.matching === page.total
            ? `${page.total} records`
            : `${page.matching} of ${page.total} records`;
    pageInfo.textContent = `Page ${page.page + 1} of ${page.pageCount} · ${of}`;
    previous.disabled = page.page === 0;
    next.disabled = page.page + 1 >= page.pageCount;
    remember();
}

function emptyRow(page: PageView): HTMLTableRowElement {
    const text = page.query === '' ? 'No records to show.' : `No records match "${page.query}".`;
    return el('tr', {}, el('td', { className: 'muted', text, attrs: { colspan: '5' } }));
}

const STATUS_TEXT: Readonly<Record<RowView['status'], string>> = {
    succeeded: 'Succeeded',
    failed: 'Failed',
    missing: 'No result',
};

function recordRow(row: RowView): HTMLTableRowElement {
    const open = el('button', {
        className: 'link',
        text: row.recordId,
        attrs: {
            type: 'button',
            'data-position': String(row.position),
            title: 'Open the full record as JSON',
        },
    });
    const status = el(
        'td',
        { className: `status ${row.status}` },
        el('span', { className: 'status-word', text: STATUS_TEXT[row.status] }),
        row.notInInput ? el('div', { className: 'muted', text: 'not in input' }) : undefined,
    );
    let output: HTMLElement;
    if (row.status === 'failed') {
        output = el('div', { className: 'text error', text: row.error });
    } else if (row.status === 'missing') {
        output = el('div', { className: 'muted', text: 'The record never came back.' });
    } else {
        output = el('div', { className: 'text', text: row.output });
    }
    return el(
        'tr',
        { className: row.status },
        el(
            'td',
            { className: 'id' },
            open,
            row.truncated ? el('div', { className: 'muted', text: 'shortened' }) : undefined,
        ),
        status,
        el(
            'td',
            { className: 'input', attrs: { 'data-label': 'Input' } },
            el('div', { className: 'text', text: row.input }),
        ),
        el('td', { className: 'output', attrs: { 'data-label': 'Output' } }, output),
        el('td', {
            className: 'detail muted',
            text: row.detail,
            attrs: { 'data-label': 'Stop · tokens' },
        }),
    );
}

function onMessage(message: HostMessage): void {
    switch (message.type) {
        case 'summary':
            failure.hidden = true;
            showSummary(message.summary);
            return;
        case 'page':
            showPage(message.page);
            return;
        case 'busy':
            busy.textContent = message.text ?? '';
            return;
        case 'failed':
            failure.textContent = message.text;
            failure.hidden = false;
            return;
    }
}

layout();
const restored = savedState();
if (restored !== undefined) {
    currentFolder = restored.folder;
    current = { ...current, filter: restored.filter, query: restored.query, page: restored.page };
    filter.value = restored.filter;
    search.value = restored.query;
}

filter.addEventListener('change', () => ask(0));
search.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => ask(0), SEARCH_DELAY_MS);
});
search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
        clearTimeout(searchTimer);
        ask(0);
    }
});
previous.addEventListener('click', () => ask(Math.max(0, current.page - 1)));
next.addEventListener('click', () => ask(Math.min(current.pageCount - 1, current.page + 1)));
exportJsonl.addEventListener('click', () => send({ type: 'export', format: 'jsonl' }));
exportCsv.addEventListener('click', () => send({ type: 'export', format: 'csv' }));
resubmit.addEventListener('click', () => send({ type: 'resubmit' }));
tbody.addEventListener('click', (event) => {
    const target =
        event.target instanceof Element ? event.target.closest('button[data-position]') : null;
    const position = Number(target?.getAttribute('data-position'));
    if (target !== null && Number.isInteger(position)) {
        send({ type: 'open', position });
    }
});
window.addEventListener('message', (event: MessageEvent<HostMessage>) => onMessage(event.data));
send({ type: 'ready' });

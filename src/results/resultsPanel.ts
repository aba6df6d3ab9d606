/**
 * The results view of one downloaded folder. The host reads the index and builds pages; the
 * webview only draws the page it is sent, so a 50,000-record job crosses the channel 50 rows
 * at a time. Opening a record shows its full JSON in a read-only editor.
 */
import { basename, join } from 'node:path';
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { describeError } from '../shared/log';
import { notificationText } from '../shared/notificationText';
import { reportError } from '../shared/reportError';
import { exportRecords, type ExportFormat } from './exportRecords';
import { loadResults, type LoadedResults } from './loadResults';
import { resultsHtml } from './panelHtml';
import {
    parseViewMessage,
    type HostMessage,
    type PageView,
    type SummaryView,
    type ViewMessage,
    type ViewState,
} from './protocol';
import { RecordReader } from './recordReader';
import { showRecord } from './resultDocuments';
import { ResultsSession, type PageRequest } from './resultsSession';
import type { PriceRow } from '../checker/types';

export const RESULTS_VIEW_TYPE = 'bedrockBatch.results';

export interface PanelDeps {
    readonly ctx: Ctx;
    readonly prices: () => readonly PriceRow[];
}

export class ResultsPanel implements vscode.Disposable {
    private readonly disposables: vscode.Disposable[] = [];
    private readonly loadAbort = new AbortController();
    private loaded: LoadedResults | undefined;
    private session: ResultsSession | undefined;
    private reader: RecordReader | undefined;
    private request: PageRequest;
    private queryAbort: AbortController | undefined;
    private lastSummary: SummaryView | undefined;
    private lastPage: PageView | undefined;
    private loadFailure: string | undefined;
    private disposed = false;
    private readonly onDisposeEmitter = new vscode.EventEmitter<void>();
    readonly onDidDispose = this.onDisposeEmitter.event;
    /** Settles when the folder has been read (or failed to be). */
    readonly ready: Promise<void>;

    constructor(
        private readonly deps: PanelDeps,
        readonly panel: vscode.WebviewPanel,
        readonly folder: string,
        state: ViewState | undefined,
        inputFile: string | undefined,
    ) {
        this.request = {
            filter: state?.filter ?? 'all',
            query: state?.query ?? '',
            page: state?.page ?? 0,
        };
        const distWebview = vscode.Uri.joinPath(deps.ctx.extension.extensionUri, 'dist', 'webview');
        panel.webview.options = { enableScripts: true, localResourceRoots: [distWebview] };
        panel.webview.html = resultsHtml({
            cspSource: panel.webview.cspSource,
            scriptUri: panel.webview
                .asWebviewUri(vscode.Uri.joinPath(distWebview, 'results.js'))
                .toString(),
            styleUri: panel.webview
                .asWebviewUri(vscode.Uri.joinPath(distWebview, 'results.css'))
                .toString(),
        });
        this.disposables.push(
            this.onDisposeEmitter,
            panel.onDidDispose(() => this.dispose()),
            panel.webview.onDidReceiveMessage((message: unknown) => {
                const parsed = parseViewMessage(message);
                if (parsed === undefined) {
                    deps.ctx.log.warn(
                        'Results view: ignored an unexpected message from the webview',
                    );
                    return;
                }
                void this.handle(parsed);
            }),
        );
        this.ready = this.load(inputFile);
    }

    /** What the view shows now, for the tests. */
    get shown(): {
        readonly summary: SummaryView | undefined;
        readonly page: PageView | undefined;
    } {
        return { summary: this.lastSummary, page: this.lastPage };
    }

    get results(): LoadedResults | undefined {
        return this.loaded;
    }

    /** Runs a query as if typed in the view; resolves with the page sent. */
    async query(request: PageRequest): Promise<PageView | undefined> {
        await this.ready;
        this.request = request;
        return this.sendPage();
    }

    dispose(): void {
        if (this.disposed) {
            return;
        }
        this.disposed = true;
        this.loadAbort.abort();
        this.queryAbort?.abort();
        void this.reader?.close();
        this.onDisposeEmitter.fire();
        this.panel.dispose();
        for (const disposable of this.disposables) {
            disposable.dispose();
        }
    }

    private async load(inputFile: string | undefined): Promise<void> {
        const log = this.deps.ctx.log;
        try {
            const loaded = await vscode.window.withProgress(
                { location: vscode.ProgressLocation.Window, title: 'Reading batch results' },
                () =>
                    loadResults(this.folder, {
                        inputFile,
                        prices: this.deps.prices(),
                        signal: this.loadAbort.signal,
                        onProgress: (bytes) =>
                            this.post({ type: 'busy', text: `Reading results… ${mb(bytes)}` }),
                    }),
            );
            this.loaded = loaded;
            this.reader = new RecordReader(loaded.index);
            this.session = new ResultsSession(loaded.index, this.reader);
            this.panel.title = `Results: ${loaded.view.title}`;
            log.info(`Results of ${this.folder}: ${loaded.index.records.length} records indexed`);
            for (const problem of loaded.index.problems) {
                log.warn(`${problem.path}:${problem.line}: ${problem.message}`);
            }
            this.lastSummary = loaded.view;
            this.post({ type: 'busy', text: undefined });
            this.post({ type: 'summary', summary: loaded.view });
            await this.sendPage();
        } catch (error) {
            if (this.disposed) {
                return;
            }
            this.loadFailure = error instanceof Error ? error.message : String(error);
            log.error(`Reading results in ${this.folder} failed: ${describeError(error)}`);
            this.post({
                type: 'failed',
                text: `Could not read the results in ${this.folder}: ${this.loadFailure}`,
            });
        }
    }

    private async handle(message: ViewMessage): Promise<void> {
        switch (message.type) {
            case 'ready':
                if (this.loadFailure !== undefined) {
                    this.post({
                        type: 'failed',
                        text: `Could not read the results in ${this.folder}: ${this.loadFailure}`,
                    });
                } else if (this.lastSummary !== undefined) {
                    this.post({ type: 'summary', summary: this.lastSummary });
                    await this.sendPage();
                }
                return;
            case 'query':
                this.request = { filter: message.filter, query: message.query, page: message.page };
                await this.sendPage();
                return;
            case 'open':
                await this.openRecord(message.position);
                return;
            case 'export':
                await this.exportShown(message.format);
                return;
            case 'resubmit':
                await vscode.commands.executeCommand(
                    'bedrockBatch.resubmitFailed',
                    vscode.Uri.file(this.folder),
                );
                return;
        }
    }

    private async sendPage(): Promise<PageView | undefined> {
        const session = this.session;
        if (session === undefined) {
            return undefined;
        }
        this.queryAbort?.abort();
        const abort = new AbortController();
        this.queryAbort = abort;
        const searching = this.request.query.trim() !== '';
        if (searching) {
            this.post({ type: 'busy', text: 'Searching…' });
        }
        try {
            const page = await session.page(this.request, { signal: abort.signal });
            if (abort.signal.aborted) {
                return undefined;
            }
            this.lastPage = page;
            this.post({ type: 'page', page });
            return page;
        } catch (error) {
            if (abort.signal.aborted) {
                return undefined;
            }
            this.deps.ctx.log.error(`Results view query failed: ${describeError(error)}`);
            this.post({
                type: 'failed',
                text: `Could not show the records: ${describeError(error).split('\n')[0] ?? ''}`,
            });
            return undefined;
        } finally {
            if (searching && this.queryAbort === abort) {
                this.post({ type: 'busy', text: undefined });
            }
        }
    }

    /** Shows the record at `position` as read-only JSON beside the view, as clicking its id. */
    async openRecord(position: number): Promise<void> {
        const index = this.loaded?.index;
        const record = index?.records[position];
        const path = record === undefined ? undefined : index?.sources[record.source]?.path;
        if (record === undefined || path === undefined) {
            return;
        }
        try {
            await showRecord(path, record);
        } catch (error) {
            void reportError(this.deps.ctx.log, error, { doing: 'Could not open the record' });
        }
    }

    private async exportShown(format: ExportFormat): Promise<void> {
        const loaded = this.loaded;
        const session = this.session;
        if (loaded === undefined || session === undefined) {
            return;
        }
        const extension = format === 'csv' ? 'csv' : 'jsonl';
        const target = await vscode.window.showSaveDialog({
            title: 'Export results',
            defaultUri: vscode.Uri.file(
                join(this.folder, `${loaded.view.title}-results.${extension}`),
            ),
            filters: format === 'csv' ? { CSV: ['csv'] } : { 'JSON Lines': ['jsonl'] },
        });
        if (target === undefined) {
            return;
        }
        try {
            const rows = await vscode.window.withProgress(
                {
                    location: vscode.ProgressLocation.Notification,
                    title: notificationText(`Exporting to ${basename(target.fsPath)}`),
                    cancellable: true,
                },
                async (_progress, token) => {
                    const abort = new AbortController();
                    const subscription = token.onCancellationRequested(() => abort.abort());
                    try {
                        const positions = await session.positions(
                            this.request.filter,
                            this.request.query,
                            { signal: abort.signal },
                        );
                        return await exportRecords(loaded.index, positions, format, target.fsPath, {
                            signal: abort.signal,
                        });
                    } finally {
                        subscription.dispose();
                    }
                },
            );
            void vscode.window
                .showInformationMessage(
                    notificationText(`Exported ${rows} records to ${basename(target.fsPath)}.`),
                    'Open',
                )
                .then((choice) =>
                    choice === 'Open' ? vscode.window.showTextDocument(target) : undefined,
                );
        } catch (error) {
            void reportError(this.deps.ctx.log, error, { doing: 'Could not export the results' });
        }
    }

    private post(message: HostMessage): void {
        if (!this.disposed) {
            void this.panel.webview.postMessage(message);
        }
    }
}

function mb(bytes: number): string {
    return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

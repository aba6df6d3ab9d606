import * as vscode from 'vscode';
import { isSdkLoaded } from '../aws/loadSdk';
import { checkFiles, checkTextInSlices, type LineSource } from '../checker/check';
import type { CheckOptions, Diagnostic, FileCheckResult } from '../checker/types';
import type { Ctx } from '../ctx';
import { resolveQuotas, type ResolvedQuotas } from '../quotas/jobQuotas';
import type { ServiceQuotaStore } from '../quotas/serviceQuotaStore';
import { describeError } from '../shared/log';
import { mergePrices, priceRowsFromSettings, quotasFromSettings } from './checkerSettings';
import type { CheckModel, CheckModelStore } from './checkModelStore';
import { diagnosticsOf } from './toVscode';

/** Checks run this long after the last keystroke. */
const typingDelayMs = 300;
/** Documents above this size are re-checked less eagerly while typing, and from disk when saved. */
const largeDocumentChars = 4_000_000;
const largeTypingDelayMs = 1500;

/** The one region in `bedrockBatch.regions`, if there is exactly one. */
function soleRegion(regions: readonly string[]): string | undefined {
    return regions.length === 1 ? regions[0] : undefined;
}

export function isJsonlUri(uri: vscode.Uri): boolean {
    return uri.path.toLowerCase().endsWith('.jsonl');
}

/** Length in UTF-16 units without copying the text. */
function documentLength(document: vscode.TextDocument): number {
    return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}

/**
 * The document's lines, read as the check goes: no copy of a large document into one string.
 * The check is aborted by the change event of any edit, before it reads another line.
 */
function linesOf(document: vscode.TextDocument): LineSource {
    return {
        lineCount: document.lineCount,
        lineAt: (index) => document.lineAt(index).text,
        eol: document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n',
    };
}

export function isJsonlDocument(document: vscode.TextDocument): boolean {
    const scheme = document.uri.scheme;
    if (scheme !== 'file' && scheme !== 'untitled' && scheme !== 'vscode-remote') {
        return false;
    }
    return document.languageId === 'jsonl' || isJsonlUri(document.uri);
}

/** What the last check of a URI found, kept so quick fixes can read the fix descriptors. */
interface Published {
    readonly result: FileCheckResult;
    /** The document version checked; undefined when checked from disk. */
    readonly version: number | undefined;
}

/**
 * The editor face of the checker: open .jsonl documents are checked as the user types and the
 * results shown as diagnostics; other features publish their own checks (from disk) here too.
 * A document's check runs in slices that leave the event loop free between them, and an edit
 * cancels the check of the version before it: only the latest version's results are published.
 */
export class JsonlDiagnostics implements vscode.Disposable {
    readonly collection = vscode.languages.createDiagnosticCollection('bedrockBatch');
    private readonly published = new Map<string, Published>();
    private readonly timers = new Map<string, NodeJS.Timeout>();
    /** The check in progress per URI (document text or disk), aborted by a newer one or an edit. */
    private readonly running = new Map<string, AbortController>();
    private readonly changed = new vscode.EventEmitter<vscode.Uri>();
    /** Fires after new diagnostics for a URI were published. */
    readonly onDidPublish = this.changed.event;
    private readonly subscriptions: vscode.Disposable[] = [];

    constructor(
        private readonly ctx: Ctx,
        readonly models: CheckModelStore,
        /** Job quotas per model and region, read from Service Quotas. */
        readonly serviceQuotas: ServiceQuotaStore,
    ) {
        this.subscriptions.push(
            vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
            vscode.workspace.onDidChangeTextDocument((e) => {
                if (e.contentChanges.length > 0) {
                    this.cancel(e.document.uri.toString());
                    this.schedule(e.document, undefined);
                }
            }),
            vscode.workspace.onDidSaveTextDocument((d) => this.schedule(d, 0)),
            vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
            vscode.workspace.onDidChangeConfiguration((e) => {
                if (
                    ['defaultModelId', 'quotas', 'prices'].some((k) =>
                        e.affectsConfiguration(`bedrockBatch.${k}`),
                    )
                ) {
                    this.recheckOpenDocuments();
                }
            }),
            models.onDidChange(() => this.recheckOpenDocuments()),
            serviceQuotas.onDidLoad(() => this.recheckOpenDocuments()),
        );
        this.recheckOpenDocuments();
    }

    /**
     * Engine options for a file: its model, its job quotas (settings, else the Service Quotas
     * values already read for the model and region, else defaults) and the price settings.
     */
    optionsFor(uri: vscode.Uri): CheckOptions {
        const { model } = this.models.resolve(uri);
        const settings = this.ctx.settings;
        return {
            ...(model.modelId === undefined ? {} : { modelId: model.modelId }),
            invocationType: model.invocationType,
            quotas: this.knownQuotas(model).quotas,
            prices: mergePrices(priceRowsFromSettings(settings.prices)),
        };
    }

    /**
     * The job quotas for a model in a region, reading Service Quotas if this session has not
     * yet (the pre-submit check waits for it; a failure means settings and defaults).
     */
    async quotasFor(
        modelId: string | undefined,
        region: string | undefined,
    ): Promise<ResolvedQuotas> {
        const service =
            modelId === undefined || region === undefined
                ? {}
                : await this.serviceQuotas.forModel(region, modelId);
        return resolveQuotas(this.quotaSettings(), service);
    }

    /**
     * Quotas for the editor, without waiting: what Service Quotas said for the file's model and
     * region if already read. A read is started only once something else has loaded the SDK, so
     * opening a .jsonl file never pays for it (nor does activation).
     */
    private knownQuotas(model: CheckModel): ResolvedQuotas {
        const region = model.region ?? soleRegion(this.ctx.settings.regions);
        const modelId = model.modelId;
        if (modelId === undefined || region === undefined) {
            return resolveQuotas(this.quotaSettings(), {});
        }
        const known = this.serviceQuotas.peek(region, modelId);
        if (known === undefined && isSdkLoaded()) {
            void this.serviceQuotas.load(region);
        }
        return resolveQuotas(this.quotaSettings(), known ?? {});
    }

    private quotaSettings(): ReturnType<typeof quotasFromSettings> {
        const settings = this.ctx.settings;
        return quotasFromSettings((name) => settings.quota(name));
    }

    /** Shows a check's result for a URI (documents, files checked from disk). */
    publish(uri: vscode.Uri, result: FileCheckResult, version?: number): void {
        this.published.set(uri.toString(), { result, version });
        this.collection.set(uri, diagnosticsOf(result));
        this.changed.fire(uri);
    }

    /** Engine diagnostics of the last check of this document, if it is still current. */
    engineDiagnostics(document: vscode.TextDocument): readonly Diagnostic[] {
        const entry = this.published.get(document.uri.toString());
        if (
            entry === undefined ||
            (entry.version !== undefined && entry.version !== document.version)
        ) {
            return [];
        }
        return entry.result.diagnostics;
    }

    lastResult(uri: vscode.Uri): FileCheckResult | undefined {
        return this.published.get(uri.toString())?.result;
    }

    /** The document version of the last published result; undefined when checked from disk. */
    publishedVersion(uri: vscode.Uri): number | undefined {
        return this.published.get(uri.toString())?.version;
    }

    /**
     * Checks a document now (or from disk when it is large and saved). Resolves with undefined,
     * publishing nothing, when an edit or a newer check overtakes it.
     */
    async checkDocument(document: vscode.TextDocument): Promise<FileCheckResult | undefined> {
        if (!isJsonlDocument(document) || document.isClosed) {
            return undefined;
        }
        const large = documentLength(document) > largeDocumentChars;
        if (large && !document.isDirty && document.uri.scheme === 'file') {
            return this.checkFromDisk(document.uri, document.version);
        }
        const version = document.version;
        const controller = this.start(document.uri.toString());
        try {
            const result = await checkTextInSlices(
                linesOf(document),
                this.optionsFor(document.uri),
                document.uri.fsPath,
                { signal: controller.signal },
            );
            if (controller.signal.aborted || document.isClosed || document.version !== version) {
                return undefined;
            }
            this.publish(document.uri, result, version);
            return result;
        } catch (error) {
            if (controller.signal.aborted) {
                return undefined;
            }
            throw error;
        } finally {
            this.finished(document.uri.toString(), controller);
        }
    }

    /** Checks a saved file by streaming it, for files VS Code does not hand to extensions. */
    async checkFromDisk(uri: vscode.Uri, version?: number): Promise<FileCheckResult | undefined> {
        const key = uri.toString();
        const controller = this.start(key);
        try {
            const job = await checkFiles([uri.fsPath], {
                ...this.optionsFor(uri),
                signal: controller.signal,
            });
            const [result] = job.files;
            if (result !== undefined && !controller.signal.aborted) {
                this.publish(uri, result, version);
            }
            return result;
        } catch (error) {
            if (!controller.signal.aborted) {
                this.ctx.log.warn(`Could not check ${uri.fsPath}: ${describeError(error)}`);
            }
            return undefined;
        } finally {
            this.finished(key, controller);
        }
    }

    /** Cancels the URI's check in progress and registers a new one. */
    private start(key: string): AbortController {
        this.cancel(key);
        const controller = new AbortController();
        this.running.set(key, controller);
        return controller;
    }

    private finished(key: string, controller: AbortController): void {
        if (this.running.get(key) === controller) {
            this.running.delete(key);
        }
    }

    private cancel(key: string): void {
        this.running.get(key)?.abort();
        this.running.delete(key);
    }

    recheckOpenDocuments(): void {
        for (const document of vscode.workspace.textDocuments) {
            this.schedule(document, 0);
        }
    }

    forget(uri: vscode.Uri): void {
        const key = uri.toString();
        clearTimeout(this.timers.get(key));
        this.timers.delete(key);
        this.cancel(key);
        this.published.delete(key);
        this.collection.delete(uri);
    }

    dispose(): void {
        for (const timer of this.timers.values()) {
            clearTimeout(timer);
        }
        for (const controller of this.running.values()) {
            controller.abort();
        }
        vscode.Disposable.from(...this.subscriptions).dispose();
        this.changed.dispose();
        this.collection.dispose();
    }

    /** Debounced check; `delay` undefined means "typing". */
    private schedule(document: vscode.TextDocument, delay: number | undefined): void {
        if (!isJsonlDocument(document)) {
            return;
        }
        const key = document.uri.toString();
        clearTimeout(this.timers.get(key));
        const wait =
            delay ??
            (documentLength(document) > largeDocumentChars ? largeTypingDelayMs : typingDelayMs);
        this.timers.set(
            key,
            setTimeout(() => {
                this.timers.delete(key);
                this.checkDocument(document).catch((error: unknown) => {
                    this.ctx.log.warn(
                        `Could not check ${document.uri.fsPath}: ${describeError(error)}`,
                    );
                });
            }, wait),
        );
    }
}

import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { classifyFailure } from '../shared/failure';
import { describeError } from '../shared/log';
import { reportError } from '../shared/reportError';
import { CredentialGate } from './credentialGate';
import { jobMarkers, jobsSubmittedAfter } from './jobMarkers';
import { planSeries, plannedMetrics } from './metricQueries';
import type { MetricsService } from './metricsService';
import {
    matchListedModels,
    mergeModelOptions,
    needsRelisting,
    sameModelOptions,
} from './modelOptions';
import { panelHtml } from './panelHtml';
import { defaultRange, maxModels, parseWebviewMessage } from './panelState';
import { PanelActions } from './panelActions';
import { admitModelIds, admitRegion } from './pageRequests';
import {
    metricsPanelTitle,
    metricsViewType,
    type HostMessage,
    type ModelOption,
    type PersistedState,
    type Selection,
    type Snapshot,
    type WebviewMessage,
} from './protocol';
import { regionChoice, type RegionChoice, type RegionSources } from './regionChoices';
import { resolveWindow } from './timeRange';

/** Models charted when the panel opens on a region without a model chosen. */
const defaultModelCount = 5;

/**
 * Who asked for a selection: a command (trusted), the state a restored page handed back, or the
 * page itself. The last two get only regions and models the host offered.
 */
type Origin = 'command' | 'restore' | 'webview';

/**
 * The Batch Metrics panel: one at a time. The host owns the selection and fetches everything;
 * the webview draws what it is sent. The webview is torn down while hidden (no
 * retainContextWhenHidden), so the latest message of each kind is kept and sent again when it
 * comes back and says it is ready.
 */
export class MetricsPanel implements vscode.Disposable {
    private static current: MetricsPanel | undefined;

    private state: PersistedState;
    private ready = false;
    private readonly latest = new Map<HostMessage['type'], HostMessage>();
    private readonly models = new Map<string, ModelOption[]>();
    private timer: NodeJS.Timeout | undefined;
    private refreshing: AbortController | undefined;
    private lastFetch = 0;
    private selectCount = 0;
    /** Selections and refreshes under way: a page that becomes ready then needs no own fetch. */
    private inFlight = 0;
    /** Set while hidden: the page that comes back lists the models again. */
    private hiddenSinceReady = false;
    private disposed = false;
    private readonly actions: PanelActions;
    private readonly credentials: CredentialGate;
    /** Model ids commands opened the panel on: shown even before CloudWatch lists them. */
    private readonly openedWith = new Set<string>();
    private readonly disposables: vscode.Disposable[] = [];

    /** Opens the panel (or brings it forward) on what the command was given. */
    static show(
        ctx: Ctx,
        service: MetricsService,
        viewRegions: () => readonly string[],
        request: Partial<Selection>,
    ): MetricsPanel {
        const existing = MetricsPanel.current;
        if (existing !== undefined) {
            existing.panel.reveal();
            if (Object.keys(request).length > 0) {
                void existing.select(request, 'command');
            }
            return existing;
        }
        const panel = vscode.window.createWebviewPanel(
            metricsViewType,
            metricsPanelTitle,
            vscode.ViewColumn.Active,
            webviewOptions(ctx),
        );
        const state: PersistedState = {
            version: 1,
            paused: false,
            modelIds: [],
            range: defaultRange,
            ...request,
        };
        MetricsPanel.current = new MetricsPanel(ctx, service, viewRegions, panel, state, 'command');
        return MetricsPanel.current;
    }

    /** Brings back a panel VS Code restored after a reload; its data is fetched again. */
    static revive(
        ctx: Ctx,
        service: MetricsService,
        viewRegions: () => readonly string[],
        panel: vscode.WebviewPanel,
        state: PersistedState | undefined,
    ): MetricsPanel {
        MetricsPanel.current?.dispose();
        panel.webview.options = webviewOptions(ctx);
        const restored = state ?? { version: 1, paused: false, modelIds: [], range: defaultRange };
        MetricsPanel.current = new MetricsPanel(
            ctx,
            service,
            viewRegions,
            panel,
            restored,
            'restore',
        );
        return MetricsPanel.current;
    }

    static get open(): MetricsPanel | undefined {
        return MetricsPanel.current;
    }

    private constructor(
        private readonly ctx: Ctx,
        private readonly service: MetricsService,
        /** The regions of the Batch Jobs view, offered first. */
        private readonly viewRegions: () => readonly string[],
        readonly panel: vscode.WebviewPanel,
        state: PersistedState,
        origin: 'command' | 'restore',
    ) {
        // A restored page's region and models are requests like any other from the page.
        this.state = origin === 'command' ? state : unchosen(state);
        this.credentials = new CredentialGate(ctx, (message) => this.post(message));
        this.actions = new PanelActions(ctx, service, {
            post: (message) => this.post(message),
            selection: () => this.state,
            metrics: () =>
                plannedMetrics(
                    planSeries(this.state.modelIds, this.models.get(this.state.region ?? '') ?? []),
                ),
            refreshAlarms: () => this.refreshAlarms(),
            admitsModel: (id) => this.admittedModels().has(id),
            alarmNames: () => {
                const alarms = this.latest.get('alarms');
                return alarms?.type === 'alarms' ? alarms.alarms.map((alarm) => alarm.name) : [];
            },
        });
        const webview = panel.webview;
        const dist = vscode.Uri.joinPath(ctx.extension.extensionUri, 'dist', 'webview');
        webview.html = panelHtml({
            cspSource: webview.cspSource,
            scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'metrics.js')).toString(),
            styleUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'metrics.css')).toString(),
        });
        this.disposables.push(
            panel.onDidDispose(() => this.dispose()),
            webview.onDidReceiveMessage((raw: unknown) => {
                const message = parseWebviewMessage(raw);
                if (message === undefined) {
                    ctx.log.warn(
                        'Batch Metrics: ignored a message the panel protocol does not know',
                    );
                    return;
                }
                void this.handle(message).catch((error: unknown) =>
                    reportError(ctx.log, error, {
                        doing: 'Batch Metrics could not finish the action',
                        profile: ctx.profile,
                    }),
                );
            }),
            panel.onDidChangeViewState(() => {
                if (!panel.visible) {
                    // The page is discarded while hidden; it says "ready" again when shown.
                    this.ready = false;
                    this.hiddenSinceReady = true;
                    this.stopTimer();
                }
            }),
            ctx.onDidChangeConnection(() => {
                this.credentials.reset();
                this.models.clear();
                void this.select({}, 'webview');
            }),
        );
        void this.select(state, origin);
    }

    dispose(): void {
        if (this.disposed) {
            return;
        }
        this.disposed = true;
        if (MetricsPanel.current === this) {
            MetricsPanel.current = undefined;
        }
        this.stopTimer();
        this.refreshing?.abort();
        for (const disposable of this.disposables.splice(0)) {
            disposable.dispose();
        }
        this.panel.dispose();
    }

    /** The selection as the panel holds it now (for tests and the dashboard). */
    get selection(): PersistedState {
        return this.state;
    }

    private async handle(message: WebviewMessage): Promise<void> {
        switch (message.type) {
            case 'ready':
                await this.onReady();
                return;
            case 'select':
                await this.select(message.selection, 'webview');
                return;
            case 'refresh':
                this.models.delete(this.state.region ?? '');
                await Promise.all([this.select({}, 'webview'), this.refreshAlarms()]);
                return;
            case 'pause':
                this.setState({ ...this.state, paused: message.paused });
                if (message.paused) {
                    this.stopTimer();
                } else {
                    await this.tick();
                }
                return;
            case 'fix':
                await this.credentials.fix(message.action);
                return;
            case 'cspViolation':
                this.ctx.log.warn(
                    `Batch Metrics: the page's security policy blocked ${message.blocked} ` +
                        `(${message.directive})`,
                );
                return;
            default:
                await this.actions.handle(message);
        }
    }

    private async onReady(): Promise<void> {
        this.ready = true;
        const shownAgain = this.hiddenSinceReady;
        this.hiddenSinceReady = false;
        await this.postNow({
            type: 'init',
            state: this.state,
            regions: (await this.regionChoice(this.state.region, true)).regions,
            refreshSeconds: this.ctx.settings.metricsRefreshSeconds,
        });
        for (const [type, message] of this.latest) {
            if (type !== 'init' && type !== 'selection' && type !== 'regions') {
                await this.postNow(message);
            }
        }
        if (this.inFlight > 0) {
            return;
        }
        this.inFlight++;
        try {
            // Models may have got their first datapoints while the panel was hidden. Refused
            // credentials are not tried again just because the page came back.
            const retry = !this.credentials.closed;
            const relisted = shownAgain && retry && (await this.relistModels('all'));
            const stale =
                retry &&
                Date.now() - this.lastFetch >= this.ctx.settings.metricsRefreshSeconds * 1000;
            if (relisted || !this.latest.has('snapshot') || stale) {
                await this.fetchSnapshot();
            } else {
                this.scheduleNext();
            }
        } finally {
            this.inFlight--;
        }
    }

    /**
     * Applies a change of region, models or range: models of a new region are listed first, ids
     * are matched to what CloudWatch lists, then everything is fetched again. Ids the command
     * was given stay even when CloudWatch lists nothing for them yet (the empty state says why);
     * a region switched in the panel keeps only the models listed there.
     */
    private async select(change: Partial<Selection>, origin: Origin): Promise<void> {
        this.inFlight++;
        try {
            await this.applySelection(change, origin);
        } finally {
            this.inFlight--;
        }
    }

    private async applySelection(change: Partial<Selection>, origin: Origin): Promise<void> {
        const count = ++this.selectCount;
        const trusted = origin === 'command';
        if (trusted) {
            change.modelIds?.forEach((id) => this.openedWith.add(id));
        }
        const admitted = this.admittedModels();
        const { regions, region } = await this.regionChoice(change.region, trusted);
        this.post({ type: 'regions', regions });
        const regionChanged = region !== this.state.region;
        const asked = change.modelIds ?? (regionChanged ? [] : this.state.modelIds);
        // Until the region's models are known, the page's ids show only when already admitted.
        const requested = trusted ? asked : asked.filter((id) => admitted.has(id));
        const { range, jobArn } = change;
        this.setState({
            ...this.state,
            ...(range === undefined ? {} : { range }),
            ...(jobArn === undefined ? {} : { jobArn }),
            ...(region === undefined ? {} : { region }),
            modelIds: requested,
        });
        if (region === undefined) {
            this.post({ type: 'models', region: '', models: [], error: noRegionMessage });
            return;
        }
        const options = await this.modelOptions(region);
        if (count !== this.selectCount) {
            return;
        }
        let modelIds = requested;
        if (!trusted) {
            const checked = admitModelIds(asked, options, admitted);
            if (checked.refused.length > 0) {
                this.ctx.log.warn(
                    `Batch Metrics: ignored model ids the panel did not list in ${region}: ` +
                        checked.refused.map((id) => JSON.stringify(id)).join(', '),
                );
            }
            modelIds = checked.modelIds;
        }
        modelIds = matchListedModels(modelIds, options);
        if (regionChanged && origin === 'webview') {
            modelIds = modelIds.filter((id) => options.some((option) => option.id === id));
        }
        if (
            modelIds.length === 0 &&
            (origin !== 'webview' || regionChanged || change.modelIds === undefined)
        ) {
            modelIds = options.slice(0, defaultModelCount).map((option) => option.id);
        }
        this.setState({ ...this.state, modelIds: [...new Set(modelIds)].slice(0, maxModels) });
        await Promise.all([
            this.refresh(),
            regionChanged || origin !== 'webview' ? this.refreshAlarms() : undefined,
        ]);
    }

    private async modelOptions(region: string): Promise<ModelOption[]> {
        const cached = this.models.get(region);
        if (cached !== undefined) {
            this.post({ type: 'models', region, models: cached });
            return cached;
        }
        try {
            const options = await this.service.modelOptions(region);
            this.credentials.succeeded();
            this.models.set(region, options);
            this.post({ type: 'models', region, models: options });
            return options;
        } catch (error) {
            this.ctx.log.warn(
                `Batch Metrics: could not list models in ${region}: ${describeError(error)}`,
            );
            this.post({
                type: 'models',
                region,
                models: [],
                error: this.credentials.failed(error).message,
            });
            return [];
        }
    }

    /**
     * Lists the region's models again and adopts what is newly listed: a chosen id now listed
     * under its listed form, or the first models when none was listed before. `recent` asks only
     * for models active in the last three hours, and only while the list is empty or lacks a
     * chosen model. True when the list or the selection changed.
     */
    private async relistModels(scope: 'all' | 'recent'): Promise<boolean> {
        const { region } = this.state;
        if (region === undefined) {
            return false;
        }
        const known = this.models.get(region);
        const complete = known !== undefined && !needsRelisting(this.state.modelIds, known);
        if (scope === 'recent' && complete) {
            return false;
        }
        // After a failed listing nothing is known: list everything, not just the recent part.
        const recentOnly = scope === 'recent' && known !== undefined;
        const count = this.selectCount;
        let listed: ModelOption[];
        try {
            listed = await this.service.modelOptions(region, undefined, recentOnly);
        } catch (error) {
            this.ctx.log.debug(
                `Batch Metrics: could not list models again in ${region}: ${describeError(error)}`,
            );
            this.credentials.failed(error);
            return false;
        }
        this.credentials.succeeded();
        if (count !== this.selectCount || region !== this.state.region || this.disposed) {
            return false;
        }
        const options = recentOnly ? mergeModelOptions(known ?? [], listed) : listed;
        const listChanged = known === undefined || !sameModelOptions(known, options);
        this.models.set(region, options);
        if (listChanged) {
            this.ctx.log.debug(`Batch Metrics: ${options.length} model(s) listed in ${region}`);
            this.post({ type: 'models', region, models: options });
        }
        let modelIds = matchListedModels(this.state.modelIds, options);
        if (modelIds.length === 0 && (known ?? []).length === 0) {
            modelIds = options.slice(0, defaultModelCount).map((option) => option.id);
        }
        modelIds = modelIds.slice(0, maxModels);
        const selectionChanged = modelIds.join('\n') !== this.state.modelIds.join('\n');
        if (selectionChanged) {
            this.setState({ ...this.state, modelIds });
        }
        return listChanged || selectionChanged;
    }

    /**
     * A refresh by the timer (or on resume): models are listed again first while CloudWatch
     * lacks one the panel shows, then the data is fetched, still in one GetMetricData call.
     */
    private async tick(): Promise<void> {
        this.inFlight++;
        try {
            const count = this.selectCount;
            await this.relistModels('recent');
            if (count === this.selectCount) {
                await this.fetchSnapshot();
            }
        } finally {
            this.inFlight--;
        }
    }

    /** One refresh: every series in one GetMetricData call, and the region's jobs as markers. */
    private async refresh(): Promise<void> {
        this.inFlight++;
        try {
            await this.fetchSnapshot();
        } finally {
            this.inFlight--;
        }
    }

    private async fetchSnapshot(): Promise<void> {
        this.stopTimer();
        this.refreshing?.abort();
        const abort = new AbortController();
        this.refreshing = abort;
        const { region, modelIds, range, jobArn } = this.state;
        if (region === undefined) {
            return;
        }
        const options = this.models.get(region) ?? [];
        const plan = planSeries(modelIds, options);
        const window = resolveWindow(range, Date.now(), plan.length);
        this.post({ type: 'loading', loading: true });
        const [metrics, jobs] = await Promise.allSettled([
            plan.length === 0
                ? Promise.resolve({ series: [], notes: [] })
                : this.service.series(region, plan, window, abort.signal),
            modelIds.length === 0
                ? Promise.resolve([])
                : this.service.jobs(region, jobsSubmittedAfter(window.start)),
        ]);
        if (abort.signal.aborted) {
            return;
        }
        this.lastFetch = Date.now();
        if (plan.length > 0 && metrics.status === 'fulfilled') {
            this.credentials.succeeded();
        }
        const snapshot: Snapshot = {
            region,
            modelIds,
            window,
            metrics: plannedMetrics(plan),
            series: metrics.status === 'fulfilled' ? metrics.value.series : [],
            markers:
                jobs.status === 'fulfilled' ? jobMarkers(jobs.value, modelIds, window, jobArn) : [],
            fetchedAt: this.lastFetch,
            metricDataCalls: plan.length === 0 ? 0 : 1,
            notes: metrics.status === 'fulfilled' ? metrics.value.notes : [],
            ...(metrics.status === 'rejected'
                ? { error: this.cloudWatchFailure('fetch the metrics', metrics.reason) }
                : {}),
            ...(jobs.status === 'rejected'
                ? { jobsError: this.failureText('list the jobs', jobs.reason) }
                : {}),
        };
        this.post({ type: 'snapshot', snapshot });
        this.post({ type: 'loading', loading: false });
        this.scheduleNext();
    }

    private async refreshAlarms(): Promise<void> {
        const region = this.state.region;
        if (region === undefined) {
            return;
        }
        const [alarms, topics] = await Promise.allSettled([
            this.service.alarms(region),
            this.service.topics(region),
        ]);
        if (alarms.status === 'fulfilled') {
            this.credentials.succeeded();
        }
        this.post({
            type: 'alarms',
            region,
            alarms: alarms.status === 'fulfilled' ? alarms.value : [],
            topics: topics.status === 'fulfilled' ? topics.value : [],
            ...(alarms.status === 'rejected'
                ? { error: this.cloudWatchFailure('list the alarms', alarms.reason) }
                : {}),
            ...(topics.status === 'rejected'
                ? { topicsError: this.failureText('list SNS topics', topics.reason) }
                : {}),
        });
    }

    private failureText(doing: string, error: unknown): string {
        this.ctx.log.warn(`Batch Metrics: could not ${doing}: ${describeError(error)}`);
        return classifyFailure(error, this.ctx.profile).message;
    }

    /** A failed CloudWatch call: refused credentials also pause live refresh. */
    private cloudWatchFailure(doing: string, error: unknown): string {
        this.ctx.log.warn(`Batch Metrics: could not ${doing}: ${describeError(error)}`);
        return this.credentials.failed(error).message;
    }

    /** Model ids the page may choose besides listed ones: those shown and those commands gave. */
    private admittedModels(): Set<string> {
        const listed = this.models.get(this.state.region ?? '') ?? [];
        return new Set([
            ...this.openedWith,
            ...this.state.modelIds,
            ...listed.map((option) => option.id),
        ]);
    }

    private scheduleNext(): void {
        this.stopTimer();
        const snapshot = this.latest.get('snapshot');
        const live = snapshot?.type === 'snapshot' && snapshot.snapshot.window.live;
        if (
            this.disposed ||
            !live ||
            this.state.paused ||
            !this.panel.visible ||
            this.credentials.closed
        ) {
            return;
        }
        this.timer = setTimeout(() => {
            void this.tick().then(() => this.refreshAlarms());
        }, this.ctx.settings.metricsRefreshSeconds * 1000);
    }

    private stopTimer(): void {
        if (this.timer !== undefined) {
            clearTimeout(this.timer);
            this.timer = undefined;
        }
    }

    private setState(state: PersistedState): void {
        this.state = state;
        this.post({ type: 'selection', state });
    }

    /** Sends now if the page listens; keeps it as the latest of its kind for a reloaded page. */
    private post(message: HostMessage): void {
        if (this.disposed) {
            return;
        }
        this.latest.set(message.type, message);
        if (this.ready && this.panel.visible) {
            void this.postNow(message);
        }
    }

    private async postNow(message: HostMessage): Promise<void> {
        try {
            await this.panel.webview.postMessage(message);
        } catch (error) {
            this.ctx.log.debug(`Batch Metrics: message not delivered: ${describeError(error)}`);
        }
    }

    /**
     * The regions offered and the one to show. In the sandbox that is its region alone, as in
     * the Batch Jobs view; otherwise the view's regions come first. A command may name any
     * region; the page (or a restored page) only one offered, or the current one stays.
     */
    private async regionChoice(
        requested: string | undefined,
        trusted: boolean,
    ): Promise<RegionChoice> {
        let fallback: string | undefined;
        try {
            fallback = await this.ctx.aws.defaultRegion();
        } catch (error) {
            this.ctx.log.debug(`Batch Metrics: no default region: ${describeError(error)}`);
        }
        const sources: RegionSources = {
            ...(this.ctx.inSandbox && fallback !== undefined ? { sandboxRegion: fallback } : {}),
            viewRegions: this.viewRegions(),
            settingsRegions: this.ctx.settings.regions,
            ...(fallback === undefined ? {} : { defaultRegion: fallback }),
        };
        let wanted = requested ?? this.state.region;
        if (!trusted) {
            const offered = regionChoice(sources).regions;
            const admitted = admitRegion(requested, offered, this.state.region);
            if (admitted.refused !== undefined) {
                this.ctx.log.warn(
                    `Batch Metrics: ignored the region ${JSON.stringify(admitted.refused)} ` +
                        'the page asked for: the panel does not offer it',
                );
            }
            wanted = admitted.region;
        }
        return regionChoice({ ...sources, ...(wanted === undefined ? {} : { requested: wanted }) });
    }
}

/** The state without region and models, which are then chosen as the page asks. */
function unchosen(state: PersistedState): PersistedState {
    const { version, paused, range, jobArn } = state;
    return { version, paused, range, modelIds: [], ...(jobArn === undefined ? {} : { jobArn }) };
}

const noRegionMessage =
    'No region to show: add one in the Batch Jobs view (Add Region) ' +
    'or set a region in your AWS profile.';

function webviewOptions(ctx: Ctx): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
        enableScripts: true,
        localResourceRoots: [vscode.Uri.joinPath(ctx.extension.extensionUri, 'dist', 'webview')],
    };
}

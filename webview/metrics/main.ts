// Entry of the Batch Metrics webview. The guards go first so they see everything after them.
import './earlyGuards';
import './elements';
import './styles.css';
import type {
    CredentialProblem,
    HostMessage,
    ModelOption,
    PersistedState,
    Snapshot,
} from '../../src/metrics/protocol';
import { el } from '../shared/dom';
import { AlarmsView, type AlarmsModel } from './alarmsView';
import { ChartsView } from './chartsView';
import { CredentialBanner } from './credentialBanner';
import { saveState, savedState, send } from './host';
import { InsightsView } from './insightsView';
import { TableView } from './tableView';
import { onThemeChange, readTheme } from './theme';
import { Toolbar } from './toolbar';

interface PageState {
    state?: PersistedState;
    regions: readonly string[];
    models: readonly ModelOption[];
    modelsError?: string;
    snapshot?: Snapshot;
    loading: boolean;
    refreshSeconds: number;
    alarms?: AlarmsModel;
    credentials?: CredentialProblem;
}

const page: PageState = { regions: [], models: [], loading: false, refreshSeconds: 60 };
let theme = readTheme();

const toolbar = new Toolbar({
    select: (selection) => send({ type: 'select', selection }),
    pause: (paused) => send({ type: 'pause', paused }),
    refresh: () => send({ type: 'refresh' }),
    createDashboard: () => send({ type: 'createDashboard' }),
});
const copy = (text: string): void => send({ type: 'copy', text });
const credentials = new CredentialBanner((action) => send({ type: 'fix', action }));
const charts = new ChartsView();
const tables = new TableView(copy);
const alarms = new AlarmsView({
    create: (draft) => send({ type: 'createAlarm', draft }),
    remove: (alarmName) => send({ type: 'deleteAlarm', alarmName }),
});
const insights = new InsightsView({ run: (query) => send({ type: 'runInsights', query }) });
const dashboardNotice = el('p', {
    className: 'notice',
    attrs: { role: 'status', id: 'dashboard-notice' },
});

const tabNames = ['Charts', 'Table', 'Alarms', 'Metrics Insights'];
const tabs = el('vscode-tabs', { attrs: { id: 'tabs' } });
tabNames.forEach((name, index) => {
    tabs.append(
        el('vscode-tab-header', { attrs: { slot: 'header', id: `tab-${index}` }, text: name }),
        el('vscode-tab-panel', {}, [charts, tables, alarms, insights][index]?.element),
    );
});
const savedTab = Number(savedState()['tab'] ?? 0);
tabs.selectedIndex =
    Number.isInteger(savedTab) && savedTab >= 0 && savedTab < tabNames.length ? savedTab : 0;
tabs.addEventListener('vsc-tabs-select', (event) => saveState({ tab: event.detail.selectedIndex }));

const app = document.getElementById('app') ?? document.body;
app.replaceChildren(toolbar.element, credentials.element, dashboardNotice, tabs);
app.setAttribute('aria-busy', 'false');

function render(): void {
    const state = page.state;
    if (state === undefined) {
        return;
    }
    toolbar.render({
        state,
        regions: page.regions,
        models: page.models,
        // Refused credentials are explained once, in the banner with their fixes.
        ...(page.modelsError === undefined || page.modelsError === page.credentials?.message
            ? {}
            : { modelsError: page.modelsError }),
        ...(page.snapshot === undefined ? {} : { snapshot: page.snapshot }),
        loading: page.loading,
        refreshSeconds: page.refreshSeconds,
        credentialsRefused: page.credentials !== undefined,
    });
    credentials.render(page.credentials);
    insights.setModels(state.modelIds);
    alarms.render(
        page.alarms ?? { ...regionOf(state), modelIds: state.modelIds, alarms: [], topics: [] },
    );
}

function regionOf(state: PersistedState): { region?: string } {
    return state.region === undefined ? {} : { region: state.region };
}

function drawSnapshot(): void {
    if (page.snapshot !== undefined) {
        charts.render(page.snapshot, page.models, theme, page.credentials?.message);
        tables.render(page.snapshot, theme);
    }
}

function receive(message: HostMessage): void {
    switch (message.type) {
        case 'init':
            page.regions = message.regions;
            page.refreshSeconds = message.refreshSeconds;
            setState(message.state);
            break;
        case 'selection':
            setState(message.state);
            break;
        case 'regions':
            page.regions = message.regions;
            break;
        case 'models':
            page.models = message.models;
            if (message.error === undefined) {
                delete page.modelsError;
            } else {
                page.modelsError = message.error;
            }
            break;
        case 'loading':
            page.loading = message.loading;
            break;
        case 'snapshot':
            page.snapshot = message.snapshot;
            drawSnapshot();
            break;
        case 'alarms':
            page.alarms = {
                region: message.region,
                modelIds: page.state?.modelIds ?? [],
                alarms: message.alarms,
                topics: message.topics,
                ...(message.error === undefined ? {} : { error: message.error }),
                ...(message.topicsError === undefined ? {} : { topicsError: message.topicsError }),
            };
            break;
        case 'insights':
            insights.render(message.result, theme);
            break;
        case 'credentials':
            if (message.problem === undefined) {
                delete page.credentials;
            } else {
                page.credentials = message.problem;
            }
            drawSnapshot();
            break;
        case 'notice':
            if (message.area === 'alarms') {
                alarms.showNotice(message.level, message.text);
            } else {
                dashboardNotice.textContent = message.text;
                dashboardNotice.className = `notice ${message.level}`;
            }
            break;
    }
    render();
}

/** The host's selection is the truth; it is saved so a restored panel starts from it. */
function setState(state: PersistedState): void {
    page.state = state;
    if (page.alarms !== undefined) {
        page.alarms = { ...page.alarms, modelIds: state.modelIds };
    }
    saveState({ ...state });
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => receive(event.data));

onThemeChange(() => {
    theme = readTheme();
    drawSnapshot();
    insights.redraw(theme);
});

/** Read-only view of what the charts draw, for integration tests and debugging. */
Object.assign(globalThis, {
    bedrockBatchMetrics: {
        charts: () => charts.describe(),
        insights: () => insights.describe(),
    },
});

send({ type: 'ready' });

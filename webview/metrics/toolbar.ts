/** Region, models, time range, pause, refresh and the dashboard button, with the status line. */
import type { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select';
import { formatPeriod } from '../../src/metrics/format';
import type {
    ModelOption,
    PersistedState,
    RangeKey,
    Selection,
    Snapshot,
} from '../../src/metrics/protocol';
import { selectedModelsText } from '../../src/metrics/selectionText';
import {
    customRangeInputs,
    customRangeProblem,
    fromLocalInput,
    rangePresets,
    toLocalInput,
} from '../../src/metrics/timeRange';
import { el } from '../shared/dom';
import { option } from './dom';

export interface ToolbarModel {
    readonly state: PersistedState;
    readonly regions: readonly string[];
    readonly models: readonly ModelOption[];
    readonly modelsError?: string;
    readonly snapshot?: Snapshot;
    readonly loading: boolean;
    readonly refreshSeconds: number;
    /** AWS refused the credentials: live refresh waits. */
    readonly credentialsRefused: boolean;
}

export interface ToolbarEvents {
    select(selection: Selection): void;
    pause(paused: boolean): void;
    refresh(): void;
    createDashboard(): void;
}

export class Toolbar {
    readonly element: HTMLElement;
    private readonly region = el('vscode-single-select', {
        attrs: { 'aria-label': 'Region', id: 'region' },
    });
    private readonly models = el('vscode-multi-select', {
        attrs: { 'aria-label': 'Models', id: 'models' },
    });
    /** The picker's face only counts the chosen models; this line names them. */
    private readonly modelsChosen = el('span', {
        className: 'models-chosen',
        attrs: { id: 'models-chosen' },
    });
    private readonly range = el('vscode-single-select', {
        attrs: { 'aria-label': 'Time range', id: 'range' },
    });
    private readonly from = el('vscode-textfield', {
        attrs: { type: 'datetime-local', 'aria-label': 'From', id: 'range-from' },
    });
    private readonly to = el('vscode-textfield', {
        attrs: { type: 'datetime-local', 'aria-label': 'To (empty: now)', id: 'range-to' },
    });
    private readonly custom = el('div', { className: 'custom-range', attrs: { hidden: '' } });
    private readonly customProblem = el('span', { className: 'problem', attrs: { role: 'alert' } });
    private readonly pauseButton = el('vscode-button', {
        attrs: { secondary: '', id: 'pause' },
        text: 'Pause',
    });
    private readonly busy = el('vscode-progress-ring', {
        attrs: { 'aria-label': 'Loading', hidden: '' },
    });
    private readonly status = el('p', {
        className: 'status',
        attrs: { role: 'status', 'aria-live': 'polite', id: 'status' },
    });
    private readonly modelsNote = el('p', { className: 'note', attrs: { id: 'models-note' } });
    private modelKeys = '';
    /** The range the From and To fields were last filled from. */
    private rangeKey = '';
    private current: ToolbarModel | undefined;

    constructor(private readonly events: ToolbarEvents) {
        for (const preset of rangePresets) {
            this.range.appendChild(option(preset.key, preset.label));
        }
        this.range.appendChild(option('custom', 'Custom…'));
        const apply = el('vscode-button', { attrs: { secondary: '' }, text: 'Apply' });
        this.custom.append(
            el('label', { text: 'From ' }, this.from),
            el('label', { text: 'To ' }, this.to),
            apply,
            this.customProblem,
        );
        const refresh = el('vscode-button', {
            attrs: { secondary: '', id: 'refresh' },
            text: 'Refresh',
        });
        const dashboard = el('vscode-button', {
            attrs: { id: 'dashboard' },
            text: 'Create CloudWatch dashboard',
        });
        this.element = el(
            'header',
            { className: 'toolbar' },
            el(
                'div',
                { className: 'controls' },
                el('label', { className: 'field' }, el('span', { text: 'Region' }), this.region),
                el(
                    'label',
                    { className: 'field models' },
                    el('span', { text: 'Models' }),
                    this.models,
                    this.modelsChosen,
                ),
                el('label', { className: 'field' }, el('span', { text: 'Range' }), this.range),
                this.pauseButton,
                refresh,
                dashboard,
                this.busy,
            ),
            this.custom,
            this.modelsNote,
            this.status,
        );
        this.region.addEventListener('change', () => this.emit({ region: this.region.value }));
        this.models.addEventListener('change', () =>
            this.emit({ modelIds: [...this.models.value] }),
        );
        this.range.addEventListener('change', () => this.onRangeChange());
        apply.addEventListener('click', () => this.applyCustom());
        this.pauseButton.addEventListener('click', () =>
            events.pause(!(this.current?.state.paused ?? false)),
        );
        refresh.addEventListener('click', () => events.refresh());
        dashboard.addEventListener('click', () => events.createDashboard());
    }

    render(model: ToolbarModel): void {
        this.current = model;
        const { state } = model;
        // Compared with the options in the page, not with the last list drawn: only what the
        // host offers is ever listed.
        const shown = [...this.region.querySelectorAll('vscode-option')].map((o) =>
            o.getAttribute('value'),
        );
        if (shown.join('\n') !== model.regions.join('\n')) {
            this.region.replaceChildren(...model.regions.map((r) => option(r, r)));
        }
        setSelect(this.region, state.region ?? '');
        const listed = new Set(model.models.map((m) => m.id));
        const ids = [
            ...model.models.map((m) => m.id),
            ...state.modelIds.filter((id) => !listed.has(id)),
        ];
        const modelKeys = ids.join('\n');
        if (modelKeys !== this.modelKeys) {
            this.modelKeys = modelKeys;
            this.models.replaceChildren(
                ...ids.map((id) => option(id, listed.has(id) ? id : `${id} (no metrics listed)`)),
            );
        }
        this.models.value = [...state.modelIds];
        this.modelsChosen.textContent = selectedModelsText(state.modelIds);
        this.modelsChosen.title = state.modelIds.join('\n');
        setSelect(this.range, state.range.key);
        this.custom.toggleAttribute('hidden', state.range.key !== 'custom');
        this.syncCustomFields(state);
        this.pauseButton.textContent = state.paused ? 'Resume' : 'Pause';
        this.pauseButton.setAttribute('aria-pressed', String(state.paused));
        this.busy.toggleAttribute('hidden', !model.loading);
        this.modelsNote.textContent = this.modelsText(model, listed);
        this.status.textContent = this.statusText(model);
    }

    /** Fills From and To from a custom range the host chose, without undoing the user's typing. */
    private syncCustomFields(state: PersistedState): void {
        const key = JSON.stringify(state.range);
        if (key === this.rangeKey) {
            return;
        }
        this.rangeKey = key;
        if (state.range.key === 'custom') {
            const { from, to } = customRangeInputs(state.range);
            this.from.value = from;
            this.to.value = to;
            this.customProblem.textContent = '';
        }
    }

    private modelsText(model: ToolbarModel, listed: Set<string>): string {
        if (model.modelsError !== undefined) {
            return `Could not list the models with batch metrics: ${model.modelsError}`;
        }
        const unlisted = model.state.modelIds.filter((id) => !listed.has(id));
        if (unlisted.length > 0) {
            return (
                `CloudWatch lists no batch metrics for ${unlisted.join(', ')} ` +
                `in ${model.state.region ?? ''}: ` +
                'they appear once a batch job on the model has been queued or running.'
            );
        }
        return '';
    }

    private statusText(model: ToolbarModel): string {
        const snapshot = model.snapshot;
        if (snapshot === undefined) {
            return model.loading ? 'Loading…' : '';
        }
        const updated = new Date(snapshot.fetchedAt).toLocaleTimeString();
        const period = `${formatPeriod(snapshot.window.period)} period`;
        const mode = !snapshot.window.live
            ? 'Fixed range'
            : model.state.paused
              ? 'Paused'
              : model.credentialsRefused
                ? 'Live refresh paused: the credentials were refused'
                : `Live, every ${model.refreshSeconds} s`;
        return `${mode} · ${period} · updated ${updated}`;
    }

    private onRangeChange(): void {
        const key = this.range.value as RangeKey;
        if (key !== 'custom') {
            this.emit({ range: { key } });
            return;
        }
        const window = this.current?.snapshot?.window;
        const now = Date.now();
        this.from.value = toLocalInput(window?.start ?? now - 3 * 3_600_000);
        this.to.value = '';
        this.custom.removeAttribute('hidden');
    }

    private applyCustom(): void {
        const from = fromLocalInput(this.from.value);
        const to = fromLocalInput(this.to.value);
        const problem = customRangeProblem(from, to, Date.now());
        this.customProblem.textContent = problem ?? '';
        if (problem !== undefined || from === undefined) {
            return;
        }
        this.emit({
            range: to === undefined ? { key: 'custom', from } : { key: 'custom', from, to },
        });
    }

    private emit(change: Partial<Selection>): void {
        const state = this.current?.state;
        if (state === undefined) {
            return;
        }
        const { region, modelIds, range, jobArn } = { ...state, ...change };
        this.events.select({
            ...(region === undefined ? {} : { region }),
            modelIds,
            range,
            ...(jobArn === undefined ? {} : { jobArn }),
        });
    }
}

function setSelect(select: VscodeSingleSelect, value: string): void {
    if (select.value !== value) {
        select.value = value;
    }
}

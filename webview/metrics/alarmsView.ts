/**
 * Alarms on batch metrics: a form (with the two presets) that the host turns into PutMetricAlarm,
 * and the region's existing alarms on the namespace with their state. Deleting asks the host,
 * which confirms in a modal dialog of the editor.
 */
import type { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select';
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield';
import {
    alarmPeriods,
    alarmPresets,
    comparisons,
    defaultAlarmName,
    missingDataChoices,
    presetDraft,
    type AlarmPresetKey,
} from '../../src/metrics/alarmPresets';
import { formatPeriod } from '../../src/metrics/format';
import {
    batchMetrics,
    type BatchMetricName,
    type Statistic,
} from '../../src/metrics/metricCatalog';
import type {
    AlarmDraft,
    AlarmRow,
    Comparison,
    MissingData,
    NoticeLevel,
} from '../../src/metrics/protocol';
import { el } from '../shared/dom';
import { formatDateTime, option } from './dom';

export interface AlarmsModel {
    readonly region?: string;
    readonly modelIds: readonly string[];
    readonly alarms: readonly AlarmRow[];
    readonly topics: readonly string[];
    readonly error?: string;
    readonly topicsError?: string;
}

export interface AlarmEvents {
    create(draft: AlarmDraft): void;
    remove(alarmName: string): void;
}

const statistics: readonly Statistic[] = ['Average', 'Maximum', 'Minimum', 'Sum', 'SampleCount'];

export class AlarmsView {
    readonly element = el('section', {
        className: 'alarms-view',
        attrs: { 'aria-label': 'Alarms' },
    });
    private readonly preset = select('preset', 'Preset');
    private readonly model = select('alarm-model', 'Model');
    private readonly metric = select('alarm-metric', 'Metric');
    private readonly statistic = select('alarm-statistic', 'Statistic');
    private readonly period = select('alarm-period', 'Period');
    private readonly evaluation = field('alarm-evaluation', 'Evaluation periods', 'number');
    private readonly datapoints = field(
        'alarm-datapoints',
        'Datapoints to alarm (empty: all)',
        'number',
    );
    private readonly comparison = select('alarm-comparison', 'Comparison');
    private readonly threshold = field('alarm-threshold', 'Threshold', 'number');
    private readonly missing = select('alarm-missing', 'Missing data');
    private readonly topic = select('alarm-topic', 'SNS topic');
    private readonly topicArn = field('alarm-topic-arn', 'SNS topic ARN', 'text');
    private readonly name = field('alarm-name', 'Alarm name', 'text');
    private readonly description = el('p', {
        className: 'note',
        attrs: { id: 'preset-description' },
    });
    private readonly metricFields = el('div', { className: 'form-grid metric-only' });
    private readonly notice = el('p', {
        className: 'notice',
        attrs: { role: 'status', id: 'alarm-notice' },
    });
    private readonly list = el('div', { className: 'alarm-list' });
    private nameEdited = false;
    private modelKeys = '';
    private topicKeys = '';

    constructor(private readonly events: AlarmEvents) {
        for (const preset of alarmPresets) {
            this.preset.appendChild(option(preset.key, preset.label));
        }
        for (const metric of batchMetrics) {
            this.metric.appendChild(option(metric.name, metric.title));
        }
        for (const value of statistics) {
            this.statistic.appendChild(option(value, value));
        }
        for (const seconds of alarmPeriods) {
            this.period.appendChild(option(String(seconds), formatPeriod(seconds)));
        }
        for (const { value, symbol } of comparisons) {
            this.comparison.appendChild(option(value, `${symbol} (${value})`));
        }
        for (const { value, label } of missingDataChoices) {
            this.missing.appendChild(option(value, label));
        }
        this.metricFields.append(
            labelled('Metric', this.metric),
            labelled('Statistic', this.statistic),
            labelled('Comparison', this.comparison),
            labelled('Threshold', this.threshold),
        );
        const create = el('vscode-button', { attrs: { id: 'create-alarm' }, text: 'Create alarm' });
        const form = el(
            'form',
            { className: 'alarm-form', attrs: { 'aria-label': 'New alarm' } },
            el('h2', { text: 'New alarm' }),
            el(
                'div',
                { className: 'form-grid' },
                labelled('Preset', this.preset),
                labelled('Model', this.model),
            ),
            this.description,
            this.metricFields,
            el(
                'div',
                { className: 'form-grid' },
                labelled('Period', this.period),
                labelled('Evaluation periods', this.evaluation),
                labelled('Datapoints to alarm', this.datapoints),
                labelled('Missing data', this.missing),
                labelled('SNS topic', this.topic),
                labelled('or topic ARN', this.topicArn),
                labelled('Alarm name', this.name),
            ),
            el('div', { className: 'form-actions' }, create),
            this.notice,
        );
        form.addEventListener('submit', (event) => event.preventDefault());
        this.element.append(form, el('h2', { text: 'Alarms on AWS/Bedrock/Batch' }), this.list);
        this.preset.addEventListener('change', () => this.applyPreset());
        this.model.addEventListener('change', () => this.renameIfDefault());
        this.metric.addEventListener('change', () => this.renameIfDefault());
        this.topic.addEventListener('change', () => {
            this.topicArn.value = this.topic.value;
        });
        this.name.addEventListener('input', () => {
            this.nameEdited = true;
        });
        create.addEventListener('click', () => events.create(this.draft()));
        this.preset.value = 'highInputTokens';
    }

    render(model: AlarmsModel): void {
        const modelKeys = model.modelIds.join('\n');
        if (modelKeys !== this.modelKeys) {
            const previous = this.model.value;
            this.modelKeys = modelKeys;
            this.model.replaceChildren(...model.modelIds.map((id) => option(id, id)));
            this.model.value = model.modelIds.includes(previous)
                ? previous
                : (model.modelIds[0] ?? '');
            if (previous === '') {
                this.applyPreset();
            } else {
                this.renameIfDefault();
            }
        }
        const topicKeys = model.topics.join('\n');
        if (topicKeys !== this.topicKeys) {
            this.topicKeys = topicKeys;
            this.topic.replaceChildren(
                option('', '(none)'),
                ...model.topics.map((arn) => option(arn, arn)),
            );
        }
        this.renderList(model);
    }

    showNotice(level: NoticeLevel, text: string): void {
        this.notice.textContent = text;
        this.notice.className = `notice ${level}`;
        this.notice.setAttribute('role', level === 'error' ? 'alert' : 'status');
    }

    private applyPreset(): void {
        const key = this.presetKey();
        const draft = presetDraft(key, this.model.value, this.topicArn.value);
        this.description.textContent = alarmPresets.find((p) => p.key === key)?.description ?? '';
        this.metricFields.toggleAttribute('hidden', draft.kind === 'stalled');
        this.period.value = String(draft.period);
        this.evaluation.value = String(draft.evaluationPeriods);
        this.datapoints.value =
            draft.datapointsToAlarm === undefined ? '' : String(draft.datapointsToAlarm);
        this.missing.value = draft.treatMissingData;
        if (draft.kind === 'metric') {
            this.metric.value = draft.metric;
            this.statistic.value = draft.statistic;
            this.comparison.value = draft.comparison;
            this.threshold.value = String(draft.threshold);
        }
        this.nameEdited = false;
        this.name.value = draft.alarmName;
    }

    private renameIfDefault(): void {
        if (!this.nameEdited) {
            this.name.value = defaultAlarmName(
                this.presetKey(),
                this.model.value,
                this.metric.value,
            );
        }
    }

    private presetKey(): AlarmPresetKey {
        const value = this.preset.value;
        return value === 'stalledModel' || value === 'custom' ? value : 'highInputTokens';
    }

    private draft(): AlarmDraft {
        const datapoints = this.datapoints.value.trim();
        const base = {
            alarmName: this.name.value,
            modelId: this.model.value,
            period: Number(this.period.value),
            evaluationPeriods: Number(this.evaluation.value),
            ...(datapoints === '' ? {} : { datapointsToAlarm: Number(datapoints) }),
            treatMissingData: this.missing.value as MissingData,
            topicArn: this.topicArn.value,
        };
        if (this.presetKey() === 'stalledModel') {
            return { kind: 'stalled', ...base };
        }
        return {
            kind: 'metric',
            ...base,
            metric: this.metric.value as BatchMetricName,
            statistic: this.statistic.value as Statistic,
            comparison: this.comparison.value as Comparison,
            threshold:
                this.threshold.value.trim() === '' ? Number.NaN : Number(this.threshold.value),
        };
    }

    private renderList(model: AlarmsModel): void {
        if (model.error !== undefined) {
            this.list.replaceChildren(
                el('p', {
                    className: 'error',
                    attrs: { role: 'alert' },
                    text: `Could not list the alarms: ${model.error}`,
                }),
            );
            return;
        }
        const parts: HTMLElement[] = [];
        if (model.topicsError !== undefined) {
            parts.push(
                el('p', {
                    className: 'warning',
                    text: `SNS topics could not be listed (paste an ARN instead): ${
                        model.topicsError
                    }`,
                }),
            );
        }
        if (model.alarms.length === 0) {
            parts.push(
                el('p', {
                    className: 'note',
                    text: `No alarm watches batch metrics in ${model.region ?? 'this region'} yet.`,
                }),
            );
            this.list.replaceChildren(...parts);
            return;
        }
        const header = ['Name', 'State', 'Metric', 'Models', 'Condition', 'Notifies', ''];
        const rows = model.alarms.map((alarm) => {
            const remove = el('vscode-button', {
                attrs: { secondary: '', 'aria-label': `Delete alarm ${alarm.name}` },
                text: 'Delete',
            });
            remove.addEventListener('click', () => this.events.remove(alarm.name));
            const updated =
                alarm.stateUpdated === undefined
                    ? ''
                    : ` since ${formatDateTime(alarm.stateUpdated)}`;
            const state = el('span', {
                className: `state state-${alarm.state}`,
                text: alarm.state,
            });
            const reason = el('small', { text: `${updated} ${alarm.stateReason}`.trim() });
            return el(
                'tr',
                { attrs: { 'data-alarm': alarm.name } },
                el('th', { attrs: { scope: 'row' }, text: alarm.name }),
                el('td', { attrs: { 'data-label': 'State' } }, state, reason),
                el('td', { attrs: { 'data-label': 'Metric' }, text: alarm.metric }),
                el('td', { attrs: { 'data-label': 'Models' }, text: alarm.modelIds.join(', ') }),
                el('td', { attrs: { 'data-label': 'Condition' }, text: alarm.condition }),
                el('td', {
                    attrs: { 'data-label': 'Notifies' },
                    text: alarm.actions.join(', ') || '(none)',
                }),
                el('td', { className: 'alarm-actions' }, remove),
            );
        });
        parts.push(
            el(
                'table',
                { className: 'alarms' },
                el('caption', {
                    text:
                        `Alarms in ${model.region ?? ''} on batch metrics ` +
                        '(states as CloudWatch reports them)',
                }),
                el(
                    'thead',
                    {},
                    el(
                        'tr',
                        {},
                        ...header.map((h) => el('th', { attrs: { scope: 'col' }, text: h })),
                    ),
                ),
                el('tbody', {}, ...rows),
            ),
        );
        this.list.replaceChildren(...parts);
    }
}

function select(id: string, label: string): VscodeSingleSelect {
    return el('vscode-single-select', { attrs: { id, 'aria-label': label } });
}

function field(id: string, label: string, type: 'text' | 'number'): VscodeTextfield {
    return el('vscode-textfield', { attrs: { id, 'aria-label': label, type } });
}

function labelled(text: string, control: HTMLElement): HTMLElement {
    return el('label', { className: 'field' }, el('span', { text }), control);
}

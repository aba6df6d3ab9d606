/**
 * A Metrics Insights query box (prefilled with input tokens per model), its results as a chart
 * and a table, and the service's error exactly as it came.
 */
import {
    defaultInsightsQuery,
    insightsQueryProblems,
    withModelFilter,
} from '../../src/metrics/insightsQuery';
import { formatExact } from '../../src/metrics/format';
import type { InsightsResult } from '../../src/metrics/protocol';
import { alignSeries } from '../../src/metrics/tableText';
import { el } from '../shared/dom';
import { formatDateTime } from './dom';
import type { ChartTheme } from './theme';
import { TimeChart } from './timeChart';

export interface InsightsEvents {
    run(query: string): void;
}

export class InsightsView {
    readonly element = el('section', {
        className: 'insights-view',
        attrs: { 'aria-label': 'Metrics Insights' },
    });
    private readonly query = el('vscode-textarea', {
        attrs: {
            id: 'insights-query',
            'aria-label': 'Metrics Insights query',
            rows: '4',
            monospace: '',
            resize: 'vertical',
        },
    });
    private readonly problems = el('p', {
        className: 'problem',
        attrs: { id: 'insights-problems' },
    });
    private readonly outcome = el('div', {
        className: 'insights-outcome',
        attrs: { 'aria-live': 'polite' },
    });
    private readonly canvas = el('canvas', {
        attrs: {
            role: 'img',
            'aria-label': 'Metrics Insights results; the table below lists them',
        },
    });
    private readonly chartBox = el(
        'div',
        { className: 'canvas-box', attrs: { hidden: '' } },
        this.canvas,
    );
    private readonly table = el('div', { className: 'insights-table' });
    private chart: TimeChart | undefined;
    private result: InsightsResult | undefined;
    private modelIds: readonly string[] = [];

    constructor(events: InsightsEvents) {
        this.query.value = defaultInsightsQuery;
        const run = el('vscode-button', { attrs: { id: 'run-insights' }, text: 'Run query' });
        const filter = el('vscode-button', {
            attrs: { secondary: '', id: 'filter-insights' },
            text: 'Limit to chosen models',
        });
        const reset = el('vscode-button', { attrs: { secondary: '' }, text: 'Reset' });
        this.element.append(
            el('p', {
                className: 'note',
                text:
                    'Metrics Insights runs SQL over CloudWatch metrics, one query per ' +
                    'GetMetricData call, over the ' +
                    "panel's time range (CloudWatch may limit queries to recent hours).",
            }),
            this.query,
            this.problems,
            el('div', { className: 'form-actions' }, run, filter, reset),
            this.outcome,
            this.chartBox,
            this.table,
        );
        this.query.addEventListener('input', () => this.check());
        run.addEventListener('click', () => {
            if (this.check()) {
                events.run(this.query.value);
            }
        });
        filter.addEventListener('click', () => {
            this.query.value = withModelFilter(this.query.value, this.modelIds);
            this.check();
        });
        reset.addEventListener('click', () => {
            this.query.value = defaultInsightsQuery;
            this.check();
        });
    }

    setModels(modelIds: readonly string[]): void {
        this.modelIds = modelIds;
    }

    render(result: InsightsResult, theme: ChartTheme): void {
        this.result = result;
        if (result.error !== undefined) {
            this.outcome.replaceChildren(
                el('pre', {
                    className: 'error service-error',
                    attrs: { role: 'alert' },
                    text: result.error,
                }),
            );
            this.chartBox.setAttribute('hidden', '');
            this.table.replaceChildren();
            return;
        }
        const points = result.series.reduce((sum, s) => sum + s.points.length, 0);
        this.outcome.replaceChildren(
            el('p', { text: `${result.series.length} series, ${points} datapoints.` }),
            ...result.notes.map((note) =>
                el('p', { className: 'note', text: `CloudWatch: ${note}` }),
            ),
        );
        this.chartBox.toggleAttribute('hidden', result.series.length === 0);
        this.redraw(theme);
        this.renderTable(result);
    }

    redraw(theme: ChartTheme): void {
        const result = this.result;
        if (result === undefined || result.error !== undefined) {
            return;
        }
        const input = {
            start: result.window.start,
            end: result.window.end,
            period: result.window.period,
            series: result.series.map((s) => ({ label: s.label, points: s.points })),
            markers: [],
            markerScope: '',
        };
        if (this.chart === undefined) {
            this.chart = new TimeChart(this.canvas, input, theme);
        } else {
            this.chart.update(input, theme);
        }
    }

    describe(): ReturnType<TimeChart['describe']> {
        return this.chart?.describe() ?? [];
    }

    private check(): boolean {
        const problems = insightsQueryProblems(this.query.value);
        this.problems.textContent = problems.join(' ');
        return problems.length === 0;
    }

    private renderTable(result: InsightsResult): void {
        const rows = alignSeries(result.series);
        this.table.replaceChildren(
            el(
                'table',
                {},
                el('caption', { text: 'Query results' }),
                el(
                    'thead',
                    {},
                    el(
                        'tr',
                        {},
                        el('th', { attrs: { scope: 'col' }, text: 'Time' }),
                        ...result.series.map((s) =>
                            el('th', { attrs: { scope: 'col' }, text: s.label }),
                        ),
                    ),
                ),
                el(
                    'tbody',
                    {},
                    ...rows.map(([time, values]) =>
                        el(
                            'tr',
                            {},
                            el('th', { attrs: { scope: 'row' }, text: formatDateTime(time) }),
                            ...values.map((v) =>
                                el('td', { text: v === undefined ? '–' : formatExact(v) }),
                            ),
                        ),
                    ),
                ),
            ),
        );
    }
}

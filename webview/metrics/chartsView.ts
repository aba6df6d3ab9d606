/** One chart per batch metric, a line per model, job markers on top; or the empty state. */
import { formatPeriod } from '../../src/metrics/format';
import { embeddingNote } from '../../src/metrics/embeddingModels';
import { metricDefinition, type BatchMetricName } from '../../src/metrics/metricCatalog';
import type { ModelOption, Snapshot } from '../../src/metrics/protocol';
import { colorSlots, modelColor } from '../../src/metrics/seriesColors';
import { el } from '../shared/dom';
import type { ChartTheme } from './theme';
import { TimeChart } from './timeChart';

interface Figure {
    readonly figure: HTMLElement;
    readonly canvas: HTMLCanvasElement;
    readonly caption: HTMLElement;
    readonly noData: HTMLElement;
    chart?: TimeChart;
}

export class ChartsView {
    readonly element = el('section', {
        className: 'charts-view',
        attrs: { 'aria-label': 'Charts' },
    });
    private readonly messages = el('div', { className: 'messages' });
    private readonly empty = el('section', {
        className: 'empty',
        attrs: { hidden: '', id: 'empty-state' },
    });
    private readonly grid = el('div', { className: 'chart-grid' });
    private readonly figures = new Map<BatchMetricName, Figure>();

    constructor() {
        this.element.append(this.messages, this.empty, this.grid);
    }

    /** `explained`: a failure message the page already shows elsewhere, not repeated here. */
    render(
        snapshot: Snapshot,
        models: readonly ModelOption[],
        theme: ChartTheme,
        explained?: string,
    ): void {
        this.renderMessages(snapshot, explained);
        const hasData = snapshot.series.some((series) => series.points.length > 0);
        this.renderEmpty(snapshot, models, hasData);
        for (const [metric, figure] of this.figures) {
            if (!snapshot.metrics.includes(metric)) {
                figure.chart?.destroy();
                figure.figure.remove();
                this.figures.delete(metric);
            }
        }
        const scope =
            snapshot.modelIds.length === 1 ? 'all jobs on this model' : 'all jobs on these models';
        const period = formatPeriod(snapshot.window.period);
        const slots = colorSlots(snapshot.modelIds);
        for (const metric of snapshot.metrics) {
            const definition = metricDefinition(metric);
            const figure = this.figure(metric);
            const series = snapshot.series.filter((s) => s.metric === metric);
            const charted = new Set(series.map((s) => s.modelId));
            const input = {
                start: snapshot.window.start,
                end: snapshot.window.end,
                period: snapshot.window.period,
                series: series.map((s) => ({
                    label: s.modelId,
                    points: s.points,
                    color: modelColor(s.modelId, slots, theme.series, theme.foreground),
                })),
                markers: snapshot.markers.filter((marker) => charted.has(marker.modelId)),
                unit: definition.unit,
                markerScope: scope,
            };
            figure.caption.replaceChildren(
                el('span', { className: 'title', text: definition.title }),
                el('span', {
                    className: 'subtitle',
                    text: `${definition.statistic} per ${period} · ${metric}`,
                }),
            );
            const points = series.reduce((sum, s) => sum + s.points.length, 0);
            figure.canvas.setAttribute(
                'aria-label',
                `${definition.title}: ${series.length} model(s), ${points} datapoints. ` +
                    'The Table tab lists the same values.',
            );
            figure.noData.toggleAttribute('hidden', points > 0);
            if (figure.chart === undefined) {
                figure.chart = new TimeChart(figure.canvas, input, theme);
            } else {
                figure.chart.update(input, theme);
            }
        }
    }

    /** Chart.js datasets per metric, for checks from outside the page. */
    describe(): { metric: string; datasets: ReturnType<TimeChart['describe']> }[] {
        return [...this.figures.entries()].map(([metric, figure]) => ({
            metric,
            datasets: figure.chart?.describe() ?? [],
        }));
    }

    private figure(metric: BatchMetricName): Figure {
        const existing = this.figures.get(metric);
        if (existing !== undefined) {
            return existing;
        }
        const canvas = el('canvas', { attrs: { role: 'img' } });
        const caption = el('figcaption');
        const noData = el('p', {
            className: 'no-data',
            text: 'No data in this range.',
            attrs: { hidden: '' },
        });
        const figure = el(
            'figure',
            { className: 'chart', attrs: { 'data-metric': metric } },
            caption,
            el('div', { className: 'canvas-box' }, canvas, noData),
        );
        this.grid.appendChild(figure);
        const created: Figure = { figure, canvas, caption, noData };
        this.figures.set(metric, created);
        return created;
    }

    private renderMessages(snapshot: Snapshot, explained: string | undefined): void {
        const lines: HTMLElement[] = [];
        if (snapshot.error !== undefined && snapshot.error !== explained) {
            lines.push(
                el('p', {
                    className: 'error',
                    attrs: { role: 'alert' },
                    text: `Could not fetch the metrics: ${snapshot.error}`,
                }),
            );
        }
        if (snapshot.jobsError !== undefined) {
            lines.push(
                el('p', {
                    className: 'warning',
                    text: `Job markers are missing: ${snapshot.jobsError}`,
                }),
            );
        }
        for (const note of snapshot.notes) {
            lines.push(el('p', { className: 'note', text: `CloudWatch: ${note}` }));
        }
        const embedding = embeddingNote(snapshot.modelIds);
        if (embedding !== undefined) {
            lines.push(
                el('p', { className: 'note', attrs: { id: 'embedding-note' }, text: embedding }),
            );
        }
        for (const series of snapshot.series.filter((s) => s.status !== undefined)) {
            lines.push(
                el('p', {
                    className: 'note',
                    text: `${series.modelId}, ${series.metric}: ${series.status ?? ''}`,
                }),
            );
        }
        this.messages.replaceChildren(...lines);
    }

    private renderEmpty(
        snapshot: Snapshot,
        models: readonly ModelOption[],
        hasData: boolean,
    ): void {
        const show = !hasData && snapshot.error === undefined;
        this.empty.toggleAttribute('hidden', !show);
        this.grid.toggleAttribute('hidden', snapshot.modelIds.length === 0);
        if (!show) {
            return;
        }
        const region = snapshot.region;
        const heading =
            snapshot.modelIds.length === 0
                ? models.length === 0
                    ? `No batch metrics in ${region} yet`
                    : 'Choose a model'
                : 'No batch metrics in this range';
        const paragraphs = [
            'Amazon Bedrock publishes batch inference metrics (namespace AWS/Bedrock/Batch) ' +
                'per model, about once a minute, while batch jobs on that model are queued or ' +
                'running. Charts fill in a few minutes after a job is submitted; a model with no ' +
                'job in the range has no datapoints.',
            'Metrics are per model, not per job: when several jobs run on one model, their ' +
                'records and tokens ' +
                'add up in one line. Job markers show every job of the model.',
            models.length === 0
                ? `CloudWatch lists no AWS/Bedrock/Batch metrics in ${region}: ` +
                  'models appear in the picker once ' +
                  'any batch job has run on them (ListMetrics looks back about two weeks).'
                : 'Try a longer range, or another model from the picker.',
        ];
        this.empty.replaceChildren(
            el('h2', { text: heading }),
            ...paragraphs.map((text) => el('p', { text })),
        );
    }
}

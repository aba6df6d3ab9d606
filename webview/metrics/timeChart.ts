/**
 * A Chart.js line chart over time. Only the pieces it draws are registered; the time axis is a
 * linear axis in epoch milliseconds with round local times computed by timeTicks (no date
 * adapter). Job events are point-only datasets at the bottom, with a faint vertical line each.
 */
import {
    Chart,
    Legend,
    LinearScale,
    LineController,
    LineElement,
    PointElement,
    Tooltip,
    type ChartDataset,
    type Plugin,
    type TooltipItem,
} from 'chart.js';
import { chartPoints } from '../../src/metrics/chartPoints';
import { formatCompact, formatExact } from '../../src/metrics/format';
import type { MetricUnit } from '../../src/metrics/metricCatalog';
import type { JobMarker, MarkerKind } from '../../src/metrics/protocol';
import { isLocalMidnight, tickStyle, timeStep, timeTicks } from '../../src/metrics/timeTicks';
import { formatDateTime } from './dom';
import type { ChartTheme } from './theme';

Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip, Legend);

export interface LineSeries {
    readonly label: string;
    readonly points: readonly (readonly [number, number])[];
    /** The series' own colour (a model's, the same in every chart); else by position. */
    readonly color?: string;
}

export interface ChartInput {
    readonly start: number;
    readonly end: number;
    /** Seconds: a gap longer than one and a half periods breaks the line. */
    readonly period: number;
    readonly series: readonly LineSeries[];
    readonly markers: readonly JobMarker[];
    readonly unit?: MetricUnit;
    /** How job markers are labelled in the legend, e.g. "all jobs on this model". */
    readonly markerScope: string;
}

interface XY {
    x: number;
    y: number;
}

const markerStyles: Readonly<
    Record<MarkerKind, { label: string; point: 'triangle' | 'circle' | 'rectRot' }>
> = {
    submitted: { label: 'Job submitted', point: 'triangle' },
    started: { label: 'Job in progress since', point: 'circle' },
    ended: { label: 'Job ended', point: 'rectRot' },
};
const markerKinds: readonly MarkerKind[] = ['submitted', 'started', 'ended'];
const maxTicks = 8;

/** Draws a dashed vertical line through every job marker. */
const markerLines: Plugin<'line'> = {
    id: 'bedrockBatchMarkerLines',
    afterDatasetsDraw(chart) {
        const area = chart.chartArea;
        const context = chart.ctx;
        context.save();
        context.setLineDash([3, 3]);
        context.lineWidth = 1;
        chart.data.datasets.forEach((dataset, index) => {
            if (!isMarkerDataset(dataset) || !chart.isDatasetVisible(index)) {
                return;
            }
            context.strokeStyle =
                typeof dataset.borderColor === 'string' ? dataset.borderColor : 'gray';
            context.globalAlpha = 0.45;
            for (const element of chart.getDatasetMeta(index).data) {
                context.beginPath();
                context.moveTo(element.x, area.top);
                context.lineTo(element.x, area.bottom);
                context.stroke();
            }
        });
        context.restore();
    },
};

type MarkerDataset = ChartDataset<'line', XY[]> & { markerKind: MarkerKind };

function isMarkerDataset(dataset: object): dataset is MarkerDataset {
    return 'markerKind' in dataset;
}

export class TimeChart {
    private readonly chart: Chart<'line', XY[]>;
    private markersByDataset: (readonly JobMarker[] | undefined)[] = [];
    private input: ChartInput;

    constructor(canvas: HTMLCanvasElement, input: ChartInput, theme: ChartTheme) {
        this.input = input;
        this.chart = new Chart<'line', XY[]>(canvas, {
            type: 'line',
            data: { datasets: [] },
            options: {},
            plugins: [markerLines],
        });
        this.update(input, theme);
    }

    update(input: ChartInput, theme: ChartTheme): void {
        this.input = input;
        const datasets: ChartDataset<'line', XY[]>[] = input.series.map((series, index) => {
            const color =
                series.color ?? theme.series[index % theme.series.length] ?? theme.foreground;
            return {
                label: series.label,
                data: chartPoints(series.points, input.period).map((p) => ({
                    x: p.x,
                    y: p.y ?? Number.NaN,
                })),
                borderColor: color,
                backgroundColor: color,
                borderWidth: 1.5,
                pointRadius: series.points.length > 90 ? 0 : 2,
                pointHoverRadius: 4,
                spanGaps: false,
            };
        });
        this.markersByDataset = input.series.map(() => undefined);
        for (const kind of markerKinds) {
            const markers = input.markers.filter((marker) => marker.kind === kind);
            if (markers.length === 0) {
                continue;
            }
            const color = theme.markers[kind];
            const dataset: MarkerDataset = {
                label: `${markerStyles[kind].label} (${input.markerScope})`,
                markerKind: kind,
                data: markers.map((marker) => ({ x: marker.time, y: 0 })),
                showLine: false,
                borderColor: color,
                backgroundColor: color,
                pointStyle: markerStyles[kind].point,
                pointRadius: markers.map((marker) => (marker.selected ? 8 : 5)),
                pointHoverRadius: 9,
            };
            datasets.push(dataset);
            this.markersByDataset.push(markers);
        }
        this.chart.data = { datasets };
        this.chart.options = this.options(input, theme);
        this.chart.update('none');
    }

    destroy(): void {
        this.chart.destroy();
    }

    /** What Chart.js holds for each dataset, for checks from outside the page. */
    describe(): { label: string; kind: string; color: string; points: [number, number][] }[] {
        return this.chart.data.datasets.map((dataset) => ({
            label: dataset.label ?? '',
            kind: isMarkerDataset(dataset) ? dataset.markerKind : 'series',
            color: typeof dataset.borderColor === 'string' ? dataset.borderColor : '',
            points: dataset.data
                .filter((p) => Number.isFinite(p.y))
                .map((p): [number, number] => [p.x, p.y]),
        }));
    }

    private options(
        input: ChartInput,
        theme: ChartTheme,
    ): NonNullable<Chart<'line', XY[]>['options']> {
        const span = input.end - input.start;
        let style = tickStyle(timeStep(span, maxTicks));
        const timeOnly = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
        const dateOnly = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
        const font = { family: theme.fontFamily, size: Math.max(10, theme.fontSize - 1) };
        return {
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            parsing: false,
            normalized: true,
            color: theme.foreground,
            font,
            interaction: { mode: 'nearest', axis: 'x', intersect: false },
            scales: {
                x: {
                    type: 'linear',
                    min: input.start,
                    max: input.end,
                    grid: { color: theme.grid },
                    border: { color: theme.grid },
                    afterBuildTicks: (axis) => {
                        // About one label per 100 px, so "06:00 PM" labels never run together.
                        const count = Math.max(
                            2,
                            Math.min(maxTicks, Math.floor(axis.chart.width / 100)),
                        );
                        style = tickStyle(timeStep(span, count));
                        axis.ticks = timeTicks(input.start, input.end, count).map((value) => ({
                            value,
                        }));
                    },
                    ticks: {
                        color: theme.muted,
                        font,
                        maxRotation: 0,
                        // The tick count already fits the width.
                        autoSkip: false,
                        callback: (value) => {
                            const time = Number(value);
                            return style === 'day' || isLocalMidnight(time)
                                ? dateOnly.format(time)
                                : timeOnly.format(time);
                        },
                    },
                },
                y: {
                    type: 'linear',
                    beginAtZero: true,
                    suggestedMax: 1,
                    grid: { color: theme.grid },
                    border: { color: theme.grid },
                    ticks: {
                        color: theme.muted,
                        font,
                        callback: (value) => formatCompact(Number(value)),
                    },
                    title: {
                        display: input.unit !== undefined,
                        text: input.unit ?? '',
                        color: theme.muted,
                        font,
                    },
                },
            },
            plugins: {
                legend: {
                    position: 'bottom',
                    labels: { color: theme.foreground, font, usePointStyle: true, boxHeight: 6 },
                },
                tooltip: {
                    callbacks: {
                        title: (items) =>
                            items[0] === undefined ? '' : formatDateTime(items[0].parsed.x ?? 0),
                        label: (item) => this.tooltipLabel(item),
                    },
                },
            },
        };
    }

    private tooltipLabel(item: TooltipItem<'line'>): string {
        const markers = this.markersByDataset[item.datasetIndex];
        const marker = markers?.[item.dataIndex];
        if (marker !== undefined) {
            const what = markerStyles[marker.kind].label;
            return `${what}: ${marker.jobName} on ${marker.modelId} (${marker.status})`;
        }
        const value = item.parsed.y ?? Number.NaN;
        const unit = this.input.unit === undefined ? '' : ` ${this.input.unit}`;
        const label = item.dataset.label ?? '';
        return `${label}: ${formatCompact(value)}${unit} (${formatExact(value)})`;
    }
}

/**
 * The charts' data as tables, for screen readers and for copying: one table per metric with a
 * column per model, and the job events. "Copy" puts tab-separated raw values on the clipboard.
 */
import { embeddingNote } from '../../src/metrics/embeddingModels';
import { formatExact, formatPeriod } from '../../src/metrics/format';
import { metricDefinition } from '../../src/metrics/metricCatalog';
import type { Snapshot } from '../../src/metrics/protocol';
import { colorSlots, modelColor } from '../../src/metrics/seriesColors';
import { alignSeries, toTsv } from '../../src/metrics/tableText';
import { el } from '../shared/dom';
import { formatDateTime } from './dom';
import type { ChartTheme } from './theme';

const markerNames = {
    submitted: 'Submitted',
    started: 'In progress since',
    ended: 'Ended',
} as const;

export class TableView {
    readonly element = el('section', {
        className: 'table-view',
        attrs: { 'aria-label': 'Tables' },
    });

    private tableCount = 0;

    constructor(private readonly copy: (text: string) => void) {}

    render(snapshot: Snapshot, theme: ChartTheme): void {
        const sections: HTMLElement[] = [];
        const note = embeddingNote(snapshot.modelIds);
        if (note !== undefined) {
            sections.push(el('p', { className: 'note', text: note }));
        }
        const period = formatPeriod(snapshot.window.period);
        const slots = colorSlots(snapshot.modelIds);
        for (const metric of snapshot.metrics) {
            const definition = metricDefinition(metric);
            const series = snapshot.series.filter((s) => s.metric === metric);
            const rows = alignSeries(series);
            const caption =
                `${definition.title} (${definition.statistic} per ${period}, ` +
                `${definition.unit})`;
            const modelHeaders = series.map((s) => {
                // The model's colour in the charts, so a column reads as the line it lists.
                const swatch = el('span', {
                    className: 'swatch',
                    attrs: { 'aria-hidden': 'true' },
                });
                swatch.style.backgroundColor = modelColor(
                    s.modelId,
                    slots,
                    theme.series,
                    theme.foreground,
                );
                return el(
                    'th',
                    { attrs: { scope: 'col', 'data-model': s.modelId } },
                    swatch,
                    s.modelId,
                );
            });
            const table = el(
                'table',
                { attrs: { 'data-metric': metric } },
                el(
                    'thead',
                    {},
                    el(
                        'tr',
                        {},
                        el('th', { attrs: { scope: 'col' }, text: 'Time' }),
                        ...modelHeaders,
                    ),
                ),
                el(
                    'tbody',
                    {},
                    ...rows.map(([time, values]) =>
                        el(
                            'tr',
                            {},
                            el('th', {
                                attrs: { scope: 'row', 'data-time': String(time) },
                                text: formatDateTime(time),
                            }),
                            ...values.map((value) =>
                                el('td', {
                                    text: value === undefined ? '–' : formatExact(value),
                                    ...(value === undefined
                                        ? {}
                                        : { attrs: { 'data-value': String(value) } }),
                                }),
                            ),
                        ),
                    ),
                ),
            );
            const tsv = toTsv(
                ['Time (ISO 8601)', ...series.map((s) => s.modelId)],
                rows.map(([time, values]) => [new Date(time).toISOString(), ...values]),
            );
            sections.push(
                this.section(
                    caption,
                    table,
                    rows.length === 0 ? 'No datapoints in this range.' : undefined,
                    tsv,
                ),
            );
        }
        sections.push(this.markersSection(snapshot));
        this.element.replaceChildren(...sections);
    }

    private markersSection(snapshot: Snapshot): HTMLElement {
        const scope =
            snapshot.modelIds.length === 1 ? 'all jobs on this model' : 'all jobs on these models';
        const header = ['Time', 'Event', 'Job', 'Model', 'Status now'];
        const rows = snapshot.markers.map((m) => [
            formatDateTime(m.time),
            markerNames[m.kind],
            m.selected ? `${m.jobName} (this job)` : m.jobName,
            m.modelId,
            m.status,
        ]);
        const table = el(
            'table',
            { attrs: { 'data-markers': '' } },
            el(
                'thead',
                {},
                el('tr', {}, ...header.map((h) => el('th', { attrs: { scope: 'col' }, text: h }))),
            ),
            el(
                'tbody',
                {},
                ...rows.map((cells) => el('tr', {}, ...cells.map((text) => el('td', { text })))),
            ),
        );
        const tsv = toTsv(
            header,
            snapshot.markers.map((m) => [
                new Date(m.time).toISOString(),
                m.kind,
                m.jobName,
                m.modelId,
                m.status,
            ]),
        );
        const empty =
            snapshot.jobsError !== undefined
                ? `Jobs could not be listed: ${snapshot.jobsError}`
                : rows.length === 0
                  ? 'No job was submitted, running or ended in this range.'
                  : undefined;
        return this.section(`Job events (${scope})`, table, empty, tsv);
    }

    /**
     * A table under its title, with Copy at the end of the title row: the block is as wide as
     * the table (or the panel, when the table is wider and scrolls), so Copy stays next to the
     * table it copies and in view at any width.
     */
    private section(
        title: string,
        table: HTMLTableElement,
        emptyText: string | undefined,
        tsv: string,
    ): HTMLElement {
        this.tableCount += 1;
        const id = `table-title-${this.tableCount}`;
        table.setAttribute('aria-labelledby', id);
        const copy = el('vscode-button', { attrs: { secondary: '' }, text: 'Copy' });
        copy.setAttribute('aria-label', `Copy ${title} as tab-separated values`);
        copy.addEventListener('click', () => this.copy(tsv));
        return el(
            'div',
            { className: 'table-block' },
            el(
                'div',
                { className: 'table-head' },
                el('h3', { className: 'table-title', text: title, attrs: { id } }),
                copy,
            ),
            el('div', { className: 'table-scroll' }, table),
            emptyText === undefined ? undefined : el('p', { className: 'note', text: emptyText }),
        );
    }
}

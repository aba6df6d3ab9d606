/**
 * The charts' data as tables, for screen readers and for copying: one table per metric with a
 * column per model, and the job events. "Copy" puts tab-separated raw values on the clipboard.
 */
import { formatExact, formatPeriod } from '../../src/metrics/format';
import { metricDefinition } from '../../src/metrics/metricCatalog';
import type { Snapshot } from '../../src/metrics/protocol';
import { alignSeries, toTsv } from '../../src/metrics/tableText';
import { el } from '../shared/dom';
import { formatDateTime } from './dom';

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

    constructor(private readonly copy: (text: string) => void) {}

    render(snapshot: Snapshot): void {
        const sections: HTMLElement[] = [];
        const period = formatPeriod(snapshot.window.period);
        for (const metric of snapshot.metrics) {
            const definition = metricDefinition(metric);
            const series = snapshot.series.filter((s) => s.metric === metric);
            const rows = alignSeries(series);
            const header = ['Time', ...series.map((s) => s.modelId)];
            const caption =
                `${definition.title} (${definition.statistic} per ${period}, ` +
                `${definition.unit})`;
            const table = el(
                'table',
                { attrs: { 'data-metric': metric } },
                el('caption', { text: caption }),
                el(
                    'thead',
                    {},
                    el(
                        'tr',
                        {},
                        ...header.map((h) => el('th', { attrs: { scope: 'col' }, text: h })),
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
            el('caption', { text: `Job events (${scope})` }),
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
        return this.section(table, empty, tsv);
    }

    private section(
        table: HTMLTableElement,
        emptyText: string | undefined,
        tsv: string,
    ): HTMLElement {
        const copy = el('vscode-button', { attrs: { secondary: '' }, text: 'Copy' });
        const label = table.caption?.textContent ?? 'table';
        copy.setAttribute('aria-label', `Copy ${label} as tab-separated values`);
        copy.addEventListener('click', () => this.copy(tsv));
        return el(
            'div',
            { className: 'table-block' },
            el('div', { className: 'table-actions' }, copy),
            table,
            emptyText === undefined ? undefined : el('p', { className: 'note', text: emptyText }),
        );
    }
}

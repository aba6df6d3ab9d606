/** Metrics-page pieces on top of ../shared/dom: select options and local date-times. */

/** A select option of @vscode-elements: value and label set as attribute and text. */
export function option(value: string, label: string, selected = false): HTMLElement {
    const item = document.createElement('vscode-option');
    item.setAttribute('value', value);
    if (selected) {
        item.setAttribute('selected', '');
    }
    item.textContent = label;
    return item;
}

const timeFormat = new Intl.DateTimeFormat(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
});

/** A local date and time for tables and tooltips. */
export function formatDateTime(time: number): string {
    return timeFormat.format(new Date(time));
}

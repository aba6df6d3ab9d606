/**
 * DOM building without HTML strings: every piece of text, from the server or not, goes in as a
 * text node, so a model id or alarm name holding markup stays text.
 */
type Child = Node | string | undefined;

export interface Props {
    readonly className?: string;
    readonly text?: string;
    readonly attrs?: Readonly<Record<string, string>>;
}

export function el<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    props: Props = {},
    ...children: Child[]
): HTMLElementTagNameMap[K] {
    const element = document.createElement(tag);
    if (props.className !== undefined) {
        element.className = props.className;
    }
    for (const [name, value] of Object.entries(props.attrs ?? {})) {
        element.setAttribute(name, value);
    }
    if (props.text !== undefined) {
        element.textContent = props.text;
    }
    append(element, ...children);
    return element;
}

export function append(parent: Node, ...children: Child[]): void {
    for (const child of children) {
        if (child !== undefined) {
            parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
        }
    }
}

export function clear(element: Element): void {
    element.replaceChildren();
}

/** A select option of @vscode-elements: value and label set as properties and text. */
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

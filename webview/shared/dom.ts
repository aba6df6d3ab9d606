/**
 * DOM building without HTML strings: every piece of text, from the server or not, goes in as a
 * text node, so a model id, alarm name or record holding markup shows as typed.
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
    for (const child of children) {
        if (child !== undefined) {
            element.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
        }
    }
    return element;
}

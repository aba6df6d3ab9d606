/** Elements built from text nodes only: record text full of markup shows as typed. */
type Child = Node | string | undefined;

export function el<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    props: {
        readonly className?: string;
        readonly text?: string;
        readonly attrs?: Readonly<Record<string, string>>;
    } = {},
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

export function replaceChildren(parent: Element, ...children: Node[]): void {
    parent.replaceChildren(...children);
}

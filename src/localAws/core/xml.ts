/** Just enough XML for AWS wire bodies: a builder for responses and a small parser for requests. */

export type XmlValue = string | number | boolean | undefined | XmlObject | readonly XmlValue[];
export interface XmlObject {
    readonly [name: string]: XmlValue;
}

export function escapeXml(text: string): string {
    return text.replace(/[&<>"'\r]/g, (c) => {
        switch (c) {
            case '&':
                return '&amp;';
            case '<':
                return '&lt;';
            case '>':
                return '&gt;';
            case '"':
                return '&quot;';
            case "'":
                return '&apos;';
            default:
                return '&#13;';
        }
    });
}

function render(name: string, value: XmlValue, out: string[]): void {
    if (value === undefined) {
        return;
    }
    if (Array.isArray(value)) {
        for (const item of value as readonly XmlValue[]) {
            render(name, item, out);
        }
        return;
    }
    if (typeof value === 'object') {
        out.push(`<${name}>`);
        for (const [child, childValue] of Object.entries(value as XmlObject)) {
            render(child, childValue, out);
        }
        out.push(`</${name}>`);
        return;
    }
    out.push(`<${name}>${escapeXml(String(value))}</${name}>`);
}

/** A whole document with one root element, an optional xmlns and the XML declaration. */
export function xmlDocument(root: string, value: XmlObject, xmlns?: string): string {
    const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
    out.push(xmlns === undefined ? `<${root}>` : `<${root} xmlns="${escapeXml(xmlns)}">`);
    for (const [child, childValue] of Object.entries(value)) {
        render(child, childValue, out);
    }
    out.push(`</${root}>`);
    return out.join('');
}

export interface XmlElement {
    readonly name: string;
    readonly children: XmlElement[];
    text: string;
}

function decodeEntities(text: string): string {
    return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_m, entity: string) => {
        switch (entity) {
            case 'lt':
                return '<';
            case 'gt':
                return '>';
            case 'amp':
                return '&';
            case 'quot':
                return '"';
            case 'apos':
                return "'";
            default:
                return String.fromCodePoint(
                    entity.startsWith('#x')
                        ? parseInt(entity.slice(2), 16)
                        : parseInt(entity.slice(1), 10),
                );
        }
    });
}

/**
 * Parses elements and text; attributes and namespaces prefixes are dropped. Throws on bad nesting.
 */
export function parseXml(source: string): XmlElement {
    const stack: XmlElement[] = [];
    let root: XmlElement | undefined;
    const token =
        new RegExp([
            /<!\[CDATA\[([\s\S]*?)\]\]>/.source,
            /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>/.source,
            /<(\/?)([^\s/>]+)[^>]*?(\/?)>/.source,
            /([^<]+)/.source,
        ].join('|'), 'g');
    for (let m = token.exec(source); m !== null; m = token.exec(source)) {
        const [, cdata, closing, rawName, selfClosing, text] = m;
        const top = stack[stack.length - 1];
        if (cdata !== undefined) {
            if (top) {
                top.text += cdata;
            }
        } else if (text !== undefined) {
            if (top) {
                top.text += decodeEntities(text);
            } else if (text.trim() !== '') {
                throw new Error('text outside the root element');
            }
        } else if (rawName !== undefined) {
            const name = rawName.includes(':') ? rawName.slice(rawName.indexOf(':') + 1) : rawName;
            if (closing === '/') {
                const open = stack.pop();
                if (open?.name !== name) {
                    throw new Error(`unexpected </${name}>`);
                }
            } else {
                const element: XmlElement = { name, children: [], text: '' };
                if (top) {
                    top.children.push(element);
                } else if (root === undefined) {
                    root = element;
                } else {
                    throw new Error('more than one root element');
                }
                if (selfClosing !== '/') {
                    stack.push(element);
                }
            }
        }
    }
    if (root === undefined || stack.length > 0) {
        throw new Error('unterminated XML document');
    }
    return root;
}

export function childText(element: XmlElement, name: string): string | undefined {
    return element.children.find((c) => c.name === name)?.text;
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
    return element.children.filter((c) => c.name === name);
}

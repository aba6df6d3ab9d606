import { isInvisible } from '../shared/visibleText';

/**
 * A horizontal rule between two sections of a hover, to append as Markdown source. The blank line
 * before it matters: `---` right under a line of text makes that text a heading (setext) instead.
 */
export const sectionRule = '\n\n---\n\n';

/**
 * Markdown source that renders exactly the given text: every ASCII punctuation character is
 * backslash-escaped (CommonMark allows it for all of them), so nothing can become emphasis, a
 * link, an autolink, HTML, an entity, a heading or a list. Whitespace that Markdown would swallow
 * or read as a code block is kept with non-breaking spaces, line breaks stay line breaks, and
 * invisible characters (C0/C1 controls, bidirectional controls) are shown as visible stand-ins.
 */
export function escapeMarkdown(text: string): string {
    return text.replace(/\r\n?/g, '\n').split('\n').map(escapeLine).join('\\\n');
}

function escapeLine(line: string): string {
    return Array.from(line, showInvisible)
        .join('')
        .replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`)
        .replace(/\t/g, '    ')
        .replace(/^ +| {2,}/g, (spaces) => '&nbsp;'.repeat(spaces.length));
}

/**
 * C0 controls as control pictures (U+2400 block); DEL likewise; every other character that
 * src/shared/visibleText.ts counts as invisible (C1, bidi and zero-width controls ...) by code
 * point.
 */
export function showInvisible(c: string): string {
    const code = c.codePointAt(0) ?? 0;
    if (code === 0x09) {
        return c;
    }
    if (code < 0x20) {
        return String.fromCodePoint(0x2400 + code);
    }
    if (code === 0x7f) {
        return '\u2421';
    }
    if (isInvisible(c)) {
        return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    }
    return c;
}

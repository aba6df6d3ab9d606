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

const bidiControls = new Set([
    0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
]);

/** C0 controls as control pictures (U+2400 block); DEL, C1 and bidi controls by code point. */
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
    if ((code >= 0x80 && code <= 0x9f) || bidiControls.has(code)) {
        return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    }
    return c;
}

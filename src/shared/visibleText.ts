/**
 * Text from files and services shown to the user: characters that render as nothing or change
 * how the text around them is shown (C0/C1 controls, DEL, bidirectional controls, zero-width and
 * other format characters, line/paragraph separators, lone surrogates, blank fillers) are made
 * visible as escapes, so a terminal never obeys them and the Problems panel never reorders a
 * message around them. Pure: no vscode, usable by the checker, the CLI and the explorer.
 */

/** Characters that are invisible or act on the display; tested one code point at a time. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u115f\u1160\u3164\uffa0]/u;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');

/** Default bound for one quoted piece of content in a message. */
export const MAX_QUOTED_CHARS = 60;

export function isInvisible(char: string): boolean {
    return INVISIBLE.test(char);
}

/** `\u202E`, or `\u{E0041}` above the BMP. */
function escapeOf(char: string): string {
    const code = char.codePointAt(0) ?? 0;
    const hex = code.toString(16).toUpperCase();
    return code > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, '0')}`;
}

/** The text with every invisible character written as an escape; the rest is left as it is. */
export function showInvisible(text: string): string {
    return INVISIBLE.test(text) ? text.replace(INVISIBLE_ALL, escapeOf) : text;
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `\n`, `\r`, `\t` as JSON writes them; other characters as escapeOf. */
function shortEscapeOf(char: string): string {
    return SHORT_ESCAPES[char] ?? escapeOf(char);
}

/** `\uXXXX` per UTF-16 unit, as JSON writes escapes. */
function jsonEscapeOf(char: string): string {
    let escaped = '';
    for (let i = 0; i < char.length; i++) {
        escaped += `\\u${char.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`;
    }
    return escaped;
}

/**
 * JSON text (from JSON.stringify) with the invisible characters JSON.stringify leaves raw (DEL,
 * C1 and bidirectional controls, U+2028 ...) escaped: the same JSON value, safe in a terminal.
 */
export function jsonWithVisibleText(json: string): string {
    return INVISIBLE.test(json) ? json.replace(INVISIBLE_ALL, jsonEscapeOf) : json;
}

/** At most `max` UTF-16 units, never splitting a surrogate pair. */
function cut(text: string, max: number): string {
    if (text.length <= max) {
        return text;
    }
    const high = text.charCodeAt(max - 1);
    return text.slice(0, high >= 0xd800 && high <= 0xdbff ? max - 1 : max);
}

/**
 * A piece of content as a JSON-style string literal, ready to embed in a message: quotes and
 * backslashes escaped, line breaks and tabs as `\n` `\r` `\t`, other invisible characters as
 * `\uXXXX`, and at most `max` characters of it (a cut is marked by `...` after the quote).
 */
export function quoteVisible(text: string, max = MAX_QUOTED_CHARS): string {
    const shown = cut(text, max);
    const escaped = shown.replace(/["\\]/g, '\\$&').replace(INVISIBLE_ALL, shortEscapeOf);
    return shown.length < text.length ? `"${escaped}"...` : `"${escaped}"`;
}

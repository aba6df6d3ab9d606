/**
 * Character-level JSON scanning for the few lines that need positions: where a syntax error is,
 * and where a value sits in a line (for diagnostics and fixes). Offsets are UTF-16 indexes into
 * the line, which is what VS Code columns count. The validator and the locator never run on good
 * lines (duplicateKeys.ts borrows only the string skipping).
 * Where a key is written twice, positions are those of the last copy: the one JSON.parse keeps.
 */
import { isInvisible, showInvisible } from '../shared/visibleText';
import type { JsonPath } from './types';

export interface JsonSyntaxError {
    readonly offset: number;
    readonly message: string;
    /** A whole value was read and something other than whitespace follows it. */
    readonly afterRecord: boolean;
}

class ScanError extends Error {
    constructor(
        readonly offset: number,
        message: string,
        readonly afterRecord = false,
    ) {
        super(message);
    }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isWhitespace(code: number): boolean {
    return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function isDigit(code: number): boolean {
    return code >= 0x30 && code <= 0x39;
}

/** Spaces and invisible characters are named by code point; anything else is shown quoted. */
function describeChar(text: string, offset: number): string {
    const code = text.codePointAt(offset) ?? 0;
    const char = String.fromCodePoint(code);
    if (/\s/u.test(char) || isInvisible(char)) {
        return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    }
    return `'${char}'`;
}

/** A strict validator that stops at the first error, with advice for the usual mistakes. */
class Validator {
    private pos = 0;

    constructor(private readonly text: string) {}

    run(): void {
        this.value('a JSON value');
        this.skipWhitespace();
        if (this.pos < this.text.length) {
            throw new ScanError(
                this.pos,
                `unexpected ${describeChar(this.text, this.pos)} after the end of the record: ` +
                    'each line must hold exactly one JSON object',
                true,
            );
        }
    }

    private fail(message: string, at = this.pos): never {
        throw new ScanError(at, message);
    }

    private skipWhitespace(): void {
        while (this.pos < this.text.length && isWhitespace(this.text.charCodeAt(this.pos))) {
            this.pos++;
        }
    }

    private endOfLine(expected: string): never {
        const trimmed = this.text.trim();
        const hint =
            trimmed === '{' || trimmed === '['
                ? ': this looks like pretty-printed JSON, but JSONL needs one whole record per line'
                : ': a record must fit on one line';
        this.fail(`the line ends where ${expected} was expected${hint}`);
    }

    private unexpected(expected: string): never {
        const text = this.text;
        const code = text.charCodeAt(this.pos);
        if (code === 0x27) {
            this.fail("strings and property names need double quotes (\"), not single quotes (')");
        }
        if (code === 0xfeff) {
            this.fail(
                'a byte order mark (U+FEFF) inside the file, usually left by joining files: ' +
                    'remove it',
            );
        }
        const word = /^[A-Za-z_]+/.exec(text.slice(this.pos, this.pos + 16))?.[0] ?? '';
        if (word === 'True' || word === 'False' || word === 'None' || word === 'NaN') {
            this.fail(`${word} is not JSON: use true, false or null`);
        }
        if (word === 'undefined' || word === 'Infinity') {
            this.fail(`${word} is not JSON: use null or a number`);
        }
        this.fail(`unexpected ${describeChar(text, this.pos)}: expected ${expected}`);
    }

    private value(expected: string): void {
        this.skipWhitespace();
        if (this.pos >= this.text.length) {
            this.endOfLine(expected);
        }
        const code = this.text.charCodeAt(this.pos);
        if (code === 0x7b) {
            this.object();
        } else if (code === 0x5b) {
            this.array();
        } else if (code === QUOTE) {
            this.string();
        } else if (code === 0x2d || isDigit(code)) {
            this.number();
        } else if (!this.literal('true') && !this.literal('false') && !this.literal('null')) {
            this.unexpected(expected);
        }
    }

    private literal(word: string): boolean {
        if (this.text.startsWith(word, this.pos)) {
            this.pos += word.length;
            return true;
        }
        return false;
    }

    private object(): void {
        this.pos++;
        this.skipWhitespace();
        if (this.text.charCodeAt(this.pos) === 0x7d) {
            this.pos++;
            return;
        }
        for (;;) {
            this.skipWhitespace();
            if (this.pos >= this.text.length) {
                this.endOfLine('a property name');
            }
            const code = this.text.charCodeAt(this.pos);
            if (code === 0x7d) {
                this.fail("remove the trailing comma before '}'");
            }
            if (code !== QUOTE) {
                this.unexpected('a double-quoted property name');
            }
            this.string();
            this.skipWhitespace();
            if (this.pos >= this.text.length) {
                this.endOfLine("':'");
            }
            if (this.text.charCodeAt(this.pos) !== 0x3a) {
                this.unexpected("':' after the property name");
            }
            this.pos++;
            this.value('a value');
            this.skipWhitespace();
            if (this.pos >= this.text.length) {
                this.endOfLine("',' or '}'");
            }
            const next = this.text.charCodeAt(this.pos);
            this.pos++;
            if (next === 0x7d) {
                return;
            }
            if (next !== 0x2c) {
                this.pos--;
                this.unexpected("',' or '}' after the property value");
            }
        }
    }

    private array(): void {
        this.pos++;
        this.skipWhitespace();
        if (this.text.charCodeAt(this.pos) === 0x5d) {
            this.pos++;
            return;
        }
        for (;;) {
            this.skipWhitespace();
            if (this.text.charCodeAt(this.pos) === 0x5d) {
                this.fail("remove the trailing comma before ']'");
            }
            this.value('a value');
            this.skipWhitespace();
            if (this.pos >= this.text.length) {
                this.endOfLine("',' or ']'");
            }
            const next = this.text.charCodeAt(this.pos);
            this.pos++;
            if (next === 0x5d) {
                return;
            }
            if (next !== 0x2c) {
                this.pos--;
                this.unexpected("',' or ']' after the array element");
            }
        }
    }

    private string(): void {
        const text = this.text;
        this.pos++;
        while (this.pos < text.length) {
            const code = text.charCodeAt(this.pos);
            if (code === QUOTE) {
                this.pos++;
                return;
            }
            if (code < 0x20) {
                this.fail(
                    `raw control character ${describeChar(text, this.pos)} inside a string: ` +
                        'escape it (a newline is written \\n)',
                );
            }
            if (code === BACKSLASH) {
                this.escape();
            } else {
                this.pos++;
            }
        }
        this.fail('unterminated string: the closing double quote is missing');
    }

    private escape(): void {
        const text = this.text;
        const next = text.charAt(this.pos + 1);
        if (next !== '' && '"\\/bfnrt'.includes(next)) {
            this.pos += 2;
            return;
        }
        if (next !== 'u') {
            this.fail(`invalid escape sequence \\${showInvisible(next)}`, this.pos + 1);
        }
        for (let i = 2; i < 6; i++) {
            if (!/[0-9a-fA-F]/.test(text.charAt(this.pos + i))) {
                this.fail('invalid \\u escape: it needs four hexadecimal digits', this.pos + i);
            }
        }
        this.pos += 6;
    }

    private number(): void {
        const text = this.text;
        if (text.charCodeAt(this.pos) === 0x2d) {
            this.pos++;
        }
        if (text.charCodeAt(this.pos) === 0x30) {
            this.pos++;
        } else if (isDigit(text.charCodeAt(this.pos))) {
            this.digits();
        } else {
            this.fail('invalid number: a digit must follow the minus sign');
        }
        if (text.charCodeAt(this.pos) === 0x2e) {
            this.pos++;
            if (!isDigit(text.charCodeAt(this.pos))) {
                this.fail('invalid number: a digit must follow the decimal point');
            }
            this.digits();
        }
        const e = text.charCodeAt(this.pos);
        if (e === 0x65 || e === 0x45) {
            this.pos++;
            const sign = text.charCodeAt(this.pos);
            if (sign === 0x2b || sign === 0x2d) {
                this.pos++;
            }
            if (!isDigit(text.charCodeAt(this.pos))) {
                this.fail('invalid number: the exponent has no digits');
            }
            this.digits();
        }
    }

    private digits(): void {
        while (isDigit(this.text.charCodeAt(this.pos))) {
            this.pos++;
        }
    }
}

/** Where and why `text` is not valid JSON, or undefined when it is. */
export function findSyntaxError(text: string): JsonSyntaxError | undefined {
    try {
        new Validator(text).run();
        return undefined;
    } catch (error) {
        if (error instanceof ScanError) {
            return { offset: error.offset, message: error.message, afterRecord: error.afterRecord };
        }
        // Only a pathologically deep nesting overflows the validator's recursion.
        return { offset: 0, message: 'the JSON nests too deeply to check', afterRecord: false };
    }
}

/** V8 names the failing index in most JSON.parse messages ("... in JSON at position 42"). */
export function positionFromParseError(error: unknown): number | undefined {
    if (!(error instanceof SyntaxError)) {
        return undefined;
    }
    const match = / at position (\d+)/.exec(error.message);
    return match ? Number(match[1]) : undefined;
}

// ---- Locating values in a line known to be valid JSON ----

function skipWs(text: string, i: number): number {
    while (i < text.length && isWhitespace(text.charCodeAt(i))) {
        i++;
    }
    return i;
}

/** The index just past the string that starts (with its quote) at `i`. */
export function skipString(text: string, i: number): number {
    i++;
    for (;;) {
        const next = text.indexOf('"', i);
        if (next < 0) {
            return text.length;
        }
        let slashes = 0;
        while (text.charCodeAt(next - 1 - slashes) === BACKSLASH) {
            slashes++;
        }
        if (slashes % 2 === 0) {
            return next + 1;
        }
        i = next + 1;
    }
}

function skipValue(text: string, i: number): number {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
        return skipString(text, i);
    }
    if (code !== 0x7b && code !== 0x5b) {
        while (i < text.length) {
            const c = text.charCodeAt(i);
            if (c === 0x2c || c === 0x7d || c === 0x5d || isWhitespace(c)) {
                break;
            }
            i++;
        }
        return i;
    }
    let depth = 0;
    while (i < text.length) {
        const c = text.charCodeAt(i);
        if (c === QUOTE) {
            i = skipString(text, i);
            continue;
        }
        if (c === 0x7b || c === 0x5b) {
            depth++;
        } else if (c === 0x7d || c === 0x5d) {
            depth--;
            if (depth === 0) {
                return i + 1;
            }
        }
        i++;
    }
    return i;
}

/** The key whose quoted source is text[start, end), escapes decoded. */
export function keyAt(text: string, start: number, end: number): string {
    const raw = text.slice(start, end);
    if (!raw.includes('\\')) {
        return raw.slice(1, -1);
    }
    try {
        return JSON.parse(raw) as string;
    } catch {
        return raw.slice(1, -1);
    }
}

/** Where a value sits in its line; all offsets are UTF-16 indexes, ends exclusive. */
export interface JsonLocation {
    /** False when the path stopped early; the location is then the deepest part found. */
    readonly complete: boolean;
    readonly valueStart: number;
    readonly valueEnd: number;
    /** The property name (with quotes) when the value is an object member. */
    readonly keyStart?: number;
    readonly keyEnd?: number;
}

/** One `"key": value` of an object, with the source positions of its parts. */
export interface JsonMember {
    /** The key as JSON.parse reads it (escapes decoded). */
    readonly key: string;
    readonly keyStart: number;
    readonly keyEnd: number;
    readonly valueStart: number;
    readonly valueEnd: number;
}

/** Every member of the object that starts at `objectStart`, in source order, repeats included. */
export function objectMembers(text: string, objectStart: number): JsonMember[] {
    const members: JsonMember[] = [];
    let i = skipWs(text, objectStart + 1);
    while (i < text.length && text.charCodeAt(i) === QUOTE) {
        const keyStart = i;
        const keyEnd = skipString(text, i);
        const valueStart = skipWs(text, skipWs(text, keyEnd) + 1);
        const valueEnd = skipValue(text, valueStart);
        const key = keyAt(text, keyStart, keyEnd);
        members.push({ key, keyStart, keyEnd, valueStart, valueEnd });
        const after = skipWs(text, valueEnd);
        if (text.charCodeAt(after) !== 0x2c) {
            break;
        }
        i = skipWs(text, after + 1);
    }
    return members;
}

/**
 * The member JSON.parse keeps: the LAST one with that key, so diagnostics and fixes point at the
 * value that was checked, not at an earlier copy it overrode.
 */
function findMember(text: string, objectStart: number, wanted: string): JsonLocation | undefined {
    const members = objectMembers(text, objectStart);
    let index = members.length - 1;
    while (index >= 0 && members[index]?.key !== wanted) {
        index--;
    }
    const member = members[index];
    if (member === undefined) {
        return undefined;
    }
    return {
        complete: true,
        valueStart: member.valueStart,
        valueEnd: member.valueEnd,
        keyStart: member.keyStart,
        keyEnd: member.keyEnd,
    };
}

function findElement(text: string, arrayStart: number, wanted: number): JsonLocation | undefined {
    let i = skipWs(text, arrayStart + 1);
    if (text.charCodeAt(i) === 0x5d) {
        return undefined;
    }
    for (let index = 0; i < text.length; index++) {
        const valueEnd = skipValue(text, i);
        if (index === wanted) {
            return { complete: true, valueStart: i, valueEnd };
        }
        const after = skipWs(text, valueEnd);
        if (text.charCodeAt(after) !== 0x2c) {
            return undefined;
        }
        i = skipWs(text, after + 1);
    }
    return undefined;
}

/** Locates `path` in a line that parsed as JSON. */
export function locatePath(text: string, path: JsonPath): JsonLocation {
    const rootStart = skipWs(text, 0);
    let location: JsonLocation = {
        complete: true,
        valueStart: rootStart,
        valueEnd: skipValue(text, rootStart),
    };
    for (const segment of path) {
        const open = text.charCodeAt(location.valueStart);
        let next: JsonLocation | undefined;
        if (typeof segment === 'string' && open === 0x7b) {
            next = findMember(text, location.valueStart, segment);
        } else if (typeof segment === 'number' && open === 0x5b) {
            next = findElement(text, location.valueStart, segment);
        }
        if (next === undefined) {
            return { ...location, complete: false };
        }
        location = next;
    }
    return location;
}

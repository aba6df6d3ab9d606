/** A small tokenizer shared by the Metrics Insights and metric math parsers. */
import { invalidValue } from './wire';

export type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'symbol' | 'end';

export interface Token {
    readonly kind: TokenKind;
    readonly text: string;
    readonly position: number;
}

const SYMBOLS = [
    '>=',
    '<=',
    '==',
    '!=',
    '<>',
    '(',
    ')',
    ',',
    '=',
    '<',
    '>',
    '+',
    '-',
    '*',
    '/',
    '[',
    ']',
];

export function tokenize(source: string, what: string): Token[] {
    const tokens: Token[] = [];
    let i = 0;
    while (i < source.length) {
        const ch = source.charAt(i);
        if (/\s/.test(ch)) {
            i += 1;
            continue;
        }
        if (ch === '"' || ch === "'") {
            let j = i + 1;
            let text = '';
            while (j < source.length && source.charAt(j) !== ch) {
                if (source.charAt(j) === '\\' && j + 1 < source.length) {
                    j += 1;
                }
                text += source.charAt(j);
                j += 1;
            }
            if (j >= source.length) {
                throw syntaxError(
                    what,
                    `unterminated ${ch === '"' ? 'quoted identifier' : 'string'} ` +
                        `at position ${i + 1}`,
                );
            }
            tokens.push({ kind: ch === '"' ? 'quoted' : 'string', text, position: i + 1 });
            i = j + 1;
            continue;
        }
        const number = /^\d+(\.\d+)?([eE][-+]?\d+)?/.exec(source.slice(i));
        if (number !== null) {
            tokens.push({ kind: 'number', text: number[0], position: i + 1 });
            i += number[0].length;
            continue;
        }
        const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i));
        if (word !== null) {
            tokens.push({ kind: 'word', text: word[0], position: i + 1 });
            i += word[0].length;
            continue;
        }
        const symbol = SYMBOLS.find((s) => source.startsWith(s, i));
        if (symbol === undefined) {
            throw syntaxError(what, `unexpected character '${ch}' at position ${i + 1}`);
        }
        tokens.push({ kind: 'symbol', text: symbol, position: i + 1 });
        i += symbol.length;
    }
    tokens.push({ kind: 'end', text: '', position: source.length + 1 });
    return tokens;
}

export function syntaxError(what: string, detail: string): Error {
    return invalidValue(`${what}: ${detail}.`);
}

/** Cursor over tokens with keyword helpers (keywords are case-insensitive). */
export class TokenStream {
    private index = 0;

    constructor(
        private readonly tokens: readonly Token[],
        private readonly what: string,
    ) {}

    peek(offset = 0): Token {
        return (
            this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] ?? {
                kind: 'end',
                text: '',
                position: 0,
            }
        );
    }

    next(): Token {
        const token = this.peek();
        this.index = Math.min(this.index + 1, this.tokens.length - 1);
        return token;
    }

    isKeyword(keyword: string, offset = 0): boolean {
        const token = this.peek(offset);
        return token.kind === 'word' && token.text.toUpperCase() === keyword;
    }

    isSymbol(symbol: string): boolean {
        const token = this.peek();
        return token.kind === 'symbol' && token.text === symbol;
    }

    acceptKeyword(keyword: string): boolean {
        if (this.isKeyword(keyword)) {
            this.next();
            return true;
        }
        return false;
    }

    acceptSymbol(symbol: string): boolean {
        if (this.isSymbol(symbol)) {
            this.next();
            return true;
        }
        return false;
    }

    expectKeyword(keyword: string): void {
        if (!this.acceptKeyword(keyword)) {
            throw this.error(`expected ${keyword}`);
        }
    }

    expectSymbol(symbol: string): void {
        if (!this.acceptSymbol(symbol)) {
            throw this.error(`expected '${symbol}'`);
        }
    }

    /** A bare or double-quoted identifier. */
    identifier(description: string): string {
        const token = this.peek();
        if (token.kind === 'word' || token.kind === 'quoted') {
            this.next();
            return token.text;
        }
        throw this.error(`expected ${description}`);
    }

    error(expected: string): Error {
        const token = this.peek();
        const found = token.kind === 'end' ? 'end of input' : `'${token.text}'`;
        return syntaxError(this.what, `${expected} at position ${token.position}, found ${found}`);
    }
}

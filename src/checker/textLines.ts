/**
 * Feeds the lines of a text to a LineHandler exactly as the disk reader would (LF ends a line, a
 * CR just before it is dropped but counted in the sizes). It stops when asked between lines, so
 * the editor's check can give the event loop a turn between slices of a large document. The
 * text is a string (checkText, the UTF-16 disk reader) or an editor's lines (LineSource), read
 * one at a time so a large document is never copied into one string.
 */
import type { LineHandler } from './lineReader';

/** Where the feed has got to; carried from one piece of a file's text to the next. */
export interface TextPosition {
    lineNumber: number;
    /** File offset just past the last line break fed. */
    byteEnd: number;
}

export interface TextLinesOptions {
    readonly maxLineBytes: number;
    /** The bytes a line's text takes in the file. */
    readonly byteLength: (line: string) => number;
    /** The bytes a CR or LF takes in the file (1 in UTF-8, 2 in UTF-16). */
    readonly breakBytes: number;
}

/** A document's lines without their line breaks, as an editor holds them. */
export interface LineSource {
    readonly lineCount: number;
    lineAt(index: number): string;
    /** The document's line break. */
    readonly eol: '\n' | '\r\n';
}

/** How many lines run between two calls of `stop`. */
const LINES_PER_STOP_CHECK = 16;

export const utf8Lines = (maxLineBytes: number): TextLinesOptions => ({
    maxLineBytes,
    byteLength: (line) => Buffer.byteLength(line, 'utf8'),
    breakBytes: 1,
});

/** The feeding shared by strings and line sources; subclasses find the next line. */
abstract class LineFeed {
    constructor(
        private readonly handler: LineHandler,
        private readonly at: TextPosition,
        private readonly options: TextLinesOptions,
    ) {}

    /**
     * Feeds lines until the text ends or `stop` (asked every few lines) returns true; returns
     * whether lines may be left.
     */
    run(stop?: () => boolean): boolean {
        for (let count = 1; this.next(); count++) {
            if (stop !== undefined && count % LINES_PER_STOP_CHECK === 0 && stop()) {
                return true;
            }
        }
        return false;
    }

    /** Feeds the next line, if there is one. */
    protected abstract next(): boolean;

    /** `cr`: a CR before the line break was dropped; `broken`: a line break follows. */
    protected feed(line: string, cr: boolean, broken: boolean): void {
        const { breakBytes, maxLineBytes } = this.options;
        // Counted with the CR, as the disk reader does.
        const lineBytes = this.options.byteLength(line) + (cr ? breakBytes : 0);
        const at = this.at;
        at.lineNumber++;
        at.byteEnd += lineBytes + (broken ? breakBytes : 0);
        if (lineBytes > maxLineBytes) {
            this.handler.longLine(at.lineNumber, lineBytes, at.byteEnd, line.includes('\r'));
        } else {
            this.handler.line(line, at.lineNumber, at.byteEnd, false);
        }
    }
}

/** The lines of a string; with `final` false the text after the last LF is kept for `rest`. */
export class TextLines extends LineFeed {
    private start: number;

    constructor(
        private readonly text: string,
        start: number,
        handler: LineHandler,
        at: TextPosition,
        options: TextLinesOptions,
        private readonly final = true,
    ) {
        super(handler, at, options);
        this.start = start;
    }

    /** The unfinished last line, when not final. */
    rest(): string {
        return this.text.slice(this.start);
    }

    protected next(): boolean {
        const text = this.text;
        const start = this.start;
        if (start >= text.length) {
            return false;
        }
        let lf = text.indexOf('\n', start);
        if (lf < 0) {
            if (!this.final) {
                return false;
            }
            lf = text.length;
        }
        const end = lf > start && text.charCodeAt(lf - 1) === 0x0d ? lf - 1 : lf;
        this.feed(text.slice(start, end), end < lf, lf < text.length);
        this.start = lf + 1;
        return true;
    }
}

/**
 * The lines of an editor document. Its text is what joining them with `eol` gives, so the lines
 * fed are those TextLines would feed for that string: an empty last line (the text ends with a
 * line break) is not a line, and a BOM at the start has been taken off by the caller.
 */
export class SourceLines extends LineFeed {
    private index: number;
    private readonly count: number;

    constructor(
        private readonly source: LineSource,
        /** Characters of the first line already consumed (a BOM). */
        private readonly skipFirst: number,
        handler: LineHandler,
        at: TextPosition,
        options: TextLinesOptions,
    ) {
        super(handler, at, options);
        this.index = 0;
        const count = source.lineCount;
        const lastEmpty = count > 0 && source.lineAt(count - 1).length === 0;
        const firstEmpty = count === 1 && source.lineAt(0).length <= skipFirst;
        this.count = firstEmpty ? 0 : lastEmpty ? count - 1 : count;
    }

    protected next(): boolean {
        if (this.index >= this.count) {
            return false;
        }
        const index = this.index++;
        const raw = this.source.lineAt(index);
        const line = index === 0 && this.skipFirst > 0 ? raw.slice(this.skipFirst) : raw;
        const crlf = this.source.eol === '\r\n';
        const broken = index < this.source.lineCount - 1;
        this.feed(line, crlf && broken, broken);
        return true;
    }
}

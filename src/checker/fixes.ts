/**
 * Turns a diagnostic's fix descriptor into text edits on the current document text, so the editor
 * can offer it as a quick fix. Returns no edits when the document no longer matches (the line
 * changed since the check).
 */
import { isObject } from './families/common';
import { locatePath } from './jsonScan';
import type { Fix, TextEdit } from './types';

interface Line {
    readonly number: number;
    readonly text: string;
}

/** Lines as the checker numbers them: split on LF, CR dropped, a leading BOM skipped. */
function* linesOf(text: string): Generator<Line> {
    let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    for (let number = 1; start < text.length; number++) {
        let lf = text.indexOf('\n', start);
        if (lf < 0) {
            lf = text.length;
        }
        const end = lf > start && text.charCodeAt(lf - 1) === 0x0d ? lf - 1 : lf;
        yield { number, text: text.slice(start, end) };
        start = lf + 1;
    }
}

function lineAt(text: string, wanted: number): string | undefined {
    for (const line of linesOf(text)) {
        if (line.number === wanted) {
            return line.text;
        }
    }
    return undefined;
}

function parseObject(text: string): Record<string, unknown> | undefined {
    try {
        const value: unknown = JSON.parse(text);
        return isObject(value) ? { ...value } : undefined;
    } catch {
        return undefined;
    }
}

function skipSpaces(text: string, i: number): number {
    while (i < text.length && /\s/.test(text.charAt(i))) {
        i++;
    }
    return i;
}

function edit(line: number, start: number, end: number, newText: string): TextEdit {
    return { line, column: start + 1, endLine: line, endColumn: end + 1, newText };
}

/** Inserts `"key": value` as the first member of the object that starts at `open`. */
function insertMember(line: Line, open: number, key: string, value: unknown): TextEdit {
    const empty = line.text.charAt(skipSpaces(line.text, open + 1)) === '}';
    const member = `${JSON.stringify(key)}: ${JSON.stringify(value)}${empty ? '' : ', '}`;
    return edit(line.number, open + 1, open + 1, member);
}

export function fixEdits(documentText: string, fix: Fix): TextEdit[] {
    if (fix.kind === 'add-missing-record-ids') {
        return addRecordIds(documentText);
    }
    const text = lineAt(documentText, fix.line);
    if (text === undefined || parseObject(text) === undefined) {
        return [];
    }
    const line = { number: fix.line, text };
    switch (fix.kind) {
        case 'insert-property': {
            const target = locatePath(text, fix.objectPath);
            if (!target.complete || text.charAt(target.valueStart) !== '{') {
                return [];
            }
            return [insertMember(line, target.valueStart, fix.key, fix.value)];
        }
        case 'remove-property':
            return removeProperty(line, fix.path);
        case 'wrap-model-input':
            return wrapModelInput(line);
    }
}

function removeProperty(line: Line, path: readonly (string | number)[]): TextEdit[] {
    const target = locatePath(line.text, path);
    if (!target.complete || target.keyStart === undefined) {
        return [];
    }
    if (target.nextComma !== undefined) {
        const afterComma = skipSpaces(line.text, target.nextComma + 1);
        return [edit(line.number, target.keyStart, afterComma, '')];
    }
    if (target.previousEnd !== undefined) {
        return [edit(line.number, target.previousEnd, target.valueEnd, '')];
    }
    return [edit(line.number, target.keyStart, target.valueEnd, '')];
}

function wrapModelInput(line: Line): TextEdit[] {
    const record = parseObject(line.text);
    if (record === undefined || record['modelInput'] !== undefined) {
        return [];
    }
    const { recordId, ...body } = record;
    const wrapped = recordId === undefined ? { modelInput: body } : { recordId, modelInput: body };
    return [edit(line.number, 0, line.text.length, JSON.stringify(wrapped))];
}

/** New IDs are "rec-" plus the line number, made unique against the IDs already present. */
function addRecordIds(documentText: string): TextEdit[] {
    const used = new Set<string>();
    const missing: Line[] = [];
    for (const line of linesOf(documentText)) {
        const record = parseObject(line.text);
        if (record === undefined) {
            continue;
        }
        const id = record['recordId'];
        if (typeof id === 'string') {
            used.add(id);
        } else if (id === undefined) {
            missing.push(line);
        }
    }
    return missing.map((line) => {
        let id = `rec-${String(line.number).padStart(6, '0')}`;
        for (let n = 2; used.has(id); n++) {
            id = `rec-${String(line.number).padStart(6, '0')}-${n}`;
        }
        used.add(id);
        return insertMember(line, skipSpaces(line.text, 0), 'recordId', id);
    });
}

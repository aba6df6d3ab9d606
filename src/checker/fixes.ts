/**
 * Turns a diagnostic's fix descriptor into text edits on the current document text, so the editor
 * can offer it as a quick fix. Returns no edits when the document no longer matches (the line
 * changed since the check).
 */
import { isObject } from './families/common';
import { locatePath, objectMembers, type JsonMember } from './jsonScan';
import type { Fix, JsonPath, TextEdit } from './types';

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

/** How a record writes its members: the text from key to value, and between two members. */
interface MemberStyle {
    readonly colon: string;
    readonly separator: string;
}

/**
 * The style of the object at `open`, else of the record itself: a compact record gets a compact
 * member (`"key":"value",`), a spaced one `"key": "value", `. Spacing is taken from the source,
 * so an unusual style (`" : "`) is copied too; without any member to copy from, the colon's
 * spacing decides the separator's.
 */
function memberStyle(text: string, open: number): MemberStyle {
    const objects = [objectMembers(text, open), objectMembers(text, skipSpaces(text, 0))];
    let colon: string | undefined;
    let separator: string | undefined;
    for (const [first, second] of objects) {
        if (first !== undefined) {
            colon ??= text.slice(first.keyEnd, first.valueStart);
        }
        if (first !== undefined && second !== undefined) {
            separator ??= text.slice(first.valueEnd, second.keyStart);
        }
    }
    colon ??= ': ';
    separator ??= colon === ':' ? ',' : ', ';
    return { colon, separator };
}

/** Inserts `"key": value` as the first member of the object at `open`, in the line's style. */
function insertMember(line: Line, open: number, key: string, value: unknown): TextEdit {
    const empty = line.text.charAt(skipSpaces(line.text, open + 1)) === '}';
    const { colon, separator } = memberStyle(line.text, open);
    const member = `${JSON.stringify(key)}${colon}${JSON.stringify(value)}`;
    return edit(line.number, open + 1, open + 1, empty ? member : `${member}${separator}`);
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
        case 'remove-property': {
            const key = fix.path[fix.path.length - 1];
            if (typeof key !== 'string') {
                return [];
            }
            // Every copy: removing only the one that counts would bring an ignored one back.
            return removeMembers(line, fix.path.slice(0, -1), (member) => member.key === key);
        }
        case 'remove-duplicate-keys':
            return removeMembers(line, fix.objectPath, (member, i, all) => {
                return member.key === fix.key && all.some((m, j) => j > i && m.key === fix.key);
            });
        case 'wrap-model-input':
            return wrapModelInput(line);
    }
}

/** The members of the object at `objectPath` (the copy JSON.parse keeps), or undefined. */
function membersAt(line: Line, objectPath: JsonPath): JsonMember[] | undefined {
    const target = locatePath(line.text, objectPath);
    if (!target.complete || line.text.charAt(target.valueStart) !== '{') {
        return undefined;
    }
    return objectMembers(line.text, target.valueStart);
}

/**
 * Deletes the chosen members of one object with their commas: one edit per run of neighbouring
 * members, so edits never overlap and the members left keep their own text and spacing.
 */
function removeMembers(
    line: Line,
    objectPath: JsonPath,
    chosen: (member: JsonMember, index: number, all: readonly JsonMember[]) => boolean,
): TextEdit[] {
    const members = membersAt(line, objectPath) ?? [];
    const remove = members.map((member, i) => chosen(member, i, members));
    const edits: TextEdit[] = [];
    for (let first = 0; first < members.length; first++) {
        if (remove[first] !== true) {
            continue;
        }
        let last = first;
        while (remove[last + 1] === true) {
            last++;
        }
        const next = members[last + 1];
        const previous = members[first - 1];
        const start = next === undefined && previous !== undefined
            ? previous.valueEnd
            : (members[first]?.keyStart ?? 0);
        const end = next?.keyStart ?? members[last]?.valueEnd ?? start;
        edits.push(edit(line.number, start, end, ''));
        first = last;
    }
    return edits;
}

/**
 * Moves the record's members other than recordId into "modelInput", character for character:
 * values are never parsed and re-serialised, so big integers, exponents, escapes and repeated
 * keys stay as the user wrote them.
 */
function wrapModelInput(line: Line): TextEdit[] {
    const members = membersAt(line, []) ?? [];
    const [first, second] = members;
    const last = members[members.length - 1];
    if (
        first === undefined ||
        last === undefined ||
        members.some((member) => member.key === 'modelInput')
    ) {
        return [];
    }
    const text = line.text;
    const source = (member: JsonMember): string => text.slice(member.keyStart, member.valueEnd);
    const separator = second === undefined ? ', ' : text.slice(first.valueEnd, second.keyStart);
    const colon = text.slice(first.keyEnd, first.valueStart);
    const ids = members.filter((member) => member.key === 'recordId').map(source);
    const body = members.filter((member) => member.key !== 'recordId').map(source);
    if (body.length === 0) {
        return [];
    }
    const wrapped = `"modelInput"${colon}{${body.join(separator)}}`;
    return [edit(line.number, first.keyStart, last.valueEnd, [...ids, wrapped].join(separator))];
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

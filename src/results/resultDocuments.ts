/**
 * Read-only JSON documents for single records (`bedrock-batch-result:` URIs). The URI carries
 * the file, offset and length of the record's line; the text is read when VS Code asks for it.
 */
import { open } from 'node:fs/promises';
import * as vscode from 'vscode';
import { lineText, readAt } from './lineReader';
import type { IndexedRecord } from './resultIndex';

export const RESULT_SCHEME = 'bedrock-batch-result';

interface LineRef {
    readonly path: string;
    readonly offset: number;
    readonly length: number;
}

export function recordUri(path: string, record: IndexedRecord): vscode.Uri {
    const name = (record.recordId ?? `line-${record.line}`).replace(/[^A-Za-z0-9._-]/g, '_');
    const ref: LineRef = { path, offset: record.offset, length: record.length };
    return vscode.Uri.from({
        scheme: RESULT_SCHEME,
        path: `/${name}.json`,
        query: JSON.stringify(ref),
    });
}

export class ResultDocuments implements vscode.TextDocumentContentProvider {
    async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
        const ref = parseRef(uri.query);
        if (ref === undefined) {
            throw new Error(`Not a record address: ${uri.toString()}`);
        }
        const handle = await open(ref.path, 'r');
        try {
            return prettyJson(lineText(await readAt(handle, ref.offset, ref.length)));
        } finally {
            await handle.close();
        }
    }
}

/** Indented JSON, or the line as it is when it is not JSON (a malformed line stays readable). */
export function prettyJson(text: string): string {
    try {
        return `${JSON.stringify(JSON.parse(text), undefined, 2)}\n`;
    } catch {
        return text;
    }
}

function parseRef(query: string): LineRef | undefined {
    let value: unknown;
    try {
        value = JSON.parse(query);
    } catch {
        return undefined;
    }
    if (typeof value !== 'object' || value === null) {
        return undefined;
    }
    const { path, offset, length } = value as Record<string, unknown>;
    const isCount = (n: unknown): n is number =>
        typeof n === 'number' && Number.isInteger(n) && n >= 0;
    return typeof path === 'string' && isCount(offset) && isCount(length)
        ? { path, offset, length }
        : undefined;
}

export async function showRecord(path: string, record: IndexedRecord): Promise<void> {
    const document = await vscode.workspace.openTextDocument(recordUri(path, record));
    await vscode.window.showTextDocument(document, {
        preview: true,
        viewColumn: vscode.ViewColumn.Beside,
    });
}

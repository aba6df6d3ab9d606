import type { Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { isJsonlUri } from '../diagnostics/jsonlDiagnostics';
import { notificationText } from '../shared/notificationText';

/**
 * The files a command was invoked on: VS Code passes (clicked uri, all selected uris) from the
 * explorer, the clicked uri from editor menus, and nothing from the command palette (then the
 * active editor's file counts). A selected folder stands for the .jsonl files directly in it.
 */
export async function resolveTargets(args: readonly unknown[]): Promise<vscode.Uri[]> {
    const [first, second] = args;
    const selected =
        Array.isArray(second) && second.every((u) => u instanceof vscode.Uri)
            ? second
            : Array.isArray(first) && first.every((u) => u instanceof vscode.Uri)
              ? first
              : first instanceof vscode.Uri
                ? [first]
                : [];
    const chosen = selected.length > 0 ? selected : activeEditorUri();
    const files: vscode.Uri[] = [];
    for (const uri of chosen) {
        files.push(...(await expandFolder(uri)));
    }
    const unique = new Map(files.map((uri) => [uri.toString(), uri]));
    return [...unique.values()];
}

/** The preset object, wherever it was passed (after the uri(s), or alone from the palette API). */
export function presetArgument(args: readonly unknown[]): unknown {
    return args.find(
        (a) =>
            typeof a === 'object' && a !== null && !Array.isArray(a) && !(a instanceof vscode.Uri),
    );
}

function activeEditorUri(): vscode.Uri[] {
    const document = vscode.window.activeTextEditor?.document;
    return document === undefined ? [] : [document.uri];
}

async function expandFolder(uri: vscode.Uri): Promise<vscode.Uri[]> {
    if (uri.scheme !== 'file') {
        return [uri];
    }
    try {
        const entries = await readdir(uri.fsPath, { withFileTypes: true });
        return entries
            .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.jsonl'))
            .map((e) => vscode.Uri.file(path.join(uri.fsPath, e.name)))
            .sort((a, b) => a.fsPath.localeCompare(b.fsPath));
    } catch {
        return [uri];
    }
}

/** Why these targets cannot be checked or submitted, or undefined. */
export async function targetsProblem(uris: readonly vscode.Uri[]): Promise<string | undefined> {
    if (uris.length === 0) {
        return 'Open a .jsonl file, or right-click one in the Explorer.';
    }
    const untitled = uris.find((u) => u.scheme === 'untitled');
    if (untitled !== undefined) {
        return `${untitled.path} has never been saved: save it as a .jsonl file first.`;
    }
    const other = uris.find((u) => u.scheme !== 'file');
    if (other !== undefined) {
        return `${other.toString()} is not a file on disk.`;
    }
    const notJsonl = uris.find((u) => !isJsonlUri(u));
    if (notJsonl !== undefined) {
        const name = path.basename(notJsonl.fsPath);
        return `${name} is not a .jsonl file: Bedrock batch reads JSON Lines files.`;
    }
    for (const uri of uris) {
        const problem = await notRegularFile(uri);
        if (problem !== undefined) {
            return problem;
        }
    }
    return undefined;
}

/**
 * Only regular files are read. Opening a named pipe waits for a writer that may never come (and
 * holds one of Node's few file-system threads meanwhile), and a device may never end: both are
 * refused from stat(), which does not open anything.
 */
async function notRegularFile(uri: vscode.Uri): Promise<string | undefined> {
    const name = path.basename(uri.fsPath);
    let info: Stats;
    try {
        info = await stat(uri.fsPath);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        return code === 'ENOENT'
            ? `${name} does not exist (any more).`
            : `${name} cannot be read (${code ?? String(error)}).`;
    }
    if (info.isFile()) {
        return undefined;
    }
    const kind = info.isFIFO()
        ? 'a named pipe (FIFO)'
        : info.isSocket()
          ? 'a socket'
          : info.isCharacterDevice() || info.isBlockDevice()
            ? 'a device'
            : info.isDirectory()
              ? 'a folder'
              : 'not a regular file';
    return `${name} is ${kind}, not a regular file: only regular .jsonl files are read.`;
}

/**
 * Unsaved edits would mean submitting bytes the user no longer sees: offers to save them.
 * Resolves false when the user declines or saving fails.
 */
export async function saveDirtyTargets(
    uris: readonly vscode.Uri[],
    doing: string,
    verb: string,
): Promise<boolean> {
    const keys = new Set(uris.map((u) => u.toString()));
    const dirty = vscode.workspace.textDocuments.filter(
        (d) => d.isDirty && keys.has(d.uri.toString()),
    );
    if (dirty.length === 0) {
        return true;
    }
    const names = dirty.map((d) => path.basename(d.uri.fsPath)).join(', ');
    const save = `Save and ${verb}`;
    const answer = await vscode.window.showWarningMessage(
        notificationText(
            `${names} ${dirty.length === 1 ? 'has' : 'have'} unsaved changes. ` +
                `${doing} reads the file on disk: save first?`,
        ),
        save,
        'Cancel',
    );
    if (answer !== save) {
        return false;
    }
    for (const document of dirty) {
        if (!(await document.save())) {
            void vscode.window.showErrorMessage(
                notificationText(
                    `Could not save ${path.basename(document.uri.fsPath)}; nothing was submitted.`,
                ),
            );
            return false;
        }
    }
    return true;
}

/**
 * The results folder a command works on: a folder (or a file in it) from the explorer, a job
 * (its download, or a new one), the active results view, or a choice from the palette.
 */
import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { escapeCodicons } from '../shared/quickPickText';
import { downloadResults } from './downloadCommand';
import { asJobRef } from './jobRef';
import type { ResultsDeps } from './resultsDeps';

export async function resultsFolderOf(
    deps: ResultsDeps,
    arg: unknown,
    title: string,
): Promise<string | undefined> {
    if (arg instanceof vscode.Uri) {
        const info = await stat(arg.fsPath);
        return info.isDirectory() ? arg.fsPath : dirname(arg.fsPath);
    }
    const ref = asJobRef(arg);
    if (ref !== undefined) {
        const known =
            ref.job.jobArn === undefined ? undefined : deps.registry.folderOf(ref.job.jobArn);
        if (known !== undefined && (await isFolder(known))) {
            return known;
        }
        return (await downloadResults(deps, ref))?.folder;
    }
    const active = deps.panels.active();
    if (active !== undefined) {
        return active.folder;
    }
    return pickFolder(deps, title);
}

interface FolderItem extends vscode.QuickPickItem {
    readonly folder?: string;
    readonly action?: 'browse' | 'download';
}

async function pickFolder(deps: ResultsDeps, title: string): Promise<string | undefined> {
    const downloads: FolderItem[] = [];
    for (const entry of deps.registry.list()) {
        if (await isFolder(entry.folder)) {
            downloads.push({
                label: escapeCodicons(entry.jobName ?? entry.jobArn),
                description: escapeCodicons(entry.folder),
                folder: entry.folder,
            });
        }
    }
    const items: FolderItem[] = [
        ...downloads,
        { label: '$(folder-opened) Choose a results folder…', action: 'browse' },
        { label: '$(cloud-download) Download the results of a job…', action: 'download' },
    ];
    const picked = await vscode.window.showQuickPick(items, {
        title,
        placeHolder: 'Downloaded batch results',
    });
    if (picked?.folder !== undefined) {
        return picked.folder;
    }
    if (picked?.action === 'download') {
        return (await downloadResults(deps, undefined))?.folder;
    }
    if (picked?.action === 'browse') {
        const chosen = await vscode.window.showOpenDialog({
            title,
            canSelectFiles: false,
            canSelectFolders: true,
            canSelectMany: false,
            openLabel: 'Open Results',
        });
        return chosen?.[0]?.fsPath;
    }
    return undefined;
}

async function isFolder(path: string): Promise<boolean> {
    try {
        return (await stat(path)).isDirectory();
    } catch {
        return false;
    }
}

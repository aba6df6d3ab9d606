import { stat } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { CheckModelStore } from '../diagnostics/checkModelStore';
import { sampleCatalog } from './samples';

/** The part of the checker's model store the sandbox uses. */
export type SampleModelStore = Pick<CheckModelStore, 'resolve' | 'setForFile'>;

async function isFile(uri: vscode.Uri): Promise<boolean> {
    try {
        return (await stat(uri.fsPath)).isFile();
    } catch {
        return false;
    }
}

/**
 * Tells the checker which model each sample file in `folder` is written for, so the editor
 * checks Claude bodies as Claude bodies (and shows mistakes.jsonl's missing anthropic_version).
 * A model the user chose for a file is kept. Returns how many files were assigned.
 */
export async function assignSampleModels(
    store: SampleModelStore,
    folder: vscode.Uri,
): Promise<number> {
    let assigned = 0;
    for (const sample of sampleCatalog) {
        const uri = vscode.Uri.joinPath(folder, sample.name);
        if (store.resolve(uri).source === 'file' || !(await isFile(uri))) {
            continue;
        }
        const model = { modelId: sample.modelId, invocationType: sample.invocationType };
        await store.setForFile(uri, model);
        assigned += 1;
    }
    return assigned;
}

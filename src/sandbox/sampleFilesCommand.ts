import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { notificationText } from '../shared/notificationText';
import { assignSampleModels, type SampleModelStore } from './sampleModels';
import { readmeFileName } from './workspaceReadme';
import { writeSampleWorkspace } from './writeSamples';

const sampleFolderName = 'bedrock-batch-sandbox';

/** Asks for a folder (the workspace's first folder is offered), or undefined when cancelled. */
async function pickFolder(): Promise<string | undefined> {
    const workspace = vscode.workspace.workspaceFolders?.[0]?.uri;
    const picked = await vscode.window.showOpenDialog({
        title: 'Folder for the Bedrock Batch sample files',
        openLabel: 'Create Sample Files Here',
        canSelectFiles: false,
        canSelectFolders: true,
        canSelectMany: false,
        ...(workspace === undefined ? {} : { defaultUri: workspace }),
    });
    const [folder] = picked ?? [];
    return folder?.fsPath;
}

function inWorkspace(file: vscode.Uri): boolean {
    return vscode.workspace.getWorkspaceFolder(file) !== undefined;
}

/**
 * Writes the sample files and the README into a folder (asked for when not given), tells the
 * checker which model each is for, and shows them. Files already there are kept. Returns the
 * folder, or undefined when cancelled.
 */
export async function createSampleFiles(
    ctx: Ctx,
    models: SampleModelStore,
    folder?: string,
): Promise<string | undefined> {
    const chosen = folder ?? (await pickFolder());
    if (chosen === undefined) {
        return undefined;
    }
    const target = path.basename(chosen) === sampleFolderName || folder !== undefined
        ? chosen
        : path.join(chosen, sampleFolderName);
    const result = await writeSampleWorkspace(target);
    ctx.log.info(`Sample files: ${result.written.length} written, ` +
        `${result.kept.length} already there, in ${target}`);
    await assignSampleModels(models, vscode.Uri.file(target));
    const readme = vscode.Uri.file(path.join(target, readmeFileName));
    await vscode.window.showTextDocument(readme, { preview: true });
    if (inWorkspace(readme)) {
        await vscode.commands.executeCommand('revealInExplorer', readme);
    } else {
        void vscode.window.showInformationMessage(
            notificationText(
                `The sample files are in ${target}, outside this workspace. Open one and ` +
                    'submit it with the Submit button in the editor title.',
            ),
        );
    }
    return target;
}

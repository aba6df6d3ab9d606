import * as vscode from 'vscode';
import type { BedrockBatchApi } from '../../../src/extension';

export const extensionId = 'bedrock-batch.bedrock-batch';

/** Activates the extension (if needed) and returns its API. */
export async function extensionApi(): Promise<BedrockBatchApi> {
    const extension = vscode.extensions.getExtension<BedrockBatchApi>(extensionId);
    if (extension === undefined) {
        throw new Error(`${extensionId} is not installed in this VS Code`);
    }
    return extension.activate();
}

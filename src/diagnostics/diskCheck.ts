import * as path from 'node:path';
import * as vscode from 'vscode';
import { checkFiles } from '../checker/check';
import type { CheckOptions, JobCheckResult } from '../checker/types';
import { notificationText } from '../shared/notificationText';
import { formatBytes } from './checkSummary';

/**
 * Streams files from disk through the checker as one job, with a cancellable progress
 * notification. Rejects with vscode.CancellationError when the user cancels.
 */
export async function checkWithProgress(
    uris: readonly vscode.Uri[],
    options: CheckOptions,
    title: string,
): Promise<JobCheckResult> {
    return vscode.window.withProgress(
        {
            location: vscode.ProgressLocation.Notification,
            title: notificationText(title),
            cancellable: true,
        },
        async (progress, token) => {
            const controller = new AbortController();
            const cancelled = token.onCancellationRequested(() => controller.abort());
            let reported = 0;
            try {
                return await checkFiles(
                    uris.map((u) => u.fsPath),
                    {
                        ...options,
                        signal: controller.signal,
                        onProgress: (read, total) => {
                            const percent = total === 0 ? 100 : (read / total) * 100;
                            progress.report({
                                increment: percent - reported,
                                message: `${formatBytes(read)} of ${formatBytes(total)}`,
                            });
                            reported = percent;
                        },
                    },
                );
            } catch (error) {
                if (controller.signal.aborted) {
                    throw new vscode.CancellationError();
                }
                throw error;
            } finally {
                cancelled.dispose();
            }
        },
    );
}

export function fileLabel(uris: readonly vscode.Uri[]): string {
    const [first] = uris;
    if (first === undefined) {
        return 'no file';
    }
    return uris.length === 1 ? path.basename(first.fsPath) : `${uris.length} files`;
}

import { stat } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { Log } from '../shared/log';
import { describeError } from '../shared/log';
import { isJsonlUri, type JsonlDiagnostics } from './jsonlDiagnostics';

/** VS Code does not hand files above 50 MB to extensions as documents. */
const syncLimitBytes = 50 * 1024 * 1024;

/**
 * A .jsonl file open in a tab but never given to the extension as a document (too large) is
 * checked by streaming it from disk, so its problems still reach the Problems panel.
 */
export class LargeFileChecks implements vscode.Disposable {
    private readonly checked = new Set<string>();
    private readonly subscriptions: vscode.Disposable[];
    private readonly watcher = vscode.workspace.createFileSystemWatcher(
        '**/*.jsonl',
        true,
        false,
        true,
    );

    constructor(
        private readonly diagnostics: JsonlDiagnostics,
        private readonly log: Log,
    ) {
        this.subscriptions = [
            vscode.window.tabGroups.onDidChangeTabs(() => this.scan()),
            this.watcher,
            this.watcher.onDidChange((uri) => {
                if (this.checked.has(uri.toString())) {
                    void this.checkIfLarge(uri);
                }
            }),
        ];
        this.scan();
    }

    dispose(): void {
        vscode.Disposable.from(...this.subscriptions).dispose();
    }

    private scan(): void {
        const open = new Set<string>();
        for (const tab of vscode.window.tabGroups.all.flatMap((group) => group.tabs)) {
            const input = tab.input;
            if (
                !(input instanceof vscode.TabInputText) ||
                input.uri.scheme !== 'file' ||
                !isJsonlUri(input.uri)
            ) {
                continue;
            }
            const key = input.uri.toString();
            open.add(key);
            const asDocument = vscode.workspace.textDocuments.some((d) => d.uri.toString() === key);
            if (!asDocument && !this.checked.has(key)) {
                this.checked.add(key);
                void this.checkIfLarge(input.uri);
            }
        }
        for (const key of [...this.checked]) {
            if (!open.has(key)) {
                this.checked.delete(key);
                this.diagnostics.forget(vscode.Uri.parse(key));
            }
        }
    }

    private async checkIfLarge(uri: vscode.Uri): Promise<void> {
        try {
            const { size } = await stat(uri.fsPath);
            if (size >= syncLimitBytes) {
                this.log.info(
                    `Checking ${uri.fsPath} from disk ` +
                        `(${size} bytes, too large to open for extensions)`,
                );
                await this.diagnostics.checkFromDisk(uri);
            } else {
                this.checked.delete(uri.toString());
            }
        } catch (error) {
            this.log.warn(`Could not check ${uri.fsPath}: ${describeError(error)}`);
        }
    }
}

/** One results view per folder: opening a folder again reveals its view. Restores after reloads. */
import { basename, resolve } from 'node:path';
import * as vscode from 'vscode';
import { parseViewState, type ViewState } from './protocol';
import { RESULTS_VIEW_TYPE, ResultsPanel, type PanelDeps } from './resultsPanel';

export class ResultsPanels implements vscode.Disposable {
    private readonly panels = new Map<string, ResultsPanel>();

    constructor(private readonly deps: PanelDeps) {}

    /** The serializer that brings views back after a window reload. */
    serializer(): vscode.WebviewPanelSerializer {
        return {
            deserializeWebviewPanel: (panel: vscode.WebviewPanel, state: unknown) => {
                const restored = parseViewState(state);
                if (restored === undefined) {
                    panel.dispose();
                } else {
                    this.adopt(panel, restored.folder, restored, undefined);
                }
                return Promise.resolve();
            },
        };
    }

    show(folder: string, inputFile?: string): ResultsPanel {
        const key = resolve(folder);
        const existing = this.panels.get(key);
        if (existing !== undefined && inputFile === undefined) {
            existing.panel.reveal();
            return existing;
        }
        existing?.dispose();
        const panel = vscode.window.createWebviewPanel(
            RESULTS_VIEW_TYPE,
            `Results: ${basename(folder)}`,
            vscode.ViewColumn.Active,
            {
                enableScripts: true,
                localResourceRoots: [
                    vscode.Uri.joinPath(this.deps.ctx.extension.extensionUri, 'dist', 'webview'),
                ],
            },
        );
        return this.adopt(panel, key, undefined, inputFile);
    }

    get(folder: string): ResultsPanel | undefined {
        return this.panels.get(resolve(folder));
    }

    /** The view in the active editor group, if it is a results view. */
    active(): ResultsPanel | undefined {
        return [...this.panels.values()].find((p) => p.panel.active);
    }

    dispose(): void {
        for (const panel of [...this.panels.values()]) {
            panel.dispose();
        }
        this.panels.clear();
    }

    private adopt(
        webviewPanel: vscode.WebviewPanel,
        folder: string,
        state: ViewState | undefined,
        inputFile: string | undefined,
    ): ResultsPanel {
        const key = resolve(folder);
        const panel = new ResultsPanel(this.deps, webviewPanel, key, state, inputFile);
        this.panels.set(key, panel);
        panel.onDidDispose(() => {
            if (this.panels.get(key) === panel) {
                this.panels.delete(key);
            }
        });
        return panel;
    }
}

import * as vscode from 'vscode';
import type { CheckModelStore } from './checkModelStore';
import { describeCheckModel } from './checkModelPicker';
import { isJsonlDocument } from './jsonlDiagnostics';

export const chooseCheckModelCommand = 'bedrockBatch.chooseCheckModel';

/** Status bar item of .jsonl editors: which model the file is checked against; click to change. */
export class CheckModelStatus implements vscode.Disposable {
    private readonly item = vscode.window.createStatusBarItem(
        'bedrockBatch.checkModel',
        vscode.StatusBarAlignment.Right,
        100,
    );
    private readonly subscriptions: vscode.Disposable[];

    constructor(private readonly store: CheckModelStore) {
        this.item.name = 'Bedrock Batch: check model';
        this.item.command = chooseCheckModelCommand;
        this.subscriptions = [
            vscode.window.onDidChangeActiveTextEditor(() => this.update()),
            store.onDidChange(() => this.update()),
            vscode.workspace.onDidChangeConfiguration((e) => {
                if (e.affectsConfiguration('bedrockBatch.defaultModelId')) {
                    this.update();
                }
            }),
        ];
        this.update();
    }

    /** What the item shows now, or undefined when hidden (for tests). */
    get shown(): { text: string; tooltip: string } | undefined {
        const document = vscode.window.activeTextEditor?.document;
        if (document === undefined || !isJsonlDocument(document)) {
            return undefined;
        }
        const { model, source } = this.store.resolve(document.uri);
        return describeCheckModel(model, source);
    }

    update(): void {
        const shown = this.shown;
        if (shown === undefined) {
            this.item.hide();
            return;
        }
        this.item.text = shown.text;
        this.item.tooltip = shown.tooltip;
        this.item.show();
    }

    dispose(): void {
        vscode.Disposable.from(...this.subscriptions).dispose();
        this.item.dispose();
    }
}

import type * as vscode from 'vscode';

/** A row of the Batch Jobs view. Nodes build their TreeItem; they do not extend it. */
export interface TreeNode {
    /** Stable across refreshes, so VS Code keeps expansion and selection. */
    readonly id: string;
    readonly parent: TreeNode | undefined;
    getTreeItem(): vscode.TreeItem;
    getChildren(): Promise<TreeNode[]>;
    /** A hover too costly to send for every row; built when the user points at this one. */
    resolveTooltip?(): vscode.MarkdownString;
}

import * as vscode from 'vscode';
import type { TreeNode } from './treeNode';

/** Empty, error and hint rows: the view's way to say something without popping a notification. */
export class MessageNode implements TreeNode {
    constructor(
        readonly id: string,
        readonly parent: TreeNode | undefined,
        private readonly label: string,
        private readonly options: {
            readonly icon?: string;
            readonly color?: string;
            readonly tooltip?: string;
            readonly command?: vscode.Command;
            readonly contextValue?: string;
        } = {},
    ) {}

    getTreeItem(): vscode.TreeItem {
        const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
        item.id = this.id;
        if (this.options.icon !== undefined) {
            const color = this.options.color === undefined ? undefined : new vscode.ThemeColor(this.options.color);
            item.iconPath = new vscode.ThemeIcon(this.options.icon, color);
        }
        item.tooltip = this.options.tooltip;
        item.command = this.options.command;
        item.contextValue = this.options.contextValue ?? 'bedrockBatch:message';
        return item;
    }

    getChildren(): Promise<TreeNode[]> {
        return Promise.resolve([]);
    }
}

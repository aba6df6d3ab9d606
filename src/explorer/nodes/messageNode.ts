import * as vscode from 'vscode';
import { contextValues } from '../contextValues';
import type { TreeNode } from './treeNode';

export interface MessageOptions {
    readonly icon?: string;
    readonly color?: string;
    readonly tooltip?: string;
    readonly command?: vscode.Command;
}

/** Empty, error and hint rows: the view's way to say something without popping a notification. */
export class MessageNode implements TreeNode {
    constructor(
        readonly id: string,
        readonly parent: TreeNode | undefined,
        readonly label: string,
        private readonly options: MessageOptions = {},
    ) {}

    getTreeItem(): vscode.TreeItem {
        const item = new vscode.TreeItem(
            { label: this.label },
            vscode.TreeItemCollapsibleState.None,
        );
        item.id = this.id;
        if (this.options.icon !== undefined) {
            const color =
                this.options.color === undefined
                    ? undefined
                    : new vscode.ThemeColor(this.options.color);
            item.iconPath = new vscode.ThemeIcon(this.options.icon, color);
        }
        item.tooltip = this.options.tooltip;
        item.command = this.options.command;
        item.contextValue = contextValues.message;
        item.accessibilityInformation = { label: this.label };
        return item;
    }

    getChildren(): Promise<TreeNode[]> {
        return Promise.resolve([]);
    }
}

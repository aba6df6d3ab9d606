import * as vscode from 'vscode';

/** A tree row as the user sees it: text, icon, colour and hover, flattened for assertions. */
export interface TreeRow {
    readonly label: string;
    readonly description?: string;
    readonly tooltip?: string;
    readonly contextValue?: string;
    readonly icon?: string;
    readonly iconColor?: string;
    readonly command?: string;
    readonly children: TreeRow[];
}

/** Walks a provider the way VS Code does and returns what each row would show. */
export async function snapshotTree<T>(provider: vscode.TreeDataProvider<T>, node?: T): Promise<TreeRow[]> {
    const children = (await provider.getChildren(node)) ?? [];
    const rows: TreeRow[] = [];
    for (const child of children) {
        const item = await provider.getTreeItem(child);
        // What the hover shows once resolved, as VS Code asks for it when the user points at a row.
        await provider.resolveTreeItem?.(item, child, new vscode.CancellationTokenSource().token);
        const expandable = item.collapsibleState !== undefined && item.collapsibleState !== vscode.TreeItemCollapsibleState.None;
        rows.push({
            label: labelText(item.label),
            ...optional('description', typeof item.description === 'string' ? item.description : undefined),
            ...optional('tooltip', tooltipText(item.tooltip)),
            ...optional('contextValue', item.contextValue),
            ...optional('icon', item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined),
            ...optional('iconColor', item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.color?.id : undefined),
            ...optional('command', item.command?.command),
            children: expandable ? await snapshotTree(provider, child) : [],
        });
    }
    return rows;
}

function labelText(label: string | vscode.TreeItemLabel | undefined): string {
    if (label === undefined) {
        return '';
    }
    return typeof label === 'string' ? label : label.label;
}

function tooltipText(tooltip: string | vscode.MarkdownString | undefined): string | undefined {
    return tooltip instanceof vscode.MarkdownString ? tooltip.value : tooltip;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
    return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

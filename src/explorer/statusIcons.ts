import * as vscode from 'vscode';

/** A distinct codicon and theme colour per status, so status reads at a glance. */
const icons: Record<string, [icon: string, color: string | undefined]> = {
    Submitted: ['clock', 'charts.blue'],
    Validating: ['checklist', 'charts.blue'],
    Scheduled: ['calendar', 'charts.purple'],
    InProgress: ['sync~spin', 'charts.blue'],
    Stopping: ['debug-pause', 'charts.orange'],
    Completed: ['pass-filled', 'testing.iconPassed'],
    PartiallyCompleted: ['pass', 'charts.yellow'],
    Failed: ['error', 'testing.iconFailed'],
    Stopped: ['debug-stop', 'disabledForeground'],
    Expired: ['watch', 'charts.orange'],
};

export function statusIcon(status: string | undefined): vscode.ThemeIcon {
    const [icon, color] = icons[status ?? ''] ?? ['question', undefined];
    return new vscode.ThemeIcon(icon, color === undefined ? undefined : new vscode.ThemeColor(color));
}

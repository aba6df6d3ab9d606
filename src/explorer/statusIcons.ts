import * as vscode from 'vscode';
import { statusStyle } from './statusStyle';

export function statusIcon(status: string | undefined): vscode.ThemeIcon {
    const style = statusStyle(status);
    return new vscode.ThemeIcon(style.icon, new vscode.ThemeColor(style.color));
}

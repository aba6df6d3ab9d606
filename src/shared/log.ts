import * as vscode from 'vscode';

/**
 * The extension's one output channel. Being a LogOutputChannel, its level follows
 * "Developer: Set Log Level...", so there is no log-level setting of our own.
 */
export type Log = vscode.LogOutputChannel;

export function createLog(): Log {
    return vscode.window.createOutputChannel('Bedrock Batch', { log: true });
}

/** Error text for the log: pure, so it lives (and is tested) with the failure rules. */
export { describeError } from './failure';

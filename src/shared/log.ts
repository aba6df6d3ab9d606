import * as vscode from 'vscode';

/**
 * The extension's one output channel. Being a LogOutputChannel, its level follows
 * "Developer: Set Log Level...", so there is no log-level setting of our own.
 */
export type Log = vscode.LogOutputChannel;

export function createLog(): Log {
    return vscode.window.createOutputChannel('Bedrock Batch', { log: true });
}

/** Error text for the log: message and stack, never the error's enumerable fields (they may hold secrets). */
export function describeError(error: unknown): string {
    if (error instanceof Error) {
        return error.stack ?? `${error.name}: ${error.message}`;
    }
    return String(error);
}

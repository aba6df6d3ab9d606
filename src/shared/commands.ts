import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { reportError } from './reportError';

export interface CommandOptions {
    /**
     * The failure notification offers "Retry", which runs the command again with the same
     * arguments. Only for commands where running again cannot do anything the user did not ask
     * for: reads, refreshes, downloads, idempotent calls. Not for commands that start or create
     * something from a preset (submitting a job), which handle their own retries.
     */
    readonly retry?: boolean;
}

/**
 * Registers a command whose failures reach the user through `reportError` (cancellation is
 * silent) and whose runs are logged at debug. Arguments are never logged: they can hold ARNs
 * and file paths, and would grow the log for nothing.
 */
export function registerCommand(
    ctx: Ctx,
    id: string,
    title: string,
    handler: (...args: unknown[]) => unknown,
    options: CommandOptions = {},
): vscode.Disposable {
    return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        ctx.log.debug(`command ${id}`);
        try {
            return await handler(...args);
        } catch (error) {
            void reportError(ctx.log, error, {
                doing: title,
                profile: ctx.profile,
                ...(options.retry === true
                    ? { retry: () => vscode.commands.executeCommand(id, ...args) }
                    : {}),
            });
            return undefined;
        }
    });
}

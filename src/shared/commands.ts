import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { reportError } from './reportError';

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
): vscode.Disposable {
    return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        ctx.log.debug(`command ${id}`);
        try {
            return await handler(...args);
        } catch (error) {
            void reportError(ctx.log, error, { doing: title, profile: ctx.profile });
            return undefined;
        }
    });
}

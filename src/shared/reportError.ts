import * as vscode from 'vscode';
import { classifyFailure, type Failure } from './failure';
import { describeError, type Log } from './log';
import { asSentence, notificationText } from './notificationText';

export interface ReportOptions {
    /** What the user was doing, e.g. "Could not list batch jobs in us-east-1". */
    readonly doing: string;
    readonly profile?: string;
    /** Offered as a "Retry" button. */
    readonly retry?: () => unknown;
    /** A sentence after the service's message saying how to fix it. */
    readonly hint?: string;
    /** Feature-specific buttons, shown before Retry and Show Log. */
    readonly actions?: readonly ReportAction[];
}

export interface ReportAction {
    readonly title: string;
    readonly run: () => unknown;
}

type Action = ReportAction;

/**
 * The one place a failure becomes a notification: the service's own message, the action that
 * fixes it, and always the log. A cancelled action says nothing.
 */
export async function reportError(log: Log, error: unknown, options: ReportOptions): Promise<void> {
    const failure = classifyFailure(error, options.profile);
    if (failure.kind === 'cancelled') {
        log.debug(`${options.doing}: cancelled`);
        return;
    }
    log.error(`${options.doing}: ${describeError(error)}`);
    const actions = actionsFor(failure, options, log);
    const hint = options.hint === undefined ? '' : ` ${options.hint}`;
    // The service's message may echo names and URIs the user does not control.
    const text = notificationText(`${options.doing}. ${asSentence(failure.message)}${hint}`);
    const chosen = await vscode.window.showErrorMessage(text, ...actions.map((a) => a.title));
    await actions.find((a) => a.title === chosen)?.run();
}

function actionsFor(failure: Failure, options: ReportOptions, log: Log): Action[] {
    const actions: Action[] = [];
    switch (failure.kind) {
        case 'ssoExpired':
            actions.push({
                title: 'Copy Login Command',
                run: async () => {
                    await vscode.env.clipboard.writeText(failure.loginCommand ?? 'aws sso login');
                    void vscode.window.showInformationMessage(
                        notificationText(
                            `Copied "${failure.loginCommand}". Run it in a terminal, then retry.`,
                        ),
                    );
                },
            });
            break;
        case 'noCredentials':
        case 'invalidCredentials':
            actions.push({
                title: 'Configure Profile',
                run: () => vscode.commands.executeCommand('bedrockBatch.configureProfile'),
            });
            break;
        case 'accessDenied':
            if (failure.missingPermission !== undefined) {
                const permission = failure.missingPermission;
                actions.push({
                    title: `Copy "${permission}"`,
                    run: () => vscode.env.clipboard.writeText(permission),
                });
            }
            break;
        default:
            break;
    }
    actions.push(...(options.actions ?? []));
    if (options.retry !== undefined) {
        actions.push({ title: 'Retry', run: options.retry });
    }
    actions.push({ title: 'Show Log', run: () => log.show(true) });
    return actions;
}

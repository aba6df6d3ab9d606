import * as vscode from 'vscode';
import { notificationText } from '../shared/notificationText';
import type { ReportAction } from '../shared/reportError';
import type { AwsAccess } from './pinnedConnection';
import {
    leftoverAdvice,
    removalCommands,
    type CliTarget,
    type UploadLeftover,
} from './uploadLeftovers';

/** The aws CLI flags that reach the same account and endpoint as the submission did. */
function cliTarget(access: AwsAccess, region: string): CliTarget {
    const connection = access.aws.connection;
    const endpoint =
        connection.kind === 'sandbox' ? connection.endpoint : connection.endpoints.s3 || undefined;
    return {
        region,
        ...(access.profile === undefined ? {} : { profile: access.profile }),
        ...(endpoint === undefined ? {} : { endpoint }),
    };
}

/** A notification button that copies the commands removing the leftovers. */
export function copyRemovalAction(
    access: AwsAccess,
    region: string,
    leftovers: readonly UploadLeftover[],
): ReportAction {
    return {
        title: 'Copy Removal Command',
        run: async () => {
            await vscode.env.clipboard.writeText(
                removalCommands(leftovers, cliTarget(access, region)),
            );
            vscode.window.setStatusBarMessage('Copied the aws CLI removal command', 5000);
        },
    };
}

/** Says what is left in S3, where, and offers the command that removes it. */
export async function showLeftovers(
    access: AwsAccess,
    region: string,
    leftovers: readonly UploadLeftover[],
    lead: string,
): Promise<void> {
    const copy = copyRemovalAction(access, region, leftovers);
    const choice = await vscode.window.showWarningMessage(
        notificationText(`${lead} ${leftoverAdvice(leftovers)}`),
        copy.title,
    );
    if (choice === copy.title) {
        await copy.run();
    }
}

import type * as vscode from 'vscode';
import type { AwsClients } from '../aws/clients';
import { describeConnection } from '../aws/connection';
import type { Ctx } from '../ctx';
import type { Log } from '../shared/log';

/** What the submit steps need: the clients of one connection, the log, the profile's name. */
export interface AwsAccess {
    readonly aws: AwsClients;
    readonly log: Log;
    /** For messages such as "aws sso login --profile X". */
    readonly profile: string | undefined;
}

/** A submission's own connection, fixed when it starts. */
export interface PinnedConnection extends AwsAccess, vscode.Disposable {
    /** describeConnection() of it: stored with a pending Create, compared before resuming. */
    readonly description: string;
}

/**
 * Fixes the current connection for one submission: switching profile, endpoints or sandbox
 * while it uploads must not send its Create elsewhere (signed with other keys, or into an
 * account that does not have the input).
 */
export function pinConnection(ctx: Ctx): PinnedConnection {
    const aws = ctx.aws.pin();
    const connection = aws.connection;
    return {
        aws,
        log: ctx.log,
        profile: connection.kind === 'account' ? connection.profile : undefined,
        description: describeConnection(connection),
        dispose: () => aws.dispose(),
    };
}

/** The connection every call goes to right now, in the same words as PinnedConnection. */
export function currentConnection(ctx: Ctx): string {
    return describeConnection(ctx.aws.connection);
}

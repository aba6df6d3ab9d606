import * as vscode from 'vscode';
import { AwsClients } from './aws/clients';
import { describeConnection, type Connection } from './aws/connection';
import type { Log } from './shared/log';
import { Settings } from './shared/settings';

/**
 * What every feature is handed: the log, typed settings and the AWS clients of the current
 * connection. Passed explicitly rather than reached through a global.
 */
export class Ctx implements vscode.Disposable {
    readonly settings = new Settings();
    readonly aws: AwsClients;
    private readonly connectionChanged = new vscode.EventEmitter<Connection>();
    /** Fires after the profile, endpoints or sandbox changed and every client was rebuilt. */
    readonly onDidChangeConnection = this.connectionChanged.event;
    private sandbox: Connection | undefined;

    constructor(
        readonly extension: vscode.ExtensionContext,
        readonly log: Log,
    ) {
        this.aws = new AwsClients(log, this.accountConnection());
        extension.subscriptions.push(
            this.connectionChanged,
            vscode.workspace.onDidChangeConfiguration((event) => {
                if (Settings.affectsConnection(event) && this.sandbox === undefined) {
                    this.applyConnection(this.accountConnection());
                }
            }),
        );
    }

    /** Profile name for messages such as "aws sso login --profile X". */
    get profile(): string | undefined {
        const connection = this.aws.connection;
        return connection.kind === 'account' ? connection.profile : undefined;
    }

    get inSandbox(): boolean {
        return this.sandbox !== undefined;
    }

    /** Points every AWS call at the sandbox endpoint, or back at the account when undefined. */
    useSandbox(sandbox: Connection | undefined): void {
        this.sandbox = sandbox;
        void vscode.commands.executeCommand('setContext', 'bedrockBatch.inSandbox', sandbox !== undefined);
        this.applyConnection(sandbox ?? this.accountConnection());
    }

    dispose(): void {
        this.aws.dispose();
    }

    private accountConnection(): Connection {
        const profile = this.settings.profile;
        const endpoints = this.settings.endpoints;
        return profile === undefined ? { kind: 'account', endpoints } : { kind: 'account', profile, endpoints };
    }

    private applyConnection(connection: Connection): void {
        this.aws.setConnection(connection);
        this.log.info(`AWS connection: ${describeConnection(connection)}`);
        this.connectionChanged.fire(connection);
    }
}

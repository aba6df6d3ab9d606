import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { classifyFailure, type Failure } from '../shared/failure';
import { escapeCodicons } from '../shared/quickPickText';
import { credentialProblem } from './credentialProblem';
import type { CredentialProblem, FixAction, HostMessage } from './protocol';

/**
 * Tracks whether CloudWatch refused the connection's credentials. While it did, the panel's
 * live refresh waits (the same credentials would be refused every minute) and the page shows
 * the service's message with the fixes; a CloudWatch call that succeeds, or a new connection,
 * lifts it. The fixes run here, in the host, when the page asks for one it was offered.
 */
export class CredentialGate {
    private failure: Failure | undefined;
    private problem: CredentialProblem | undefined;

    constructor(
        private readonly ctx: Ctx,
        private readonly post: (message: HostMessage) => void,
    ) {}

    /** True while live refresh waits for working credentials. */
    get closed(): boolean {
        return this.problem !== undefined;
    }

    /** Classifies a failed CloudWatch call; closes the gate when it is about credentials. */
    failed(error: unknown): Failure {
        const failure = classifyFailure(error, this.ctx.profile);
        const problem = credentialProblem(failure);
        if (problem !== undefined) {
            if (this.problem === undefined) {
                this.ctx.log.warn(
                    'Batch Metrics: AWS refused the credentials; live refresh is paused until ' +
                        'the connection changes or a refresh succeeds',
                );
            }
            this.failure = failure;
            this.problem = problem;
            this.post({ type: 'credentials', problem });
        }
        return failure;
    }

    /** A CloudWatch call went through: the credentials work. */
    succeeded(): void {
        if (this.problem !== undefined) {
            this.ctx.log.info('Batch Metrics: the credentials work again; live refresh resumes');
            this.open();
        }
    }

    /** The connection changed: whatever was refused before says nothing about the new one. */
    reset(): void {
        if (this.problem !== undefined) {
            this.open();
        }
    }

    async fix(action: FixAction): Promise<void> {
        if (this.problem === undefined || !this.problem.actions.includes(action)) {
            this.ctx.log.warn(`Batch Metrics: ignored the fix "${action}": it is not offered now`);
            return;
        }
        if (action === 'configureProfile') {
            await vscode.commands.executeCommand('bedrockBatch.configureProfile');
            return;
        }
        const command = this.failure?.loginCommand ?? 'aws sso login';
        await vscode.env.clipboard.writeText(command);
        // Status bar text draws $(icon) syntax too; a profile name is shown as typed.
        vscode.window.setStatusBarMessage(
            escapeCodicons(
                `Copied "${command}": run it in a terminal, then press Refresh in Batch Metrics`,
            ),
            8000,
        );
    }

    private open(): void {
        this.failure = undefined;
        this.problem = undefined;
        this.post({ type: 'credentials' });
    }
}

import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { describeError } from '../shared/log';
import { sandboxConnection, type SandboxInfo } from './sandboxInfo';
import { startSandboxProcess, type SandboxProcess } from './sandboxProcess';

export type SandboxState = 'off' | 'starting' | 'running' | 'attached';

export const sandboxStatusText = '$(beaker) Bedrock Batch Sandbox';

/**
 * The sandbox the extension uses: a child endpoint it started (Open Sandbox) or one started
 * outside and named by the environment (npm start). While one is in use every AWS client points
 * at it and the status bar says so; leaving switches back to the account and stops the child.
 */
export class SandboxSession implements vscode.Disposable {
    private readonly item: vscode.StatusBarItem;
    private child: SandboxProcess | undefined;
    private current: SandboxInfo | undefined;
    private starting: Promise<SandboxInfo> | undefined;

    constructor(private readonly ctx: Ctx) {
        this.item = vscode.window.createStatusBarItem(
            'bedrockBatch.sandbox',
            vscode.StatusBarAlignment.Left,
            60,
        );
        this.item.name = 'Bedrock Batch Sandbox';
        this.item.text = sandboxStatusText;
        this.item.command = 'bedrockBatch.openSandbox';
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    }

    get state(): SandboxState {
        if (this.starting !== undefined) {
            return 'starting';
        }
        if (this.current === undefined) {
            return 'off';
        }
        return this.child === undefined ? 'attached' : 'running';
    }

    get info(): SandboxInfo | undefined {
        return this.current;
    }

    get childPid(): number | undefined {
        return this.child?.pid;
    }

    get statusText(): string {
        return this.current === undefined ? '' : this.item.text;
    }

    /** Starts the endpoint as a child process and switches to it; resolves when it serves. */
    start(script: string, speed: number): Promise<SandboxInfo> {
        this.starting ??= this.launch(script, speed).finally(() => {
            this.starting = undefined;
        });
        return this.starting;
    }

    /** Uses an endpoint someone else runs; leaving does not stop it. */
    attach(info: SandboxInfo): void {
        this.enter(info, undefined);
    }

    /** Switches back to the account and stops the endpoint if this session started it. */
    async leave(): Promise<void> {
        await this.starting?.catch(() => undefined);
        const child = this.child;
        this.child = undefined;
        if (this.current !== undefined) {
            this.current = undefined;
            this.item.hide();
            this.ctx.useSandbox(undefined);
        }
        if (child !== undefined) {
            await child.stop();
            this.ctx.log.info(`Sandbox endpoint stopped (pid ${child.pid})`);
        }
    }

    dispose(): void {
        // Deactivation cannot wait: SIGTERM goes out now, and the child also stops by itself
        // when the extension host's IPC channel closes.
        void this.child?.stop(2_000);
        this.child = undefined;
        this.item.dispose();
    }

    private async launch(script: string, speed: number): Promise<SandboxInfo> {
        const child = await startSandboxProcess({
            script,
            args: ['--speed', String(speed)],
            onLog: (line) => this.ctx.log.debug(`sandbox endpoint: ${line}`),
        });
        this.ctx.log.info(`Sandbox endpoint ${child.info.endpoint} started (pid ${child.pid})`);
        void child.exited.then((reason) => this.onExit(child, reason));
        this.enter(child.info, child);
        return child.info;
    }

    private enter(info: SandboxInfo, child: SandboxProcess | undefined): void {
        const previous = this.child;
        this.child = child;
        this.current = info;
        this.item.tooltip = new vscode.MarkdownString(
            `Bedrock Batch is using a local stand-in for AWS at \`${info.endpoint}\` ` +
                `(${info.region}): jobs, S3 and CloudWatch are simulated and nothing leaves ` +
                'this machine.\n\nClick for sample files or to leave the sandbox.',
        );
        this.item.accessibilityInformation = { label: 'Bedrock Batch Sandbox is in use' };
        this.item.show();
        this.ctx.useSandbox(sandboxConnection(info));
        if (previous !== undefined && previous !== child) {
            void previous.stop().catch((error: unknown) =>
                this.ctx.log.warn(`Could not stop the previous sandbox: ${describeError(error)}`));
        }
    }

    private onExit(child: SandboxProcess, reason: string): void {
        if (this.child !== child) {
            return;
        }
        this.ctx.log.warn(`The sandbox endpoint stopped unexpectedly (${reason})`);
        this.child = undefined;
        this.current = undefined;
        this.item.hide();
        this.ctx.useSandbox(undefined);
        void vscode.window
            .showWarningMessage(
                'The Bedrock Batch sandbox stopped; Batch Jobs shows your AWS account again.',
                'Open Sandbox',
                'Show Log',
            )
            .then((choice) => {
                if (choice === 'Open Sandbox') {
                    void vscode.commands.executeCommand('bedrockBatch.openSandbox');
                } else if (choice === 'Show Log') {
                    this.ctx.log.show();
                }
            });
    }
}

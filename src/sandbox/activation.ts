import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { registerCommand } from '../shared/commands';
import { defaultDemoSpeed, maxDemoSpeed } from '../localAws/bedrock/demoPace';
import { assignSampleModels, type SampleModelStore } from './sampleModels';
import { createSampleFiles } from './sampleFilesCommand';
import { parseSandboxInfo, sandboxEnvironmentVariable, type SandboxInfo } from './sandboxInfo';
import { SandboxSession, type SandboxState } from './sandboxSession';

/** What the integration tests may read about the sandbox. */
export interface SandboxTesting {
    readonly state: SandboxState;
    readonly info: SandboxInfo | undefined;
    /** PID of the endpoint the extension started, while it runs. */
    readonly childPid: number | undefined;
    /** The status bar item's text while the sandbox is in use, else ''. */
    readonly statusText: string;
}

/** `bedrockBatch.openSandbox`'s optional argument, for unattended use. */
interface OpenOptions {
    readonly samplesFolder?: string;
    readonly speed?: number;
}

function openOptions(arg: unknown): OpenOptions {
    if (typeof arg !== 'object' || arg === null) {
        return {};
    }
    const record = arg as Record<string, unknown>;
    const folder = record['samplesFolder'];
    const speed = record['speed'];
    return {
        ...(typeof folder === 'string' && folder !== '' ? { samplesFolder: folder } : {}),
        ...(typeof speed === 'number' && speed > 0 && speed <= maxDemoSpeed ? { speed } : {}),
    };
}

async function showMenu(
    ctx: Ctx,
    models: SampleModelStore,
    session: SandboxSession,
): Promise<void> {
    const items = ['Create Sample Files...', 'Show Batch Jobs', 'Leave Sandbox'];
    const choice = await vscode.window.showQuickPick(items, {
        title: `Bedrock Batch Sandbox at ${session.info?.endpoint ?? ''}`,
        placeHolder: 'Jobs, S3 and CloudWatch are simulated on this machine',
    });
    if (choice === items[0]) {
        await createSampleFiles(ctx, models);
    } else if (choice === items[1]) {
        await vscode.commands.executeCommand('bedrockBatch.jobs.focus');
    } else if (choice === items[2]) {
        await vscode.commands.executeCommand('bedrockBatch.leaveSandbox');
    }
}

async function open(
    ctx: Ctx,
    models: SampleModelStore,
    session: SandboxSession,
    options: OpenOptions,
): Promise<void> {
    if (session.state === 'running' || session.state === 'attached') {
        if (options.samplesFolder !== undefined) {
            await createSampleFiles(ctx, models, options.samplesFolder);
        } else {
            await showMenu(ctx, models, session);
        }
        return;
    }
    const outside = environmentSandbox(ctx);
    if (outside !== undefined) {
        // npm start's endpoint still runs: going back to it keeps the jobs made there.
        session.attach(outside);
    } else {
        const script = ctx.extension.asAbsolutePath('dist/sandbox.js');
        await vscode.window.withProgress(
            {
                location: vscode.ProgressLocation.Notification,
                title: 'Starting the Bedrock Batch sandbox',
            },
            () => session.start(script, options.speed ?? defaultDemoSpeed),
        );
    }
    await vscode.commands.executeCommand('bedrockBatch.jobs.focus');
    if (options.samplesFolder !== undefined) {
        await createSampleFiles(ctx, models, options.samplesFolder);
        return;
    }
    void vscode.window
        .showInformationMessage(
            'The Bedrock Batch sandbox is running: a local stand-in for Bedrock, S3 and ' +
                'CloudWatch, with a bucket and a service role ready. ' +
                'Create sample files to submit?',
            'Create Sample Files...',
            'Leave Sandbox',
        )
        .then(async (choice) => {
            if (choice === 'Create Sample Files...') {
                await createSampleFiles(ctx, models);
            } else if (choice === 'Leave Sandbox') {
                await vscode.commands.executeCommand('bedrockBatch.leaveSandbox');
            }
        });
}

async function leave(session: SandboxSession): Promise<void> {
    if (session.state === 'off') {
        void vscode.window.showInformationMessage('The Bedrock Batch sandbox is not in use.');
        return;
    }
    await session.leave();
    void vscode.window.showInformationMessage(
        'Left the sandbox: Bedrock Batch uses your AWS account again.');
}

/** The sandbox named by BEDROCK_BATCH_SANDBOX (npm start), if any. */
function environmentSandbox(ctx: Ctx): SandboxInfo | undefined {
    const text = process.env[sandboxEnvironmentVariable];
    if (text === undefined) {
        return undefined;
    }
    const info = parseSandboxInfo(text);
    if (info === undefined) {
        ctx.log.warn(
            `${sandboxEnvironmentVariable} is set but does not describe a sandbox; ignored`);
    }
    return info;
}

/**
 * Open Sandbox / Leave Sandbox, and attaching to a sandbox named by BEDROCK_BATCH_SANDBOX
 * (npm start). Activation starts nothing and loads no SDK: attaching only switches the clients'
 * connection, and the endpoint starts when the command runs.
 */
export function activateSandbox(ctx: Ctx, models: SampleModelStore): SandboxTesting {
    const session = new SandboxSession(ctx);
    ctx.extension.subscriptions.push(
        session,
        registerCommand(
            ctx,
            'bedrockBatch.openSandbox',
            'Could not open the sandbox',
            (arg) => open(ctx, models, session, openOptions(arg)),
            { retry: true },
        ),
        registerCommand(ctx, 'bedrockBatch.leaveSandbox', 'Could not leave the sandbox', () =>
            leave(session)),
    );
    const outside = environmentSandbox(ctx);
    if (outside !== undefined) {
        ctx.log.info(
            `Using the sandbox at ${outside.endpoint} named by ${sandboxEnvironmentVariable}`);
        session.attach(outside);
        for (const folder of vscode.workspace.workspaceFolders ?? []) {
            void assignSampleModels(models, folder.uri).catch((error: unknown) =>
                ctx.log.warn(`Could not set the sample files' models: ${String(error)}`));
        }
    }
    return {
        get state() {
            return session.state;
        },
        get info() {
            return session.info;
        },
        get childPid() {
            return session.childPid;
        },
        get statusText() {
            return session.statusText;
        },
    };
}

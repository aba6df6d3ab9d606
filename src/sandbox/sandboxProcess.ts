/**
 * Runs the sandbox endpoint (`dist/sandbox.js`) as a child of the current process. A child keeps
 * the extension host responsive while the simulator works, and cannot outlive it: it is forked
 * with an IPC channel and stops by itself when that channel closes (crash, kill or reload of the
 * parent); `stop()` ends it explicitly on Leave Sandbox and deactivation.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { parseSandboxInfo, type SandboxInfo } from './sandboxInfo';

export interface SandboxProcessOptions {
    readonly script: string;
    readonly args?: readonly string[];
    /** Environment of the child; AWS variables of the parent are never passed on. */
    readonly env?: NodeJS.ProcessEnv;
    readonly startTimeoutMs?: number;
    /** Each stderr line of the child (its log). */
    readonly onLog?: (line: string) => void;
}

export interface SandboxProcess {
    readonly info: SandboxInfo;
    readonly pid: number;
    /** Resolves once the child has exited, with its exit code or signal. */
    readonly exited: Promise<string>;
    /** SIGTERM, then SIGKILL after `graceMs`; resolves when the child is gone. */
    stop(graceMs?: number): Promise<void>;
}

const defaultStartTimeoutMs = 30_000;

/** The parent's environment minus anything that could point the child at a real account. */
export function childEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
    return Object.fromEntries(
        Object.entries(env).filter(([key]) => !/^AWS_/i.test(key) && key !== 'NODE_OPTIONS'),
    );
}

export function startSandboxProcess(options: SandboxProcessOptions): Promise<SandboxProcess> {
    const child = fork(options.script, [...(options.args ?? [])], {
        env: options.env ?? childEnvironment(process.env),
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
        execArgv: [],
    });
    const exited = new Promise<string>((resolve) => {
        child.once('exit', (code, signal) => resolve(signal ?? `exit code ${String(code)}`));
        child.once('error', (error) => resolve(`could not start: ${error.message}`));
    });
    if (child.stderr !== null) {
        createInterface({ input: child.stderr }).on('line', (line) => options.onLog?.(line));
    }
    return new Promise<SandboxProcess>((resolve, reject) => {
        const timeoutMs = options.startTimeoutMs ?? defaultStartTimeoutMs;
        const timer = setTimeout(() => {
            void stopChild(child, exited, 2_000);
            reject(new Error(`the sandbox endpoint did not start within ${timeoutMs / 1000} s`));
        }, timeoutMs);
        const lines = child.stdout === null ? undefined : createInterface({ input: child.stdout });
        lines?.once('line', (line) => {
            clearTimeout(timer);
            const info = parseSandboxInfo(line);
            if (info === undefined || child.pid === undefined) {
                void stopChild(child, exited, 2_000);
                reject(new Error(`the sandbox endpoint answered something unexpected: ${line}`));
                return;
            }
            resolve({
                info,
                pid: child.pid,
                exited,
                stop: (graceMs = 5_000) => stopChild(child, exited, graceMs),
            });
        });
        void exited.then((reason) => {
            clearTimeout(timer);
            reject(new Error(`the sandbox endpoint stopped before it served (${reason})`));
        });
    });
}

async function stopChild(
    child: ChildProcess,
    exited: Promise<string>,
    graceMs: number,
): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) {
        return;
    }
    child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), graceMs);
    });
    const outcome = await Promise.race([exited, late]);
    clearTimeout(timer);
    if (outcome === 'late') {
        child.kill('SIGKILL');
        await exited;
    }
}

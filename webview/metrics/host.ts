/** The page's only channel to the extension: typed messages and the state kept across reloads. */
import type { WebviewMessage } from '../../src/metrics/protocol';

interface VsCodeApi {
    postMessage(message: unknown): void;
    getState(): unknown;
    setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

export function send(message: WebviewMessage): void {
    api.postMessage(message);
}

/** What was saved last; the host also gets it back when VS Code restores the panel. */
export function savedState(): Record<string, unknown> {
    const state = api.getState();
    return typeof state === 'object' && state !== null ? (state as Record<string, unknown>) : {};
}

export function saveState(patch: Record<string, unknown>): void {
    api.setState({ ...savedState(), ...patch });
}

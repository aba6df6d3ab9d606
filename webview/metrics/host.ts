/** The page's only channel to the extension: typed messages and the state kept across reloads. */
import type { WebviewMessage } from '../../src/metrics/protocol';
import { vscodeApi } from '../shared/vscodeApi';

export function send(message: WebviewMessage): void {
    vscodeApi.postMessage(message);
}

/** What was saved last; the host also gets it back when VS Code restores the panel. */
export function savedState(): Record<string, unknown> {
    const state = vscodeApi.getState();
    return typeof state === 'object' && state !== null ? (state as Record<string, unknown>) : {};
}

export function saveState(patch: Record<string, unknown>): void {
    vscodeApi.setState({ ...savedState(), ...patch });
}

/** The page's only channel to the extension: typed messages and the state kept across reloads. */
import { parseViewState, type ViewMessage, type ViewState } from '../../src/results/protocol';

interface VsCodeApi {
    postMessage(message: unknown): void;
    getState(): unknown;
    setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

export function send(message: ViewMessage): void {
    api.postMessage(message);
}

export function savedState(): ViewState | undefined {
    return parseViewState(api.getState());
}

export function saveState(state: ViewState): void {
    api.setState(state);
}

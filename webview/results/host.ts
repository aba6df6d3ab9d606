/** The page's only channel to the extension: typed messages and the state kept across reloads. */
import { parseViewState, type ViewMessage, type ViewState } from '../../src/results/protocol';
import { vscodeApi } from '../shared/vscodeApi';

export function send(message: ViewMessage): void {
    vscodeApi.postMessage(message);
}

export function savedState(): ViewState | undefined {
    return parseViewState(vscodeApi.getState());
}

export function saveState(state: ViewState): void {
    vscodeApi.setState(state);
}

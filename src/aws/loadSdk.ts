import * as path from 'node:path';
import type * as Sdk from './sdk';

export type AwsSdk = typeof Sdk;

let loaded: AwsSdk | undefined;

/**
 * Loads the bundled SDK on first use. The path is computed so esbuild leaves it alone: the
 * extension bundle and dist/sdk.js sit side by side, as do the compiled test modules.
 */
export function loadSdk(): AwsSdk {
    if (loaded === undefined) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        loaded = require(path.join(__dirname, 'sdk.js')) as AwsSdk;
    }
    return loaded;
}

/** Whether the SDK bundle is in the module cache, i.e. something has paid for loading it. */
export function isSdkLoaded(): boolean {
    return Object.keys(require.cache).some((id) => id === path.join(__dirname, 'sdk.js'));
}

import type { Ctx } from '../ctx';
import type { Explorer } from '../explorer/activation';
import { snapshotTree, type TreeRow } from './treeSnapshot';

export interface TestingApi {
    /** The Batch Jobs view, row by row, as the user would see it. */
    jobsTree(): Promise<TreeRow[]>;
    /** Module ids the extension host has loaded from this extension's folder. */
    loadedModules(): string[];
    readonly inSandbox: boolean;
}

export function createTestingApi(ctx: Ctx, explorer: Explorer): TestingApi {
    return {
        jobsTree: () => snapshotTree(explorer.provider),
        loadedModules: () => Object.keys(require.cache).filter((id) => id.startsWith(ctx.extension.extensionPath)),
        get inSandbox() {
            return ctx.inSandbox;
        },
    };
}

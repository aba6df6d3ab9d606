import type { Ctx } from '../ctx';
import type { Explorer } from '../explorer/activation';
import { explorerTesting, type ExplorerTesting } from '../explorer/explorerTesting';
import type { ResultsFeature } from '../results/activation';
import { resultsTesting, type ResultsTesting } from '../results/resultsTesting';
import type { SandboxTesting } from '../sandbox/activation';
import type { SubmitTesting } from '../submit/activation';
import { snapshotTree, type TreeRow } from './treeSnapshot';

export interface TestingApi {
    /** The Batch Jobs view, row by row, as the user would see it. */
    jobsTree(): Promise<TreeRow[]>;
    /** Polling, notifications, status bar and filter of the Batch Jobs view. */
    readonly explorer: ExplorerTesting;
    /** Module ids the extension host has loaded from this extension's folder. */
    loadedModules(): string[];
    readonly inSandbox: boolean;
    /** Taken at the end of activate(): what activation itself loaded. */
    readonly activation: ActivationReport;
    /** Submit wizard, pending submissions, editor diagnostics. */
    readonly submit: SubmitTesting;
    /** Results views and the job summaries shown in tooltips. */
    readonly results: ResultsTesting;
    /** Open/Leave Sandbox: state, the endpoint's child process, the status bar item. */
    readonly sandbox: SandboxTesting;
}

export interface ActivationReport {
    readonly sdkLoaded: boolean;
}

export function createTestingApi(
    ctx: Ctx,
    explorer: Explorer,
    activation: ActivationReport,
    submit: SubmitTesting,
    results: ResultsFeature,
    sandbox: SandboxTesting,
): TestingApi {
    return {
        activation,
        submit,
        sandbox,
        results: resultsTesting(results),
        jobsTree: () => snapshotTree(explorer.provider),
        explorer: explorerTesting(explorer),
        loadedModules: () => Object.keys(require.cache).filter((id) => id.startsWith(ctx.extension.extensionPath)),
        get inSandbox() {
            return ctx.inSandbox;
        },
    };
}

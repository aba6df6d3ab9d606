/**
 * Results of finished jobs: download, summary (also for the explorer's tooltips), the results
 * view, export, and resubmitting what failed. Nothing here loads the AWS SDK at activation.
 */
import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { mergePrices, priceRowsFromSettings } from '../diagnostics/checkerSettings';
import { registerCommand } from '../shared/commands';
import { downloadResults, type DownloadOptions } from './downloadCommand';
import { DownloadRegistry } from './downloadRegistry';
import { isObject } from './outputLine';
import { resubmitFailed, type ResubmitOptions } from './resubmitCommand';
import { RESULT_SCHEME, ResultDocuments } from './resultDocuments';
import { RESULTS_VIEW_TYPE } from './resultsPanel';
import { ResultsPanels } from './resultsPanels';
import type { ResultsDeps } from './resultsDeps';
import { resultsFolderOf } from './resultsFolderArg';
import type { SubmissionLookup } from './resultsLocation';
import { SummaryService } from './summaryService';
import type { SummaryDisplay } from './summaryText';
import { appendSummaryMarkdown } from './summaryTooltip';

/** What the explorer calls to put a finished job's results in its tooltip. */
export interface ResultsSummaryHook {
    /**
     * Reads the summary once per job and status (downloaded folder, else the manifest in S3).
     * Undefined for running jobs and jobs without a manifest. Never rejects.
     */
    summaryFor(region: string, job: ModelInvocationJobSummary): Promise<SummaryDisplay | undefined>;
    /** The summary already read for this job and status, synchronously; undefined if none yet. */
    cached(job: ModelInvocationJobSummary): SummaryDisplay | undefined;
    /** Fires a job ARN when its summary was read or dropped (e.g. after a new download). */
    readonly onDidChange: vscode.Event<string>;
    /** Appends a "Results" section (escaped text) to a job tooltip. */
    appendTo(md: vscode.MarkdownString, display: SummaryDisplay): void;
}

export interface ResultsFeature {
    readonly summaries: ResultsSummaryHook;
    readonly panels: ResultsPanels;
}

export interface ResultsActivationOptions {
    /** The submit feature's record of which local file a job was submitted from. */
    readonly submissions?: SubmissionLookup;
}

export function activateResults(ctx: Ctx, options: ResultsActivationOptions = {}): ResultsFeature {
    const prices = (): ReturnType<typeof mergePrices> =>
        mergePrices(priceRowsFromSettings(ctx.settings.prices));
    const registry = new DownloadRegistry(ctx.extension.globalState);
    const summaries = new SummaryService(ctx, registry, prices);
    const panels = new ResultsPanels({ ctx, prices });
    const deps: ResultsDeps = {
        ctx,
        registry,
        summaries,
        panels,
        prices,
        submissions: options.submissions ?? (() => undefined),
    };
    ctx.extension.subscriptions.push(
        summaries,
        panels,
        vscode.workspace.registerTextDocumentContentProvider(RESULT_SCHEME, new ResultDocuments()),
        vscode.window.registerWebviewPanelSerializer(RESULTS_VIEW_TYPE, panels.serializer()),
        registerCommand(
            ctx,
            'bedrockBatch.downloadResults',
            'Could not download the results',
            (arg, opts) => downloadResults(deps, arg, downloadOptionsOf(opts)),
            { retry: true },
        ),
        registerCommand(
            ctx,
            'bedrockBatch.openResults',
            'Could not open the results',
            async (arg, opts) => {
                const folder = await resultsFolderOf(deps, arg, 'Open Results');
                if (folder === undefined) {
                    return undefined;
                }
                const panel = panels.show(folder, stringOption(opts, 'inputFile'));
                return { folder: panel.folder };
            },
            { retry: true },
        ),
        registerCommand(
            ctx,
            'bedrockBatch.resubmitFailed',
            'Could not write the records to resubmit',
            (arg, opts) => resubmitFailed(deps, arg, resubmitOptionsOf(opts)),
        ),
    );
    return {
        panels,
        summaries: {
            summaryFor: (region, job) => summaries.summaryFor(region, job),
            cached: (job) => summaries.cached(job),
            onDidChange: summaries.onDidChange,
            appendTo: appendSummaryMarkdown,
        },
    };
}

/**
 * Options other commands and the tests pass as a second argument. Menus pass other things there
 * (a tree's selection), so only well-typed members count.
 */
function stringOption(value: unknown, key: string): string | undefined {
    const member = optionBag(value)[key];
    return typeof member === 'string' && member !== '' ? member : undefined;
}

function optionBag(value: unknown): Record<string, unknown> {
    return isObject(value) ? value : {};
}

function downloadOptionsOf(value: unknown): DownloadOptions {
    const folder = stringOption(value, 'folder');
    return {
        ...(folder === undefined ? {} : { folder }),
        replace: optionBag(value)['replace'] === true,
    };
}

function resubmitOptionsOf(value: unknown): ResubmitOptions {
    const inputFile = stringOption(value, 'inputFile');
    return {
        ...(inputFile === undefined ? {} : { inputFile }),
        offerSubmit: optionBag(value)['offerSubmit'] !== false,
    };
}

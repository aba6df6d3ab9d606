import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { classifyFailure } from '../shared/failure';
import { describeError } from '../shared/log';
import { settingsSection } from '../shared/settings';
import { normalizeFilter, storedFilter, type JobFilter } from './jobFilter';
import { listRegionJobs } from './listJobs';
import { JobNode } from './nodes/jobNode';
import { RegionNode, type RegionHost } from './nodes/regionNode';
import type { TreeNode } from './nodes/treeNode';
import { jobKey, type JobChange } from './regionJobs';
import type { Timers } from './timers';
import { appendSections, type TooltipSection } from './tooltipSections';
import { ViewQuiet } from './viewQuiet';

export const jobsViewId = 'bedrockBatch.jobs';
const filterStateKey = 'bedrockBatch.explorer.filter';

/** A region finished listing (or failed to). */
export interface RegionLoaded {
    readonly region: RegionNode;
    readonly changes: readonly JobChange[];
}

/**
 * The Batch Jobs view: Region → Model → Job. Regions list in parallel when the view first shows;
 * polls, stops and reveals update single jobs in place without listing again.
 */
export class JobsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
    private readonly treeChanged = new vscode.EventEmitter<TreeNode | undefined>();
    readonly onDidChangeTreeData = this.treeChanged.event;
    private readonly jobsChanged = new vscode.EventEmitter<readonly JobChange[]>();
    /** Jobs whose status moved (listing, poll, stop, reveal); previous undefined for new ones. */
    readonly onDidChangeJobs = this.jobsChanged.event;
    private readonly regionLoaded = new vscode.EventEmitter<RegionLoaded>();
    readonly onDidLoadRegion = this.regionLoaded.event;
    private readonly disposables: vscode.Disposable[] = [
        this.treeChanged,
        this.jobsChanged,
        this.regionLoaded,
    ];
    private readonly regions = new Map<string, RegionNode>();
    private regionsReady: Promise<void> | undefined;
    /** Regions shown because a job was revealed or submitted there, not from the setting. */
    private readonly sessionRegions = new Set<string>();
    /** Jobs kept even when a listing lacks them: just submitted jobs may not be listed yet. */
    private readonly pinned = new Set<string>();
    private readonly tooltipSections: TooltipSection[] = [];
    private filterValue: JobFilter;
    private readonly host: RegionHost;
    /** When VS Code last asked for rows; reveals wait for the view to be quiet. */
    readonly quiet: ViewQuiet;

    constructor(
        private readonly ctx: Ctx,
        readonly timers: Timers,
    ) {
        this.quiet = new ViewQuiet(timers);
        this.filterValue = normalizeFilter(ctx.extension.workspaceState.get(filterStateKey));
        this.host = {
            timers,
            filter: () => this.filterValue,
            list: (region, after) => listRegionJobs(ctx.aws, region, after),
            classify: (error) => classifyFailure(error, ctx.profile),
            logFailure: (region, error) =>
                ctx.log.warn(`Listing batch jobs in ${region} failed: ${describeError(error)}`),
            keepUnlisted: (key) => this.pinned.has(key),
            connectionNote: () => (ctx.inSandbox ? 'sandbox' : undefined),
            loaded: (region, changes) => {
                this.regionLoaded.fire({ region, changes });
                if (changes.length > 0) {
                    this.jobsChanged.fire(changes);
                }
            },
            changed: (node) => this.treeChanged.fire(node),
        };
        this.disposables.push(
            ctx.onDidChangeConnection(() => this.rebuild()),
            vscode.workspace.onDidChangeConfiguration((event) => {
                if (event.affectsConfiguration(`${settingsSection}.regions`)) {
                    this.regionsReady = undefined;
                    this.treeChanged.fire(undefined);
                }
            }),
        );
    }

    get filter(): JobFilter {
        return this.filterValue;
    }

    getTreeItem(node: TreeNode): vscode.TreeItem {
        return node.getTreeItem();
    }

    resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
        if (node.resolveTooltip !== undefined) {
            const tooltip = node.resolveTooltip();
            if (node instanceof JobNode) {
                appendSections(tooltip, this.tooltipSections, node.region, node.job);
            }
            item.tooltip = tooltip;
        }
        return item;
    }

    /** Adds another feature's section to job hovers; rows are redrawn when it has news. */
    addTooltipSection(section: TooltipSection): vscode.Disposable {
        this.tooltipSections.push(section);
        return section.onDidChange((jobArn) => {
            for (const region of this.regions.values()) {
                void this.findJob(region.region, jobArn).then((node) => {
                    if (node !== undefined) {
                        this.treeChanged.fire(node);
                    }
                });
            }
        });
    }

    async getChildren(node?: TreeNode): Promise<TreeNode[]> {
        this.quiet.touch();
        if (node !== undefined) {
            return node.getChildren();
        }
        this.regionsReady ??= this.syncRegions();
        await this.regionsReady;
        const nodes = [...this.regions.values()];
        const idle = nodes.filter((region) => !region.store.loaded);
        // Every region lists at once (not one per expand), so counts and polling cover them all.
        void this.withProgress(Promise.all(idle.map((region) => region.load())));
        return nodes;
    }

    getParent(node: TreeNode): TreeNode | undefined {
        return node.parent;
    }

    hasRegion(region: string): boolean {
        return this.regions.has(region);
    }

    /** The shown regions, in order. */
    regionNodes(): RegionNode[] {
        return [...this.regions.values()];
    }

    /** Lists every region again, or just the one given. */
    async refresh(region?: string): Promise<void> {
        this.regionsReady ??= this.syncRegions();
        await this.regionsReady;
        const targets = region === undefined ? this.regionNodes() : [await this.showRegion(region)];
        await this.withProgress(Promise.all(targets.map((node) => node.reload())));
    }

    async setFilter(filter: JobFilter): Promise<void> {
        const relist = filter.submittedWithinDays !== this.filterValue.submittedWithinDays;
        this.filterValue = filter;
        await this.ctx.extension.workspaceState.update(filterStateKey, storedFilter(filter));
        if (relist) {
            await this.refresh();
        } else {
            this.treeChanged.fire(undefined);
        }
    }

    /**
     * Newer state of one job (poll, stop, reveal, submit), shown in place. The region is added to
     * the view for this session if it is not shown.
     */
    async applyJob(region: string, job: ModelInvocationJobSummary): Promise<void> {
        const node = await this.showRegion(region);
        if (!node.store.loaded) {
            await node.load();
        }
        const change = node.store.upsert(job);
        const row = await node.findJob(jobKey(job));
        if (row !== undefined) {
            row.job = job;
        }
        if (change !== undefined) {
            this.jobsChanged.fire([change]);
            // A status change can move counts, filters and the model's order: redraw the region
            // (the row with it).
            row?.takeChange();
            this.treeChanged.fire(node);
            return;
        }
        // Most polls change nothing shown (or only the minute count); a redraw for nothing would
        // close the hover the user is reading. A row the filter hides shows nothing either.
        if (row?.takeChange() === true) {
            this.treeChanged.fire(row);
        }
    }

    /** The row of a job, if its region is shown and the filter lets it through. */
    async findJob(region: string, jobArn: string): Promise<JobNode | undefined> {
        const node = await this.showRegion(region);
        return node.findJob(jobArn);
    }

    /** Keeps a job through listings that lack it, until it ends. */
    pin(jobArn: string): void {
        this.pinned.add(jobArn);
    }

    unpin(jobArn: string): void {
        this.pinned.delete(jobArn);
    }

    isPinned(jobArn: string): boolean {
        return this.pinned.has(jobArn);
    }

    /** Whether a region is shown only for this session; removing it needs no settings change. */
    forgetSessionRegion(region: string): boolean {
        if (!this.sessionRegions.delete(region)) {
            return false;
        }
        this.regionsReady = undefined;
        this.treeChanged.fire(undefined);
        return true;
    }

    /** Shows progress in the view while the work runs. */
    withProgress<T>(work: Promise<T>): Promise<T> {
        return Promise.resolve(
            vscode.window.withProgress({ location: { viewId: jobsViewId } }, () => work),
        );
    }

    dispose(): void {
        for (const region of this.regions.values()) {
            region.dispose();
        }
        vscode.Disposable.from(...this.disposables).dispose();
    }

    /** The region's node, adding the region to the view for this session if it is not shown. */
    async showRegion(region: string): Promise<RegionNode> {
        this.regionsReady ??= this.syncRegions();
        await this.regionsReady;
        const existing = this.regions.get(region);
        if (existing !== undefined) {
            return existing;
        }
        this.sessionRegions.add(region);
        const created = new RegionNode(this.host, region, true);
        this.regions.set(region, created);
        this.treeChanged.fire(undefined);
        return created;
    }

    /** Regions from the setting (or the profile's region), keeping the nodes of unchanged ones. */
    private async syncRegions(): Promise<void> {
        // The sandbox serves its own region only; the fallback below is that region.
        let names = this.ctx.inSandbox ? [] : [...this.ctx.settings.regions];
        if (names.length === 0 && this.sessionRegions.size === 0) {
            const fallback = await this.ctx.aws.defaultRegion().catch(() => undefined);
            names = fallback === undefined ? [] : [fallback];
        }
        const fromSettings = new Set(names);
        for (const region of this.sessionRegions) {
            if (fromSettings.has(region)) {
                this.sessionRegions.delete(region);
            } else {
                names.push(region);
            }
        }
        const previous = new Map(this.regions);
        this.regions.clear();
        for (const name of names) {
            const sessionOnly = !fromSettings.has(name);
            const kept = previous.get(name);
            if (kept !== undefined) {
                kept.sessionOnly = sessionOnly;
                this.regions.set(name, kept);
                previous.delete(name);
            } else {
                this.regions.set(name, new RegionNode(this.host, name, sessionOnly));
            }
        }
        for (const gone of previous.values()) {
            gone.dispose();
        }
    }

    /** A new connection (profile, endpoints, sandbox): nothing known so far still holds. */
    private rebuild(): void {
        for (const region of this.regions.values()) {
            region.dispose();
        }
        this.regions.clear();
        this.sessionRegions.clear();
        this.pinned.clear();
        this.regionsReady = undefined;
        this.treeChanged.fire(undefined);
    }
}

import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import * as vscode from 'vscode';
import type { Failure } from '../../shared/failure';
import { backoffDelay, throttleBackoff } from '../backoff';
import { contextValues } from '../contextValues';
import { failureRow } from '../failureRow';
import { countText, groupByModel } from '../groupJobs';
import { matchesFilter, submittedAfter, windowText, type JobFilter } from '../jobFilter';
import { isActive } from '../jobStatus';
import { RegionJobs, type JobChange } from '../regionJobs';
import type { TimerHandle, Timers } from '../timers';
import type { JobNode } from './jobNode';
import { MessageNode } from './messageNode';
import { ModelNode } from './modelNode';
import type { TreeNode } from './treeNode';

/** What a region needs from the provider. */
export interface RegionHost {
    readonly timers: Timers;
    filter(): JobFilter;
    list(region: string, submittedAfter: Date | undefined): Promise<ModelInvocationJobSummary[]>;
    classify(error: unknown): Failure;
    logFailure(region: string, error: unknown): void;
    /** Jobs absent from a listing that must stay (just submitted, not listed yet). */
    keepUnlisted(jobKey: string): boolean;
    /** After a listing, successful or not: statuses that moved, for notifications and polling. */
    loaded(region: RegionNode, changes: JobChange[]): void;
    changed(node: TreeNode | undefined): void;
    /** Says where the jobs come from when it is not the account (the sandbox). */
    connectionNote?(): string | undefined;
}

/** Above this many shown jobs, model rows start collapsed so the view stays readable. */
const expandModelsUpTo = 100;

/** A region and its jobs, grouped by model. Lists on first show; `reload` lists again. */
export class RegionNode implements TreeNode, vscode.Disposable {
    readonly id: string;
    readonly parent = undefined;
    readonly store: RegionJobs;
    private loading: Promise<void> | undefined;
    private retry: { readonly handle: TimerHandle; readonly at: number } | undefined;
    private throttledInARow = 0;
    private readonly models = new Map<string, ModelNode>();
    private shownCount = 0;

    constructor(
        private readonly host: RegionHost,
        readonly region: string,
        /** Shown for regions added by a reveal or a submit rather than the setting. */
        public sessionOnly: boolean,
    ) {
        this.id = `region:${region}`;
        this.store = new RegionJobs(region);
    }

    /** Lists the region's jobs unless already listed or listing. */
    load(): Promise<void> {
        this.loading ??= this.fetch();
        return this.loading;
    }

    /** Lists again, whatever was loaded; a pending throttle retry is replaced. */
    reload(): Promise<void> {
        this.cancelRetry();
        this.loading = this.fetch();
        return this.loading;
    }

    getTreeItem(): vscode.TreeItem {
        const item = new vscode.TreeItem(this.region, vscode.TreeItemCollapsibleState.Expanded);
        item.id = this.id;
        item.contextValue = contextValues.region;
        const failure = this.store.failure;
        item.iconPath =
            failure === undefined
                ? new vscode.ThemeIcon('globe')
                : new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
        const shown = this.visibleJobs();
        const active = shown.filter((job) => isActive(job.status)).length;
        const counts = countText(shown.length, active);
        if (!this.store.loaded) {
            item.description = 'loading...';
        } else if (failure !== undefined && this.store.size === 0) {
            item.description = failure.kind === 'throttled' ? 'throttled' : 'could not list jobs';
        } else {
            item.description = counts;
        }
        if (this.sessionOnly) {
            item.description += ' · not in settings';
        }
        const note = this.host.connectionNote?.();
        if (note !== undefined) {
            item.description += ` · ${note}`;
        }
        const window = windowText(this.host.filter().submittedWithinDays);
        item.tooltip = `${this.region}: ${counts} (submitted ${window}${this.filterNote()})`;
        item.accessibilityInformation = { label: `Region ${this.region}, ${item.description}` };
        return item;
    }

    async getChildren(): Promise<TreeNode[]> {
        await this.load();
        return this.children();
    }

    /** The node of a job, once the region is loaded and the job passes the filter. */
    async findJob(jobKey: string): Promise<JobNode | undefined> {
        await this.load();
        this.children();
        for (const model of this.models.values()) {
            const node = model.findJob(jobKey);
            if (node !== undefined) {
                return node;
            }
        }
        return undefined;
    }

    dispose(): void {
        this.cancelRetry();
    }

    private children(): TreeNode[] {
        const rows: TreeNode[] = [];
        const failure = this.store.failure;
        if (failure !== undefined) {
            rows.push(this.failureNode(failure));
            if (this.store.size === 0) {
                this.models.clear();
                return rows;
            }
        }
        const shown = this.visibleJobs();
        this.shownCount = shown.length;
        const groups = groupByModel(shown);
        const current = new Set<string>();
        const models = groups.map((group) => {
            current.add(group.key);
            const existing = this.models.get(group.key);
            if (existing !== undefined) {
                existing.update(group);
                return existing;
            }
            const created = new ModelNode(
                this,
                this.region,
                group,
                () => this.shownCount > expandModelsUpTo,
                () => this.host.timers.now(),
            );
            this.models.set(group.key, created);
            return created;
        });
        for (const key of [...this.models.keys()]) {
            if (!current.has(key)) {
                this.models.delete(key);
            }
        }
        if (models.length === 0) {
            rows.push(this.emptyNode());
        }
        rows.push(...models);
        return rows;
    }

    private visibleJobs(): ModelInvocationJobSummary[] {
        const filter = this.host.filter();
        const now = this.host.timers.now();
        return [...this.store.jobs()].filter((job) => matchesFilter(job, filter, now));
    }

    private async fetch(): Promise<void> {
        const after = submittedAfter(this.host.filter(), this.host.timers.now());
        let changes: JobChange[] = [];
        try {
            const jobs = await this.host.list(this.region, after);
            changes = this.store.replaceAll(jobs, (key) => this.host.keepUnlisted(key));
            this.throttledInARow = 0;
        } catch (error) {
            this.host.logFailure(this.region, error);
            const failure = this.host.classify(error);
            const throttled = failure.kind === 'throttled';
            this.store.fail(failure, throttled);
            if (throttled) {
                this.scheduleRetry();
            }
        }
        this.host.loaded(this, changes);
        this.host.changed(this);
    }

    /** The SDK already retried with backoff; past that, keep trying on a slower schedule. */
    private scheduleRetry(): void {
        const delay = backoffDelay(this.throttledInARow, throttleBackoff);
        this.throttledInARow += 1;
        const handle = this.host.timers.setTimeout(() => {
            this.retry = undefined;
            void this.reload();
        }, delay);
        this.retry = { handle, at: this.host.timers.now() + delay };
    }

    private cancelRetry(): void {
        if (this.retry !== undefined) {
            this.host.timers.clearTimeout(this.retry.handle);
            this.retry = undefined;
        }
    }

    private failureNode(failure: Failure): MessageNode {
        const retryIn =
            this.retry === undefined
                ? undefined
                : Math.max(0, this.retry.at - this.host.timers.now());
        const row = failureRow(failure, this.region, retryIn);
        return new MessageNode(`${this.id}:error`, this, row.label, {
            icon: row.icon,
            color: row.color,
            tooltip: row.tooltip,
            command: {
                command: row.command.id,
                title: row.command.title,
                arguments: row.command.id === 'bedrockBatch.refreshExplorer' ? [this] : [],
            },
        });
    }

    private emptyNode(): MessageNode {
        const filter = this.host.filter();
        if (this.store.size > 0) {
            return new MessageNode(
                `${this.id}:filtered`,
                this,
                'No jobs match the filter: clear it',
                {
                    icon: 'filter',
                    tooltip: `${this.store.size} jobs are hidden by the filter.`,
                    command: {
                        command: 'bedrockBatch.filterJobs',
                        title: 'Clear Filter',
                        arguments: ['reset'],
                    },
                },
            );
        }
        const window = windowText(filter.submittedWithinDays);
        const when = filter.submittedWithinDays === undefined ? '' : ` (${window})`;
        return new MessageNode(
            `${this.id}:empty`,
            this,
            `No batch jobs yet${when}: submit a .jsonl file...`,
            {
                icon: 'info',
                tooltip:
                    'Open a .jsonl file of model requests and run "Submit as Bedrock batch...".',
                command: { command: 'bedrockBatch.submitJob', title: 'Submit as Bedrock batch...' },
            },
        );
    }

    private filterNote(): string {
        const hidden = this.store.size - this.visibleJobs().length;
        return hidden > 0 ? `; ${hidden} hidden by the filter` : '';
    }
}

import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import * as vscode from 'vscode';
import type { Ctx } from '../../ctx';
import { classifyFailure, type Failure } from '../../shared/failure';
import { describeError } from '../../shared/log';
import { listRegionJobs, type JobQuery } from '../listJobs';
import { groupByModel } from '../groupJobs';
import { MessageNode } from './messageNode';
import { ModelNode } from './modelNode';
import type { TreeNode } from './treeNode';

type Loaded = { readonly jobs: ModelInvocationJobSummary[] } | { readonly failure: Failure };

/** A region and its jobs, grouped by model. Loads on expand; `reload` fetches again. */
export class RegionNode implements TreeNode {
    readonly id: string;
    readonly parent = undefined;
    private loading: Promise<Loaded> | undefined;
    private models: ModelNode[] = [];

    constructor(
        private readonly ctx: Ctx,
        readonly region: string,
        private readonly query: () => JobQuery,
    ) {
        this.id = `region:${region}`;
    }

    getTreeItem(): vscode.TreeItem {
        const item = new vscode.TreeItem(this.region, vscode.TreeItemCollapsibleState.Expanded);
        item.id = this.id;
        item.iconPath = new vscode.ThemeIcon('globe');
        item.contextValue = 'bedrockBatch:region';
        const jobs = this.models.reduce((sum, model) => sum + model.jobs.length, 0);
        item.description = this.loading === undefined ? undefined : `${jobs} job${jobs === 1 ? '' : 's'}`;
        return item;
    }

    async getChildren(): Promise<TreeNode[]> {
        this.loading ??= this.load();
        const loaded = await this.loading;
        if ('failure' in loaded) {
            return [this.failureNode(loaded.failure)];
        }
        if (this.models.length === 0) {
            return [
                new MessageNode(`${this.id}:empty`, this, 'No batch jobs yet. Submit a .jsonl file...', {
                    icon: 'info',
                    command: { command: 'bedrockBatch.submitJob', title: 'Submit as Bedrock batch' },
                }),
            ];
        }
        return this.models;
    }

    /** Forgets loaded jobs; the next expand or refresh fetches them again. */
    reload(): void {
        this.loading = undefined;
    }

    private async load(): Promise<Loaded> {
        try {
            const jobs = await listRegionJobs(this.ctx.aws, this.region, this.query());
            this.models = groupByModel(jobs).map(([model, modelJobs]) => new ModelNode(this, this.region, model, modelJobs));
            return { jobs };
        } catch (error) {
            this.models = [];
            this.ctx.log.warn(`Listing batch jobs in ${this.region} failed: ${describeError(error)}`);
            return { failure: classifyFailure(error, this.ctx.profile) };
        }
    }

    private failureNode(failure: Failure): TreeNode {
        const id = `${this.id}:error`;
        const showLog: vscode.Command = { command: 'bedrockBatch.showLog', title: 'Show Log' };
        switch (failure.kind) {
            case 'noCredentials':
            case 'invalidCredentials':
            case 'ssoExpired':
                return new MessageNode(id, this, 'No usable AWS credentials: configure a profile', {
                    icon: 'key',
                    color: 'testing.iconFailed',
                    tooltip: failure.message,
                    command: { command: 'bedrockBatch.configureProfile', title: 'Configure AWS Profile' },
                });
            case 'accessDenied':
                return new MessageNode(
                    id,
                    this,
                    `Access denied${failure.missingPermission === undefined ? '' : `: needs ${failure.missingPermission}`}`,
                    { icon: 'lock', color: 'testing.iconFailed', tooltip: failure.message, command: showLog },
                );
            default:
                return new MessageNode(id, this, `Could not list jobs: ${firstLine(failure.message)}`, {
                    icon: 'error',
                    color: 'testing.iconFailed',
                    tooltip: failure.message,
                    command: { command: 'bedrockBatch.refreshExplorer', title: 'Retry' },
                });
        }
    }
}

function firstLine(text: string): string {
    const line = text.split('\n')[0] ?? text;
    return line.length > 120 ? `${line.slice(0, 117)}...` : line;
}

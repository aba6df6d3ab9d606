import * as vscode from 'vscode';
import { isActive } from './jobStatus';
import type { JobsTreeProvider } from './jobsTreeProvider';
import { runningText, runningTooltip, type RunningJob } from './runningText';

/**
 * The count of active jobs in the status bar (click shows the view) and as the view's badge.
 * Counts every listed job of the shown regions, whatever the filter hides.
 */
export class RunningJobs implements vscode.Disposable {
    private readonly item: vscode.StatusBarItem;
    private readonly subscription: vscode.Disposable;
    private lastCount = -1;

    constructor(
        private readonly provider: JobsTreeProvider,
        private readonly view: vscode.TreeView<unknown>,
    ) {
        this.item = vscode.window.createStatusBarItem(
            'bedrockBatch.runningJobs',
            vscode.StatusBarAlignment.Left,
            50,
        );
        this.item.name = 'Bedrock Batch: running jobs';
        this.item.command = 'bedrockBatch.jobs.focus';
        this.subscription = provider.onDidChangeTreeData(() => this.update());
    }

    get text(): string {
        return this.item.text;
    }

    running(): RunningJob[] {
        const running: RunningJob[] = [];
        for (const region of this.provider.regionNodes()) {
            for (const job of region.store.jobs()) {
                if (isActive(job.status)) {
                    running.push({ region: region.region, job });
                }
            }
        }
        return running;
    }

    update(): void {
        const running = this.running();
        if (running.length === this.lastCount && running.length === 0) {
            return;
        }
        this.lastCount = running.length;
        if (running.length === 0) {
            this.item.hide();
            this.item.text = '';
            this.view.badge = undefined;
            return;
        }
        this.item.text = runningText(running.length);
        this.item.tooltip = runningTooltip(running);
        this.item.accessibilityInformation = {
            label: `${running.length} Bedrock batch jobs active`,
        };
        this.item.show();
        this.view.badge = { value: running.length, tooltip: `${running.length} active batch jobs` };
    }

    dispose(): void {
        this.subscription.dispose();
        this.item.dispose();
    }
}

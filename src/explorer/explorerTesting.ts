import type { Explorer } from './explorer';
import type { JobFilter } from './jobFilter';
import type { NoticeRecord } from './jobWatcher';

/** Read-only views of the Batch Jobs view's live parts, for integration tests. */
export interface ExplorerTesting {
    /** Lists every shown region again and resolves when all are listed. */
    refresh(): Promise<void>;
    /** Resolves when every shown region has finished its current listing. */
    loaded(): Promise<void>;
    /** How many jobs are being polled, and whether one is. */
    pollingCount(): number;
    isPolling(jobArn: string): boolean;
    /** Notifications raised for jobs that ended, oldest first. */
    notices(): readonly NoticeRecord[];
    /** The status bar text ('' when hidden) and the view badge. */
    runningText(): string;
    badge(): number | undefined;
    readonly filter: JobFilter;
    setFilter(filter: JobFilter): Promise<void>;
    viewDescription(): string | undefined;
    revealJob(region: string, jobArn: string): Promise<boolean>;
    trackJob(region: string, jobArn: string): Promise<void>;
    /** The row object of a job (the argument its menu commands get), if shown. */
    findJob(region: string, jobArn: string): Promise<unknown>;
    /**
     * Answers the next confirmations (modal dialogs are refused in tests) and records their
     * messages; undefined puts the real dialog back.
     */
    answerConfirmations(answer: boolean | undefined): void;
    confirmations(): readonly string[];
    /** The ARN of the selected row, if a job is selected. */
    selectedJobArn(): string | undefined;
    /**
     * The ids of the rows the view was told to redraw ('*' for all of it), oldest first; the
     * last 500.
     */
    redraws(): readonly string[];
}

const keptRedraws = 500;

export function explorerTesting(explorer: Explorer): ExplorerTesting {
    const { provider, watcher, running, view } = explorer;
    const realConfirm = explorer.confirm;
    const asked: string[] = [];
    const redrawn: string[] = [];
    provider.onDidChangeTreeData((node) => {
        redrawn.push(node?.id ?? '*');
        redrawn.splice(0, Math.max(0, redrawn.length - keptRedraws));
    });
    return {
        answerConfirmations: (answer) => {
            explorer.confirm =
                answer === undefined
                    ? realConfirm
                    : (message) => {
                          asked.push(message);
                          return Promise.resolve(answer);
                      };
        },
        confirmations: () => [...asked],
        refresh: () => provider.refresh(),
        loaded: async () => {
            await provider.getChildren();
            await Promise.all(provider.regionNodes().map((region) => region.load()));
        },
        pollingCount: () => watcher.polling,
        isPolling: (jobArn) => watcher.isPolling(jobArn),
        notices: () => [...watcher.notices],
        runningText: () => running.text,
        badge: () => view.badge?.value,
        get filter() {
            return provider.filter;
        },
        setFilter: (filter) => explorer.setFilter(filter),
        viewDescription: () => view.description,
        revealJob: (region, jobArn) => explorer.revealJob(region, jobArn),
        trackJob: (region, jobArn) => explorer.trackJob(region, jobArn),
        findJob: (region, jobArn) => provider.findJob(region, jobArn),
        redraws: () => [...redrawn],
        selectedJobArn: () => {
            const selected = view.selection[0];
            return selected !== undefined && 'jobArn' in selected
                ? (selected.jobArn as string)
                : undefined;
        },
    };
}

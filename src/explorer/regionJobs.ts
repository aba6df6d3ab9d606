import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import type { Failure } from '../shared/failure';
import { isActive } from './jobStatus';

/** A job whose status this session saw change; `previousStatus` is undefined for new jobs. */
export interface JobChange {
    readonly region: string;
    readonly previousStatus: string | undefined;
    readonly job: ModelInvocationJobSummary;
}

/** The key jobs are stored under: the ARN, or a stand-in for a summary that lacks one. */
export function jobKey(job: ModelInvocationJobSummary): string {
    return job.jobArn ?? `unnamed:${job.jobName ?? ''}:${job.submitTime?.getTime() ?? ''}`;
}

/**
 * What the explorer knows about one region: the jobs of the last listing, updated in place by
 * polls and actions, or why the listing failed. No vscode here.
 */
export class RegionJobs {
    private readonly byKey = new Map<string, ModelInvocationJobSummary>();
    private lastFailure: Failure | undefined;
    private listed = false;

    constructor(readonly region: string) {}

    get loaded(): boolean {
        return this.listed;
    }

    get failure(): Failure | undefined {
        return this.lastFailure;
    }

    get size(): number {
        return this.byKey.size;
    }

    jobs(): IterableIterator<ModelInvocationJobSummary> {
        return this.byKey.values();
    }

    get(jobArn: string): ModelInvocationJobSummary | undefined {
        return this.byKey.get(jobArn);
    }

    activeCount(): number {
        let active = 0;
        for (const job of this.byKey.values()) {
            active += isActive(job.status) ? 1 : 0;
        }
        return active;
    }

    /**
     * Takes a fresh listing. Jobs it lacks are dropped unless `keep` says otherwise (a job just
     * submitted may not be listed yet). Returns the jobs whose status changed.
     */
    replaceAll(
        jobs: readonly ModelInvocationJobSummary[],
        keep: (key: string) => boolean = () => false,
    ): JobChange[] {
        const previous = new Map(this.byKey);
        this.byKey.clear();
        const changes: JobChange[] = [];
        for (const job of jobs) {
            const key = jobKey(job);
            this.byKey.set(key, job);
            const before = previous.get(key)?.status;
            if (before !== job.status) {
                changes.push({ region: this.region, previousStatus: before, job });
            }
        }
        for (const [key, job] of previous) {
            if (!this.byKey.has(key) && keep(key)) {
                this.byKey.set(key, job);
            }
        }
        this.listed = true;
        this.lastFailure = undefined;
        return changes;
    }

    /** One job's newer state (poll, stop, reveal). Returns its change, if its status moved. */
    upsert(job: ModelInvocationJobSummary): JobChange | undefined {
        const key = jobKey(job);
        const before = this.byKey.get(key)?.status;
        this.byKey.set(key, job);
        return before === job.status
            ? undefined
            : { region: this.region, previousStatus: before, job };
    }

    /**
     * A failed listing. Unless told to keep them (a passing throttle), the last jobs are forgotten
     * so the failure is what the region shows.
     */
    fail(failure: Failure, keepJobs = false): void {
        if (!keepJobs) {
            this.byKey.clear();
        }
        this.lastFailure = failure;
        this.listed = true;
    }

    /** Back to not loaded, e.g. before a reload. */
    reset(): void {
        this.listed = false;
    }
}

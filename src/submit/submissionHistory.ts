/**
 * Which local files each started job was submitted from, so results can be joined back to their
 * inputs and saved beside them. Kept per workspace, newest first, and bounded.
 */
import type { StateStore } from './pendingSubmissions';

export interface SubmittedJob {
    readonly jobArn: string;
    readonly region: string;
    /** Absolute paths of the submitted .jsonl files, in upload order. */
    readonly files: readonly string[];
    readonly submittedAt: number;
}

const stateKey = 'bedrockBatch.submit.history';
const maxEntries = 500;

export class SubmissionHistory {
    constructor(private readonly state: StateStore) {}

    lookup(jobArn: string): SubmittedJob | undefined {
        return this.list().find((entry) => entry.jobArn === jobArn);
    }

    async record(jobs: readonly SubmittedJob[]): Promise<void> {
        const arns = new Set(jobs.map((job) => job.jobArn));
        const kept = this.list().filter((entry) => !arns.has(entry.jobArn));
        await this.state.update(stateKey, [...jobs, ...kept].slice(0, maxEntries));
    }

    /** Every recorded job, newest first. */
    list(): SubmittedJob[] {
        return this.state.get<SubmittedJob[]>(stateKey) ?? [];
    }
}

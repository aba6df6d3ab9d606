/** Where each job's results were downloaded, so a job row can open them without asking again. */

/** The part of vscode.Memento used here. */
export interface StateStore {
    get<T>(key: string): T | undefined;
    update(key: string, value: unknown): PromiseLike<void>;
}

export interface DownloadEntry {
    readonly jobArn: string;
    readonly folder: string;
    readonly jobName: string | undefined;
    readonly downloadedAt: number;
}

const stateKey = 'bedrockBatch.results.downloads';
const MAX_ENTRIES = 100;

export class DownloadRegistry {
    constructor(private readonly state: StateStore) {}

    list(): DownloadEntry[] {
        const stored = this.state.get<unknown>(stateKey);
        return Array.isArray(stored) ? stored.filter(isEntry) : [];
    }

    folderOf(jobArn: string): string | undefined {
        return this.list().find((entry) => entry.jobArn === jobArn)?.folder;
    }

    /** Newest first; the oldest entries are dropped past MAX_ENTRIES. */
    async add(entry: DownloadEntry): Promise<void> {
        const others = this.list().filter(
            (e) => e.jobArn !== entry.jobArn && e.folder !== entry.folder,
        );
        await this.state.update(stateKey, [entry, ...others].slice(0, MAX_ENTRIES));
    }

    async remove(folder: string): Promise<void> {
        await this.state.update(
            stateKey,
            this.list().filter((e) => e.folder !== folder),
        );
    }
}

function isEntry(value: unknown): value is DownloadEntry {
    if (typeof value !== 'object' || value === null) {
        return false;
    }
    const entry = value as Record<string, unknown>;
    return (
        typeof entry['jobArn'] === 'string' &&
        typeof entry['folder'] === 'string' &&
        typeof entry['downloadedAt'] === 'number'
    );
}

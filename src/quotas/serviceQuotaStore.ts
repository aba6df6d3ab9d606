/**
 * The Bedrock quotas of each region, read from Service Quotas once per session (with the model
 * display names they are matched by) and kept until refreshed. Any failure (no permission,
 * unreachable, slow) means "no values": the checker then uses settings and defaults, and the log
 * says why once, at debug.
 */
import {
    displayNamesOf,
    matchModelQuotas,
    type ModelName,
    type QuotaRow,
    type ServiceQuotaValues,
} from './quotaNames';

/** Where the rows come from; awsQuotaSource.ts reads them with the SDK. */
export interface QuotaSource {
    /** Every quota of service code `bedrock` in the region. */
    listBedrockQuotas(region: string): Promise<QuotaRow[]>;
    /** Display name and provider of each base model id listed in the region. */
    listModelNames(region: string): Promise<ReadonlyMap<string, ModelName>>;
}

export interface DebugLog {
    debug(message: string): void;
}

interface RegionQuotas {
    readonly rows: readonly QuotaRow[];
    readonly models: ReadonlyMap<string, ModelName>;
}

const NONE: RegionQuotas = { rows: [], models: new Map() };

/** How long a check waits for the first load of a region before going on without it. */
const DEFAULT_WAIT_MS = 10_000;

function reason(error: unknown): string {
    if (error instanceof Error) {
        return `${error.name}: ${error.message}`;
    }
    return String(error);
}

export class ServiceQuotaStore {
    private readonly pending = new Map<string, Promise<RegionQuotas>>();
    private readonly loaded = new Map<string, RegionQuotas>();
    private readonly listeners = new Set<(region: string) => void>();
    /** Bumped by refresh(), so a load started before it cannot fill the emptied cache. */
    private generation = 0;

    constructor(
        private readonly source: QuotaSource,
        private readonly log: DebugLog,
        private readonly waitMs = DEFAULT_WAIT_MS,
    ) {}

    /**
     * The Service Quotas values for a model (base id, profile id or ARN) in a region, loading
     * the region's quotas on first use; `{}` when they cannot be read in time.
     */
    async forModel(region: string, modelId: string): Promise<ServiceQuotaValues> {
        const data = await this.waitFor(region);
        return valuesFor(data, modelId);
    }

    /** The values already known, without calling AWS; undefined when the region is not loaded. */
    peek(region: string, modelId: string): ServiceQuotaValues | undefined {
        const data = this.loaded.get(region);
        return data === undefined ? undefined : valuesFor(data, modelId);
    }

    isLoaded(region: string): boolean {
        return this.loaded.has(region);
    }

    /** Starts loading a region (once per session); resolves when it is loaded or has failed. */
    load(region: string): Promise<void> {
        let pending = this.pending.get(region);
        if (pending === undefined) {
            pending = this.fetch(region, this.generation);
            this.pending.set(region, pending);
        }
        return pending.then(() => undefined);
    }

    /** Forgets every region: the next check reads Service Quotas again. */
    refresh(): void {
        this.generation += 1;
        this.pending.clear();
        this.loaded.clear();
    }

    /** Called with the region each time a region's quotas arrive (or fail to). */
    onDidLoad(listener: (region: string) => void): { dispose(): void } {
        this.listeners.add(listener);
        return { dispose: () => this.listeners.delete(listener) };
    }

    private async waitFor(region: string): Promise<RegionQuotas> {
        const known = this.loaded.get(region);
        if (known !== undefined) {
            return known;
        }
        const loading = this.load(region).then(() => this.loaded.get(region) ?? NONE);
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<RegionQuotas>((resolve) => {
            timer = setTimeout(() => {
                this.log.debug(
                    `Service Quotas did not answer within ${this.waitMs} ms in ${region}; ` +
                        'checking with the settings and default job quotas meanwhile',
                );
                resolve(NONE);
            }, this.waitMs);
            timer.unref();
        });
        try {
            return await Promise.race([loading, late]);
        } finally {
            clearTimeout(timer);
        }
    }

    private async fetch(region: string, generation: number): Promise<RegionQuotas> {
        let data: RegionQuotas;
        try {
            const [rows, models] = await Promise.all([
                this.source.listBedrockQuotas(region),
                this.source.listModelNames(region),
            ]);
            data = { rows, models };
            this.log.debug(`Service Quotas: ${rows.length} Bedrock quotas in ${region}`);
        } catch (error) {
            data = NONE;
            this.log.debug(
                `Service Quotas could not be read in ${region}; the job quotas come from the ` +
                    `settings and the defaults (${reason(error)})`,
            );
        }
        if (generation === this.generation) {
            this.loaded.set(region, data);
            for (const listener of this.listeners) {
                listener(region);
            }
        }
        return data;
    }
}

function valuesFor(data: RegionQuotas, modelId: string): ServiceQuotaValues {
    return matchModelQuotas(data.rows, displayNamesOf(modelId, data.models));
}

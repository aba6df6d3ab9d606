/**
 * The AWS/Bedrock/Batch datapoints for one simulated minute. The service publishes these per
 * model for the account and region; the ModelId dimension carries the base model id (for a job
 * submitted through a profile or an ARN, the catalogue model it resolves to), so every way of
 * naming a model adds to one series, as the per-model quotas do.
 *
 * Each datapoint is stamped with the start of the minute it describes and describes that whole
 * minute: the backlog gauges (records and tokens pending) give the most that was pending during
 * it, the throughput counts what was processed during it. A minute in which a job ran therefore
 * never reads "0 pending".
 */
import type { MetricDatum } from '../../types';
import type { Job } from '../jobs';

export const BATCH_NAMESPACE = 'AWS/Bedrock/Batch';
export const MINUTE_MS = 60_000;

interface ModelMinute {
    readonly accountId: string;
    readonly region: string;
    readonly modelId: string;
    readonly anthropic: boolean;
    inputTokens: number;
    outputTokens: number;
}

export interface Backlog {
    readonly records: number;
    readonly tokens: number;
}

const noBacklog: Backlog = { records: 0, tokens: 0 };

function seriesKey(job: Job): string {
    return `${job.accountId}/${job.region}/${job.model.modelId}`;
}

/** Records and input tokens a job still has to process at `atMs`: none unless it is queued to run. */
function backlogOf(job: Job, atMs: number): Backlog {
    const run = job.run;
    if (run === undefined || (job.status !== 'Scheduled' && job.status !== 'InProgress')) {
        return noBacklog;
    }
    const done = run.processedAt(atMs);
    return {
        records: run.total - done,
        tokens: run.inputTokensUpTo(run.total) - run.inputTokensUpTo(done),
    };
}

/**
 * The most records and tokens each model had pending during the current minute. A backlog only
 * shrinks between job events (records get processed, jobs stop or end) and grows only when a
 * validated job is scheduled, so the peak of a minute is the backlog at its start or right after
 * a job was scheduled in it: the simulator reports both moments.
 */
export class BacklogPeaks {
    private readonly peaks = new Map<string, Backlog>();

    /** A new minute starts at `atMs`; `jobs` (the active ones) give its opening backlog. */
    startMinute(atMs: number, jobs: Iterable<Job>): void {
        this.peaks.clear();
        this.observe(atMs, jobs);
    }

    /** Raises each model's peak to its backlog at `atMs`, e.g. right after a job was scheduled. */
    observe(atMs: number, jobs: Iterable<Job>): void {
        const now = new Map<string, Backlog>();
        for (const job of jobs) {
            const key = seriesKey(job);
            const sum = now.get(key) ?? noBacklog;
            const own = backlogOf(job, atMs);
            now.set(key, { records: sum.records + own.records, tokens: sum.tokens + own.tokens });
        }
        for (const [key, backlog] of now) {
            const peak = this.peaks.get(key) ?? noBacklog;
            this.peaks.set(key, {
                records: Math.max(peak.records, backlog.records),
                tokens: Math.max(peak.tokens, backlog.tokens),
            });
        }
    }

    peakOf(job: Job): Backlog {
        return this.peaks.get(seriesKey(job)) ?? noBacklog;
    }
}

/**
 * Datapoints for the minute that ends at `endMs`, stamped with the minute's start. `jobs` are the
 * jobs active at `endMs` plus those that ended within the minute; `peaks` the backlog peaks the
 * simulator saw during the minute.
 */
export function minuteDatapoints(
    endMs: number,
    jobs: Iterable<Job>,
    peaks: BacklogPeaks,
): MetricDatum[] {
    const startMs = endMs - MINUTE_MS;
    const groups = new Map<string, ModelMinute & { readonly backlog: Backlog }>();
    for (const job of jobs) {
        const key = seriesKey(job);
        let group = groups.get(key);
        if (group === undefined) {
            group = {
                accountId: job.accountId,
                region: job.region,
                modelId: job.model.modelId,
                anthropic: job.model.providerName === 'Anthropic',
                backlog: peaks.peakOf(job),
                inputTokens: 0,
                outputTokens: 0,
            };
            groups.set(key, group);
        }
        const run = job.run;
        if (run === undefined) {
            continue;
        }
        const done = run.processedAt(endMs);
        const before = run.processedAt(startMs);
        group.inputTokens += run.inputTokensUpTo(done) - run.inputTokensUpTo(before);
        group.outputTokens += run.outputTokensUpTo(done) - run.outputTokensUpTo(before);
    }
    const out: MetricDatum[] = [];
    for (const group of groups.values()) {
        const values: Array<[string, number]> = [
            ['NumberOfRecordsPendingProcessing', group.backlog.records],
            ['NumberOfInputTokensProcessedPerMinute', group.inputTokens],
            ['NumberOfOutputTokensProcessedPerMinute', group.outputTokens],
        ];
        if (group.anthropic) {
            values.push(['NumberOfTokensPendingProcessing', group.backlog.tokens]);
        }
        for (const [metricName, value] of values) {
            out.push({
                namespace: BATCH_NAMESPACE,
                metricName,
                dimensions: [{ name: 'ModelId', value: group.modelId }],
                timestampMs: startMs,
                value,
                unit: 'Count',
                region: group.region,
                accountId: group.accountId,
            });
        }
    }
    return out;
}

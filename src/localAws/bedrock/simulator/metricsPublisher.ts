/**
 * The AWS/Bedrock/Batch datapoints for one simulated minute. The service publishes these per
 * model for the account and region; the ModelId dimension carries the base model id (for a job
 * submitted through a profile or an ARN, the catalogue model it resolves to), so every way of
 * naming a model adds to one series, as the per-model quotas do.
 *
 * Each datapoint is stamped with the start of the minute it describes. The backlog gauges
 * (records and tokens pending) are CloudWatch gauges of what was still waiting: the value at that
 * timestamp, i.e. at the minute's start, neither what was left at its end nor anything added up
 * over it. The throughput counts what was processed during the minute.
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
 * What each model had pending when the current minute started: a snapshot taken at that moment,
 * because by the minute's end a job may have moved on (finished, stopped) and its status no
 * longer tells what was waiting at the start.
 */
export class OpeningBacklog {
    private readonly backlogs = new Map<string, Backlog>();

    /** A new minute starts at `atMs`; `jobs` (the active ones, as they are now) give it. */
    startMinute(atMs: number, jobs: Iterable<Job>): void {
        this.backlogs.clear();
        for (const job of jobs) {
            const key = seriesKey(job);
            const sum = this.backlogs.get(key) ?? noBacklog;
            const own = backlogOf(job, atMs);
            this.backlogs.set(key, {
                records: sum.records + own.records,
                tokens: sum.tokens + own.tokens,
            });
        }
    }

    of(job: Job): Backlog {
        return this.backlogs.get(seriesKey(job)) ?? noBacklog;
    }
}

/**
 * Datapoints for the minute that ends at `endMs`, stamped with the minute's start. `jobs` are the
 * jobs active at `endMs` plus those that ended within the minute; `opening` the backlog taken when
 * the minute started.
 */
export function minuteDatapoints(
    endMs: number,
    jobs: Iterable<Job>,
    opening: OpeningBacklog,
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
                backlog: opening.of(job),
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

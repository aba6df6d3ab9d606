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
 *
 * When a model's last active job has ended, the minute it ended in is followed by one more pair
 * of gauges, stamped with the next minute's start, at 0: nothing is waiting any more. Then the
 * model's series stop until another job of it is active.
 */
import type { MetricDatum } from '../../types';
import type { Job } from '../jobs';
import { TERMINAL_STATUSES } from '../patterns';

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

export function seriesKey(job: Job): string {
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
    private readonly alreadyPublished = new Set<string>();

    /**
     * A new minute starts at `atMs`; `jobs` (the active ones, as they are now) give it.
     * `published` names the series whose gauges at `atMs` are already out (their closing 0).
     */
    startMinute(atMs: number, jobs: Iterable<Job>, published: Iterable<string> = []): void {
        this.backlogs.clear();
        this.alreadyPublished.clear();
        for (const key of published) {
            this.alreadyPublished.add(key);
        }
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

    /** The model's backlog at the minute's start; undefined when its gauges are already out. */
    of(job: Job): Backlog | undefined {
        const key = seriesKey(job);
        return this.alreadyPublished.has(key) ? undefined : (this.backlogs.get(key) ?? noBacklog);
    }
}

export interface PublishedMinute {
    readonly datapoints: MetricDatum[];
    /** Series whose last job ended: their closing gauges are stamped with the minute's end. */
    readonly closedSeries: string[];
}

function datum(
    group: ModelMinute,
    metricName: string,
    timestampMs: number,
    value: number,
): MetricDatum {
    return {
        namespace: BATCH_NAMESPACE,
        metricName,
        dimensions: [{ name: 'ModelId', value: group.modelId }],
        timestampMs,
        value,
        unit: 'Count',
        region: group.region,
        accountId: group.accountId,
    };
}

function gauges(group: ModelMinute, timestampMs: number, backlog: Backlog): MetricDatum[] {
    const out = [datum(group, 'NumberOfRecordsPendingProcessing', timestampMs, backlog.records)];
    if (group.anthropic) {
        out.push(datum(group, 'NumberOfTokensPendingProcessing', timestampMs, backlog.tokens));
    }
    return out;
}

/**
 * Datapoints for the minute that ends at `endMs`, stamped with the minute's start. `jobs` are the
 * jobs active at `endMs` plus those that ended within the minute; `opening` the backlog taken when
 * the minute started. A model none of whose jobs is still active at `endMs` also gets its closing
 * gauges at 0, stamped `endMs`.
 */
export function minuteDatapoints(
    endMs: number,
    jobs: Iterable<Job>,
    opening: OpeningBacklog,
): PublishedMinute {
    const startMs = endMs - MINUTE_MS;
    const groups = new Map<string, ModelMinute & { backlog: Backlog | undefined; open: boolean }>();
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
                open: false,
                inputTokens: 0,
                outputTokens: 0,
            };
            groups.set(key, group);
        }
        if (!TERMINAL_STATUSES.includes(job.status)) {
            group.open = true;
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
    const datapoints: MetricDatum[] = [];
    const closedSeries: string[] = [];
    for (const [key, group] of groups) {
        if (group.backlog !== undefined) {
            datapoints.push(...gauges(group, startMs, group.backlog));
        }
        datapoints.push(
            datum(group, 'NumberOfInputTokensProcessedPerMinute', startMs, group.inputTokens),
            datum(group, 'NumberOfOutputTokensProcessedPerMinute', startMs, group.outputTokens),
        );
        if (!group.open) {
            datapoints.push(...gauges(group, endMs, noBacklog));
            closedSeries.push(key);
        }
    }
    return { datapoints, closedSeries };
}

/**
 * The AWS/Bedrock/Batch datapoints for one simulated minute. The service publishes these per
 * model for the account and region; the ModelId dimension carries the base model id (for a job
 * submitted through a profile or an ARN, the catalogue model it resolves to), so every way of
 * naming a model adds to one series, as the per-model quotas do.
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
    pendingRecords: number;
    pendingTokens: number;
    inputTokens: number;
    outputTokens: number;
}

/**
 * Datapoints for the minute that ends at `endMs`, stamped with the minute's start. `jobs` are the
 * jobs active at `endMs` plus those that ended within the minute.
 */
export function minuteDatapoints(endMs: number, jobs: Iterable<Job>): MetricDatum[] {
    const startMs = endMs - MINUTE_MS;
    const groups = new Map<string, ModelMinute>();
    for (const job of jobs) {
        const key = `${job.accountId}/${job.region}/${job.model.modelId}`;
        let group = groups.get(key);
        if (group === undefined) {
            group = {
                accountId: job.accountId,
                region: job.region,
                modelId: job.model.modelId,
                anthropic: job.model.providerName === 'Anthropic',
                pendingRecords: 0,
                pendingTokens: 0,
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
        if (job.status === 'Scheduled' || job.status === 'InProgress') {
            group.pendingRecords += run.total - done;
            group.pendingTokens += run.inputTokensUpTo(run.total) - run.inputTokensUpTo(done);
        }
    }
    const out: MetricDatum[] = [];
    for (const group of groups.values()) {
        const values: Array<[string, number]> = [
            ['NumberOfRecordsPendingProcessing', group.pendingRecords],
            ['NumberOfInputTokensProcessedPerMinute', group.inputTokens],
            ['NumberOfOutputTokensProcessedPerMinute', group.outputTokens],
        ];
        if (group.anthropic) {
            values.push(['NumberOfTokensPendingProcessing', group.pendingTokens]);
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

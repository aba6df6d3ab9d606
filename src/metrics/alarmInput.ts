/**
 * Alarm drafts from the panel become PutMetricAlarm inputs here, after the checks the panel can
 * make on its own. Whatever else CloudWatch refuses comes back as its own message.
 */
import type { Dimension, MetricDataQuery, PutMetricAlarmInput } from '@aws-sdk/client-cloudwatch';
import { batchNamespace, isBatchMetricName, modelDimension } from './metricCatalog';
import type { AlarmDraft, Comparison, MissingData } from './protocol';

export const stalledExpression = 'IF(pending > 0 AND FILL(tokens, 0) == 0, 1, 0)';

const comparisons: readonly Comparison[] = [
    'GreaterThanThreshold',
    'GreaterThanOrEqualToThreshold',
    'LessThanThreshold',
    'LessThanOrEqualToThreshold',
];
const missingData: readonly MissingData[] = ['missing', 'notBreaching', 'breaching', 'ignore'];
const statistics = ['Average', 'Maximum', 'Minimum', 'Sum', 'SampleCount'];
const topicArnPattern = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$/;

export type AlarmInputResult =
    | { readonly ok: true; readonly input: PutMetricAlarmInput }
    | { readonly ok: false; readonly problems: readonly string[] };

export function alarmInput(draft: AlarmDraft): AlarmInputResult {
    const problems = draftProblems(draft);
    if (problems.length > 0) {
        return { ok: false, problems };
    }
    const dimensions: Dimension[] = [{ Name: modelDimension, Value: draft.modelId }];
    const topic = draft.topicArn.trim();
    const common = {
        AlarmName: draft.alarmName.trim(),
        ActionsEnabled: true,
        ...(topic === '' ? {} : { AlarmActions: [topic] }),
        EvaluationPeriods: draft.evaluationPeriods,
        ...(draft.datapointsToAlarm === undefined
            ? {}
            : { DatapointsToAlarm: draft.datapointsToAlarm }),
        TreatMissingData: draft.treatMissingData,
    };
    if (draft.kind === 'metric') {
        return {
            ok: true,
            input: {
                ...common,
                AlarmDescription:
                    `Bedrock batch: ${draft.statistic} ${draft.metric} of ${draft.modelId} ` +
                    '(all jobs on this model). Created by Bedrock Batch.',
                Namespace: batchNamespace,
                MetricName: draft.metric,
                Dimensions: dimensions,
                Statistic: draft.statistic,
                Period: draft.period,
                Threshold: draft.threshold,
                ComparisonOperator: draft.comparison,
            },
        };
    }
    const metric = (id: string, name: string, stat: string): MetricDataQuery => ({
        Id: id,
        ReturnData: false,
        MetricStat: {
            Metric: { Namespace: batchNamespace, MetricName: name, Dimensions: dimensions },
            Period: draft.period,
            Stat: stat,
        },
    });
    return {
        ok: true,
        input: {
            ...common,
            AlarmDescription:
                `Bedrock batch: records pending on ${draft.modelId} while no input tokens ` +
                'are processed (all jobs on this model). Created by Bedrock Batch.',
            Metrics: [
                metric('pending', 'NumberOfRecordsPendingProcessing', 'Maximum'),
                metric('tokens', 'NumberOfInputTokensProcessedPerMinute', 'Sum'),
                {
                    Id: 'stalled',
                    Expression: stalledExpression,
                    Label: 'Stalled (1 = records pending, no tokens)',
                    ReturnData: true,
                },
            ],
            Threshold: 1,
            ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        },
    };
}

export function draftProblems(draft: AlarmDraft): string[] {
    const problems: string[] = [];
    const name = draft.alarmName.trim();
    if (name === '') {
        problems.push('Give the alarm a name.');
    } else if (name.length > 255) {
        problems.push('Alarm names are at most 255 characters.');
    } else if ([...name].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) {
        problems.push('Alarm names cannot contain control characters.');
    }
    if (draft.modelId.trim() === '') {
        problems.push('Choose a model.');
    }
    if (!Number.isInteger(draft.period) || draft.period < 60 || draft.period % 60 !== 0) {
        problems.push(
            'The period must be a whole number of minutes (batch metrics are per minute).',
        );
    }
    if (!Number.isInteger(draft.evaluationPeriods) || draft.evaluationPeriods < 1) {
        problems.push('Evaluation periods must be a whole number of at least 1.');
    }
    const datapoints = draft.datapointsToAlarm;
    if (
        datapoints !== undefined &&
        (!Number.isInteger(datapoints) || datapoints < 1 || datapoints > draft.evaluationPeriods)
    ) {
        problems.push('Datapoints to alarm must be between 1 and the evaluation periods.');
    }
    if (!missingData.includes(draft.treatMissingData)) {
        problems.push('Choose how missing data is treated.');
    }
    const topic = draft.topicArn.trim();
    if (topic !== '' && !topicArnPattern.test(topic)) {
        problems.push(
            `"${topic}" is not an SNS topic ARN (arn:aws:sns:<region>:<account>:<name>).`,
        );
    }
    if (draft.kind === 'metric') {
        if (!isBatchMetricName(draft.metric)) {
            problems.push('Choose one of the batch metrics.');
        }
        if (!statistics.includes(draft.statistic)) {
            problems.push('Choose a statistic.');
        }
        if (!comparisons.includes(draft.comparison)) {
            problems.push('Choose a comparison.');
        }
        if (!Number.isFinite(draft.threshold)) {
            problems.push('The threshold must be a number.');
        }
    }
    return problems;
}

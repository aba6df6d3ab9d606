/**
 * Ready-made alarms the form can start from. Drafts only: the user can change any field before
 * the host turns the draft into a PutMetricAlarm call.
 */
import type { AlarmDraft, Comparison, MissingData } from './protocol';

export type AlarmPresetKey = 'highInputTokens' | 'stalledModel' | 'custom';

export interface AlarmPreset {
    readonly key: AlarmPresetKey;
    readonly label: string;
    readonly description: string;
}

export const alarmPresets: readonly AlarmPreset[] = [
    {
        key: 'highInputTokens',
        label: 'High input token rate',
        description: 'Average input tokens per minute above 1,000,000 over 6 hours.',
    },
    {
        key: 'stalledModel',
        label: 'Stalled model',
        description:
            'Records pending but no input tokens processed, for 3 periods of 5 minutes in a row.',
    },
    {
        key: 'custom',
        label: 'Custom',
        description: 'Any batch metric, statistic, period and threshold.',
    },
];

export const comparisons: readonly { readonly value: Comparison; readonly symbol: string }[] = [
    { value: 'GreaterThanThreshold', symbol: '>' },
    { value: 'GreaterThanOrEqualToThreshold', symbol: '>=' },
    { value: 'LessThanThreshold', symbol: '<' },
    { value: 'LessThanOrEqualToThreshold', symbol: '<=' },
];

export const missingDataChoices: readonly {
    readonly value: MissingData;
    readonly label: string;
}[] = [
    { value: 'notBreaching', label: 'Treat as good (not breaching)' },
    { value: 'breaching', label: 'Treat as bad (breaching)' },
    { value: 'ignore', label: 'Ignore (keep the current state)' },
    { value: 'missing', label: 'Treat as missing' },
];

/** Alarm periods offered (seconds); batch metrics are published per minute. */
export const alarmPeriods: readonly number[] = [60, 300, 900, 3600, 21_600, 86_400];

/** A readable default alarm name; CloudWatch allows any printable text up to 255 characters. */
export function defaultAlarmName(preset: AlarmPresetKey, modelId: string, metric?: string): string {
    const what =
        preset === 'highInputTokens'
            ? 'high-input-tokens'
            : preset === 'stalledModel'
              ? 'stalled'
              : (metric ?? 'metric');
    return `bedrock-batch ${what} ${modelId}`.slice(0, 255);
}

export function presetDraft(preset: AlarmPresetKey, modelId: string, topicArn: string): AlarmDraft {
    switch (preset) {
        case 'highInputTokens':
            return {
                kind: 'metric',
                alarmName: defaultAlarmName(preset, modelId),
                modelId,
                metric: 'NumberOfInputTokensProcessedPerMinute',
                statistic: 'Average',
                period: 21_600,
                evaluationPeriods: 1,
                comparison: 'GreaterThanThreshold',
                threshold: 1_000_000,
                treatMissingData: 'notBreaching',
                topicArn,
            };
        case 'stalledModel':
            return {
                kind: 'stalled',
                alarmName: defaultAlarmName(preset, modelId),
                modelId,
                period: 300,
                evaluationPeriods: 3,
                datapointsToAlarm: 3,
                // No data means no job is waiting: nothing is stalled.
                treatMissingData: 'notBreaching',
                topicArn,
            };
        case 'custom':
            return {
                kind: 'metric',
                alarmName: defaultAlarmName(preset, modelId, 'NumberOfRecordsPendingProcessing'),
                modelId,
                metric: 'NumberOfRecordsPendingProcessing',
                statistic: 'Maximum',
                period: 300,
                evaluationPeriods: 1,
                comparison: 'GreaterThanThreshold',
                threshold: 0,
                treatMissingData: 'missing',
                topicArn,
            };
    }
}

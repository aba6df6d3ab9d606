/**
 * Everything that reaches the host from outside — the command's argument, the state a restored
 * panel hands back, the webview's messages — checked and trimmed to a known shape here.
 */
import type {
    AlarmDraft,
    Comparison,
    FixAction,
    MissingData,
    PersistedState,
    RangeKey,
    RangeSelection,
    Selection,
    WebviewMessage,
} from './protocol';
import type { BatchMetricName, Statistic } from './metricCatalog';

/** More series than this per chart is unreadable and would page GetMetricData. */
export const maxModels = 20;
const maxIdLength = 2048;
const rangeKeys: readonly RangeKey[] = ['1h', '3h', '12h', '1d', '1w', 'custom'];
const fixActions: readonly FixAction[] = ['configureProfile', 'copyLoginCommand'];

export const defaultRange: RangeSelection = { key: '3h' };

/** What `bedrockBatch.openMetrics` was given: its documented argument or an explorer node. */
export function parseOpenArgs(arg: unknown): Partial<Selection> {
    if (!isRecord(arg)) {
        return {};
    }
    const job = isRecord(arg['job']) ? arg['job'] : undefined;
    const region = text(arg['region']);
    const modelId = text(arg['modelId']) ?? text(job?.['modelId']);
    const jobArn = text(arg['jobArn']) ?? text(job?.['jobArn']);
    const from = time(arg['from']);
    const to = time(arg['to']);
    const range: RangeSelection | undefined =
        from === undefined
            ? undefined
            : to === undefined || to <= from
              ? { key: 'custom', from }
              : { key: 'custom', from, to };
    return {
        ...(region === undefined ? {} : { region }),
        ...(modelId === undefined ? {} : { modelIds: [modelId] }),
        ...(jobArn === undefined ? {} : { jobArn }),
        ...(range === undefined ? {} : { range }),
    };
}

export function parseSelection(value: unknown): Selection | undefined {
    if (!isRecord(value)) {
        return undefined;
    }
    const region = text(value['region']);
    const modelIds = Array.isArray(value['modelIds'])
        ? [
              ...new Set(
                  value['modelIds'].map(text).filter((id): id is string => id !== undefined),
              ),
          ].slice(0, maxModels)
        : [];
    const range = parseRange(value['range']) ?? defaultRange;
    const jobArn = text(value['jobArn']);
    return {
        ...(region === undefined ? {} : { region }),
        modelIds,
        range,
        ...(jobArn === undefined ? {} : { jobArn }),
    };
}

/** The state a restored panel hands back; undefined when it is not one of ours. */
export function parsePersistedState(value: unknown): PersistedState | undefined {
    if (!isRecord(value) || value['version'] !== 1) {
        return undefined;
    }
    const selection = parseSelection(value);
    return selection === undefined
        ? undefined
        : { ...selection, version: 1, paused: value['paused'] === true };
}

function parseRange(value: unknown): RangeSelection | undefined {
    if (!isRecord(value)) {
        return undefined;
    }
    const key = rangeKeys.find((k) => k === value['key']);
    if (key === undefined) {
        return undefined;
    }
    if (key !== 'custom') {
        return { key };
    }
    const from = time(value['from']);
    const to = time(value['to']);
    if (from === undefined) {
        return undefined;
    }
    return to === undefined || to <= from ? { key, from } : { key, from, to };
}

/** A message from the webview, or undefined when it is not one the protocol knows. */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
    if (!isRecord(value)) {
        return undefined;
    }
    switch (value['type']) {
        case 'ready':
        case 'refresh':
        case 'createDashboard':
            return { type: value['type'] };
        case 'pause':
            return { type: 'pause', paused: value['paused'] === true };
        case 'select': {
            const selection = parseSelection(value['selection']);
            return selection === undefined ? undefined : { type: 'select', selection };
        }
        case 'createAlarm': {
            const draft = parseDraft(value['draft']);
            return draft === undefined ? undefined : { type: 'createAlarm', draft };
        }
        case 'deleteAlarm': {
            const alarmName = text(value['alarmName']);
            return alarmName === undefined ? undefined : { type: 'deleteAlarm', alarmName };
        }
        case 'runInsights':
            return typeof value['query'] === 'string'
                ? { type: 'runInsights', query: value['query'] }
                : undefined;
        case 'copy':
            return typeof value['text'] === 'string'
                ? { type: 'copy', text: value['text'] }
                : undefined;
        case 'fix': {
            const action = fixActions.find((a) => a === value['action']);
            return action === undefined ? undefined : { type: 'fix', action };
        }
        case 'cspViolation':
            return {
                type: 'cspViolation',
                directive: text(value['directive']) ?? '',
                blocked: text(value['blocked']) ?? '',
            };
        default:
            return undefined;
    }
}

/** Field types only; the values are checked by `draftProblems` before anything is sent. */
function parseDraft(value: unknown): AlarmDraft | undefined {
    if (!isRecord(value)) {
        return undefined;
    }
    const { alarmName, modelId, treatMissingData, topicArn, period, evaluationPeriods } = value;
    const datapoints = value['datapointsToAlarm'];
    if (
        typeof alarmName !== 'string' ||
        typeof modelId !== 'string' ||
        typeof treatMissingData !== 'string' ||
        typeof topicArn !== 'string' ||
        typeof period !== 'number' ||
        typeof evaluationPeriods !== 'number' ||
        (datapoints !== undefined && typeof datapoints !== 'number')
    ) {
        return undefined;
    }
    const base = {
        alarmName,
        modelId,
        period,
        evaluationPeriods,
        ...(datapoints === undefined ? {} : { datapointsToAlarm: datapoints }),
        treatMissingData: treatMissingData as MissingData,
        topicArn,
    };
    if (value['kind'] === 'stalled') {
        return { kind: 'stalled', ...base };
    }
    const { metric, statistic, comparison, threshold } = value;
    if (
        value['kind'] !== 'metric' ||
        typeof metric !== 'string' ||
        typeof statistic !== 'string' ||
        typeof comparison !== 'string' ||
        typeof threshold !== 'number'
    ) {
        return undefined;
    }
    return {
        kind: 'metric',
        ...base,
        metric: metric as BatchMetricName,
        statistic: statistic as Statistic,
        comparison: comparison as Comparison,
        threshold,
    };
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
    if (typeof value !== 'string') {
        return undefined;
    }
    const trimmed = value.trim();
    return trimmed === '' || trimmed.length > maxIdLength ? undefined : trimmed;
}

function time(value: unknown): number | undefined {
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
        return value;
    }
    if (value instanceof Date && !Number.isNaN(value.getTime())) {
        return value.getTime();
    }
    return undefined;
}

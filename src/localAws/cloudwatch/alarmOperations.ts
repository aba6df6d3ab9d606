/**
 * PutMetricAlarm, DescribeAlarms, DescribeAlarmsForMetric, DeleteAlarms and SetAlarmState, and
 * the evaluation of every alarm at each simulated minute. Evaluation runs lazily (before each
 * CloudWatch request and on `catchUp`), minute by minute, so it sees the datapoints the job
 * simulator published for the same minutes whatever order the clock listeners ran in.
 */
import type { Alarm, AlarmState, FiredAction, SingleMetric } from './alarmModel';
import { COMPARISON_OPERATORS, TREAT_MISSING, describeAlarm } from './alarmModel';
import { evaluateAlarm } from './alarmEvaluation';
import type { Params } from './input';
import type { MetricStore } from './metricStore';
import type { Scope } from './metricOperations';
import { decodeToken, encodeToken } from './paging';
import { UNITS, parseDimensions, parseQueries, validPeriod } from './queries';
import { isPercentile } from './statistics';
import { cloudWatchError, combination, invalidValue, missing } from './wire';

const MINUTE_MS = 60_000;
const STATES: readonly AlarmState[] = ['OK', 'ALARM', 'INSUFFICIENT_DATA'];
const ACTION_ARN = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:[0-9]{0,12}:.+$/;

export class AlarmOperations {
    private readonly alarms = new Map<string, Alarm>();
    private readonly fired: FiredAction[] = [];
    private lastEvaluationMs: number;

    constructor(
        private readonly store: MetricStore,
        private readonly now: () => number,
    ) {
        this.lastEvaluationMs = Math.floor(now() / MINUTE_MS) * MINUTE_MS;
    }

    /** Evaluates every alarm at each whole minute up to `untilMs` (default: now). */
    catchUp(untilMs = this.now()): void {
        const until = Math.floor(untilMs / MINUTE_MS) * MINUTE_MS;
        if (this.alarms.size === 0) {
            this.lastEvaluationMs = Math.max(this.lastEvaluationMs, until);
            return;
        }
        for (let t = this.lastEvaluationMs + MINUTE_MS; t <= until; t += MINUTE_MS) {
            for (const alarm of this.alarms.values()) {
                const verdict = evaluateAlarm(
                    alarm,
                    this.store.all(alarm.accountId, alarm.region),
                    t,
                );
                if (verdict !== undefined && verdict.state !== alarm.state) {
                    this.transition(alarm, verdict.state, verdict.reason, verdict.reasonData, t);
                }
            }
            this.lastEvaluationMs = t;
        }
    }

    /** Actions fired so far, oldest first (an SNS ARN in AlarmActions means a notification). */
    firedActions(): FiredAction[] {
        return [...this.fired];
    }

    allAlarms(): Alarm[] {
        return [...this.alarms.values()];
    }

    putMetricAlarm(scope: Scope, p: Params): Record<string, never> {
        const name = p.text('AlarmName', { required: true, min: 1, max: 255 });
        const description = p.text('AlarmDescription', { min: 0, max: 1024 });
        const evaluationPeriods = p.number('EvaluationPeriods', {
            required: true,
            min: 1,
            integer: true,
        });
        const datapointsToAlarm = p.number('DatapointsToAlarm', { min: 1, integer: true });
        if (datapointsToAlarm !== undefined && datapointsToAlarm > evaluationPeriods) {
            throw invalidValue(
                'DatapointsToAlarm must be less than or equal to EvaluationPeriods.',
            );
        }
        const comparisonOperator = p.text('ComparisonOperator', {
            required: true,
            oneOf: COMPARISON_OPERATORS,
        });
        const treatMissingData = p.text('TreatMissingData', { oneOf: TREAT_MISSING });
        const thresholdMetricId = p.text('ThresholdMetricId', { min: 1, max: 255 });
        const threshold = p.number('Threshold');
        if (threshold === undefined && thresholdMetricId === undefined) {
            throw missing('Threshold');
        }
        const evaluateLow = p.text('EvaluateLowSampleCountPercentile', {
            oneOf: ['evaluate', 'ignore'],
        });
        const actions = (member: string): string[] => {
            const arns = p.strings(member, { max: 5 });
            for (const arn of arns) {
                if (!ACTION_ARN.test(arn)) {
                    throw invalidValue(`Invalid arn syntax: ${arn}`);
                }
            }
            return arns;
        };
        const single =
            p.has('MetricName') ||
            p.has('Namespace') ||
            p.has('Statistic') ||
            p.has('ExtendedStatistic');
        let metric: SingleMetric | undefined;
        let metrics: Alarm['metrics'];
        if (single && p.has('Metrics')) {
            throw combination(
                'The parameters MetricName and Metrics are mutually exclusive and you have ' +
                    'specified both.',
            );
        }
        if (p.has('Metrics')) {
            const queries = parseQueries(p.objects('Metrics', { min: 1, max: 20 }));
            if (queries.filter((q) => q.returnData).length !== 1) {
                throw invalidValue('Exactly one element of the metrics list should return data.');
            }
            metrics = { queries, raw: p.value['Metrics'] };
        } else {
            metric = singleMetric(p);
        }
        const periodSeconds = metric?.periodSeconds ?? 60;
        if (periodSeconds * evaluationPeriods > 7 * 24 * 3600) {
            throw invalidValue(
                'The evaluation period (Period * EvaluationPeriods) must not exceed 7 days.',
            );
        }
        const now = this.now();
        const key = this.key(scope, name);
        const existing = this.alarms.get(key);
        const alarm: Alarm = {
            accountId: scope.accountId,
            region: scope.region,
            name,
            arn: `arn:aws:cloudwatch:${scope.region}:${scope.accountId}:alarm:${name}`,
            ...(description === undefined ? {} : { description }),
            actionsEnabled: p.bool('ActionsEnabled') ?? true,
            okActions: actions('OKActions'),
            alarmActions: actions('AlarmActions'),
            insufficientDataActions: actions('InsufficientDataActions'),
            ...(metric === undefined ? {} : { metric }),
            ...(metrics === undefined ? {} : { metrics }),
            ...(thresholdMetricId === undefined ? {} : { thresholdMetricId }),
            evaluationPeriods,
            ...(datapointsToAlarm === undefined ? {} : { datapointsToAlarm }),
            ...(threshold === undefined ? {} : { threshold }),
            comparisonOperator,
            ...(treatMissingData === undefined ? {} : { treatMissingData }),
            ...(evaluateLow === undefined ? {} : { evaluateLowSampleCountPercentile: evaluateLow }),
            configurationUpdatedMs: now,
            state: existing?.state ?? 'INSUFFICIENT_DATA',
            stateReason: existing?.stateReason ?? 'Unchecked: Initial alarm creation',
            ...(existing?.stateReasonData === undefined
                ? {}
                : { stateReasonData: existing.stateReasonData }),
            stateUpdatedMs: existing?.stateUpdatedMs ?? now,
            stateTransitionedMs: existing?.stateTransitionedMs ?? now,
            tags:
                existing?.tags ??
                p.objects('Tags').map((t) => ({
                    Key: t.text('Key', { required: true, min: 1, max: 128 }),
                    Value: t.text('Value', { required: true, min: 0, max: 256 }),
                })),
        };
        this.alarms.set(key, alarm);
        return {};
    }

    describeAlarms(scope: Scope, p: Params): Record<string, unknown> {
        const names = p.strings('AlarmNames', { max: 100 });
        const prefix = p.text('AlarmNamePrefix', { min: 1, max: 255 });
        if (names.length > 0 && prefix !== undefined) {
            throw combination('AlarmNames and AlarmNamePrefix cannot be specified together.');
        }
        const actionPrefix = p.text('ActionPrefix', { min: 1, max: 1024 });
        const stateValue = p.text('StateValue', { oneOf: STATES });
        const types = p.strings('AlarmTypes');
        for (const type of types) {
            if (type !== 'MetricAlarm' && type !== 'CompositeAlarm') {
                throw invalidValue(`The value ${type} for parameter AlarmTypes is not valid.`);
            }
        }
        const maxRecords = p.number('MaxRecords', { min: 1, max: 100, integer: true }) ?? 50;
        const wantMetric = types.length === 0 || types.includes('MetricAlarm');
        const alarms = this.inScope(scope)
            .filter((a) => names.length === 0 || names.includes(a.name))
            .filter((a) => prefix === undefined || a.name.startsWith(prefix))
            .filter((a) => stateValue === undefined || a.state === stateValue)
            .filter(
                (a) =>
                    actionPrefix === undefined ||
                    [...a.alarmActions, ...a.okActions, ...a.insufficientDataActions].some((x) =>
                        x.startsWith(actionPrefix),
                    ),
            );
        const fingerprint = JSON.stringify([names, prefix, actionPrefix, stateValue, types]);
        const offset = decodeToken(p.text('NextToken'), fingerprint);
        const page = wantMetric ? alarms.slice(offset, offset + maxRecords) : [];
        const end = offset + page.length;
        return {
            ...(wantMetric ? { MetricAlarms: page.map((a) => describeAlarm(a)) } : {}),
            ...(types.includes('CompositeAlarm') ? { CompositeAlarms: [] } : {}),
            ...(wantMetric && end < alarms.length
                ? { NextToken: encodeToken(end, fingerprint) }
                : {}),
        };
    }

    describeAlarmsForMetric(scope: Scope, p: Params): Record<string, unknown> {
        const namespace = p.text('Namespace', { required: true, min: 1, max: 255 });
        const metricName = p.text('MetricName', { required: true, min: 1, max: 255 });
        const statistic = p.text('Statistic');
        const extended = p.text('ExtendedStatistic');
        const period = p.number('Period', { min: 1, integer: true });
        const unit = p.text('Unit', { oneOf: UNITS });
        const dimensions = p.has('Dimensions') ? parseDimensions(p, 'Dimensions') : undefined;
        const dimensionKey = (list: ReadonlyArray<{ name: string; value: string }>): string =>
            JSON.stringify(list.map((d) => [d.name, d.value]).sort());
        const alarms = this.inScope(scope).filter((a) => {
            const m = a.metric;
            return (
                m !== undefined &&
                m.namespace === namespace &&
                m.metricName === metricName &&
                (statistic === undefined || m.statistic === statistic) &&
                (extended === undefined || m.extendedStatistic === extended) &&
                (period === undefined || m.periodSeconds === period) &&
                (unit === undefined || m.unit === unit) &&
                (dimensions === undefined ||
                    dimensionKey(m.dimensions) === dimensionKey(dimensions))
            );
        });
        return { MetricAlarms: alarms.map((a) => describeAlarm(a)) };
    }

    deleteAlarms(scope: Scope, p: Params): Record<string, never> {
        const names = p.strings('AlarmNames', { required: true, max: 100 });
        const unknown = names.filter((n) => !this.alarms.has(this.key(scope, n)));
        if (unknown.length > 0) {
            throw cloudWatchError(
                'ResourceNotFound',
                `${unknown.length} of the alarms you specified (` +
                    `${unknown.join(', ')}) were not found.`,
            );
        }
        for (const name of names) {
            this.alarms.delete(this.key(scope, name));
        }
        return {};
    }

    setAlarmState(scope: Scope, p: Params): Record<string, never> {
        const name = p.text('AlarmName', { required: true, min: 1, max: 255 });
        const state = p.text('StateValue', { required: true, oneOf: STATES }) as AlarmState;
        const reason = p.text('StateReason', { required: true, min: 0, max: 1023 });
        const data = p.text('StateReasonData', { min: 0, max: 4000 });
        if (data !== undefined) {
            try {
                JSON.parse(data);
            } catch {
                throw cloudWatchError(
                    'InvalidFormatFault',
                    'The parameter StateReasonData must be valid JSON.',
                );
            }
        }
        const alarm = this.alarms.get(this.key(scope, name));
        if (alarm === undefined) {
            throw cloudWatchError('ResourceNotFound', `Alarm ${name} not found`);
        }
        if (alarm.state !== state) {
            this.transition(alarm, state, reason, data, this.now());
        } else {
            alarm.stateReason = reason;
            alarm.stateUpdatedMs = this.now();
        }
        return {};
    }

    private transition(
        alarm: Alarm,
        state: AlarmState,
        reason: string,
        reasonData: string | undefined,
        atMs: number,
    ): void {
        const oldState = alarm.state;
        alarm.state = state;
        alarm.stateReason = reason;
        if (reasonData === undefined) {
            delete alarm.stateReasonData;
        } else {
            alarm.stateReasonData = reasonData;
        }
        alarm.stateUpdatedMs = atMs;
        alarm.stateTransitionedMs = atMs;
        if (!alarm.actionsEnabled) {
            return;
        }
        const actions =
            state === 'ALARM'
                ? alarm.alarmActions
                : state === 'OK'
                  ? alarm.okActions
                  : alarm.insufficientDataActions;
        for (const action of actions) {
            this.fired.push({
                timestampMs: atMs,
                alarmName: alarm.name,
                alarmArn: alarm.arn,
                action,
                oldState,
                newState: state,
                reason,
                region: alarm.region,
                accountId: alarm.accountId,
            });
        }
    }

    private inScope(scope: Scope): Alarm[] {
        return [...this.alarms.values()]
            .filter((a) => a.accountId === scope.accountId && a.region === scope.region)
            .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    }

    private key(scope: Scope, name: string): string {
        return `${scope.accountId}/${scope.region}/${name}`;
    }
}

function singleMetric(p: Params): SingleMetric {
    const namespace = p.text('Namespace', { required: true, min: 1, max: 255 });
    const metricName = p.text('MetricName', { required: true, min: 1, max: 255 });
    const statistic = p.text('Statistic', {
        oneOf: ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'],
    });
    const extendedStatistic = p.text('ExtendedStatistic');
    if ((statistic === undefined) === (extendedStatistic === undefined)) {
        throw combination(
            'Exactly one of the Statistic and ExtendedStatistic parameters must be specified.',
        );
    }
    if (extendedStatistic !== undefined && !isPercentile(extendedStatistic)) {
        throw invalidValue(
            `The value ${extendedStatistic} for parameter ExtendedStatistic is not supported.`,
        );
    }
    const periodSeconds = p.number('Period', { required: true, min: 10, integer: true });
    if (!validPeriod(periodSeconds) || periodSeconds < 10) {
        throw invalidValue('The parameter Period must be 10, 20, 30 or a multiple of 60.');
    }
    const unit = p.text('Unit', { oneOf: UNITS });
    return {
        namespace,
        metricName,
        dimensions: parseDimensions(p, 'Dimensions'),
        ...(statistic === undefined ? {} : { statistic }),
        ...(extendedStatistic === undefined ? {} : { extendedStatistic }),
        periodSeconds,
        ...(unit === undefined ? {} : { unit }),
    };
}

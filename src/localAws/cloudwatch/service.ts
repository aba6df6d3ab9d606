/**
 * The simulated CloudWatch (awsJson1_0, query-compatible, signing name `monitoring`): metrics,
 * Metrics Insights, metric math, alarms evaluated on the shared clock, dashboards. It is also the
 * MetricSink the Bedrock job simulator publishes AWS/Bedrock/Batch datapoints into.
 */
import type {
    Clock,
    LocalAwsError,
    LocalRequest,
    LocalResponse,
    MetricDatum,
    MetricSink,
    ServiceModule,
} from '../types';
import { AlarmOperations } from './alarmOperations';
import type { Alarm, FiredAction } from './alarmModel';
import { DashboardOperations } from './dashboards';
import { Params } from './input';
import { MetricOperations } from './metricOperations';
import type { Scope } from './metricOperations';
import { MetricStore } from './metricStore';
import type { Dimension } from './metricStore';
import { errorResponse, invalidValue, jsonResponse } from './wire';

const TARGET_PREFIX = 'GraniteServiceVersion20100801.';
const EVALUATION_LAG_MS = 60_000;

function isScaled(clock: Clock): boolean {
    return (clock as Clock & { kind?: string }).kind === 'scaled';
}

export const OPERATIONS = [
    'PutMetricData',
    'GetMetricData',
    'ListMetrics',
    'PutMetricAlarm',
    'DescribeAlarms',
    'DeleteAlarms',
    'DescribeAlarmsForMetric',
    'SetAlarmState',
    'PutDashboard',
    'GetDashboard',
    'ListDashboards',
    'DeleteDashboards',
] as const;

export interface CloudWatchServiceDeps {
    readonly clock: Clock;
    readonly accountId: string;
    readonly region: string;
}

export class CloudWatchService implements ServiceModule, MetricSink {
    readonly signingName = 'monitoring';
    readonly protocol = 'awsJson' as const;
    readonly store = new MetricStore();
    private readonly metrics: MetricOperations;
    private readonly alarms: AlarmOperations;
    private readonly dashboards: DashboardOperations;
    private readonly defaultScope: Scope;
    private readonly unsubscribe: () => void;
    private pending: NodeJS.Timeout | undefined;

    constructor(private readonly deps: CloudWatchServiceDeps) {
        const now = (): number => deps.clock.now();
        this.metrics = new MetricOperations(this.store, now);
        this.alarms = new AlarmOperations(this.store, now);
        this.dashboards = new DashboardOperations(now);
        this.defaultScope = { accountId: deps.accountId, region: deps.region };
        this.unsubscribe = isScaled(deps.clock)
            ? deps.clock.onAdvance(() => this.scheduleEvaluation())
            : () => undefined;
    }

    dispose(): void {
        this.unsubscribe();
        if (this.pending !== undefined) {
            clearTimeout(this.pending);
        }
    }

    /**
     * On a scaled (demo) clock alarms also evaluate as time passes, one minute behind the clock
     * so the job simulator's asynchronous catch-up has published that minute. On a manual clock
     * they evaluate before each CloudWatch request, which keeps tests deterministic.
     */
    private scheduleEvaluation(): void {
        if (this.pending !== undefined) {
            return;
        }
        this.pending = setTimeout(() => {
            this.pending = undefined;
            this.alarms.catchUp(this.deps.clock.now() - EVALUATION_LAG_MS);
        }, 0);
        this.pending.unref();
    }

    operationOf(req: LocalRequest): string | undefined {
        const target = req.headers['x-amz-target'];
        const text = Array.isArray(target) ? target[0] : target;
        if (req.method !== 'POST' || text === undefined || !text.startsWith(TARGET_PREFIX)) {
            return undefined;
        }
        const operation = text.slice(TARGET_PREFIX.length);
        return (OPERATIONS as readonly string[]).includes(operation) ? operation : undefined;
    }

    handle(operation: string, req: LocalRequest): Promise<LocalResponse> {
        const scope: Scope = { accountId: req.accountId, region: req.region };
        return Promise.resolve(jsonResponse(this.run(operation, scope, parseBody(req.body))));
    }

    errorResponse(error: LocalAwsError, req: LocalRequest): LocalResponse {
        return errorResponse(error, req.requestId);
    }

    /** MetricSink: datapoints from the other simulators (the Bedrock job simulator). */
    put(datum: MetricDatum): void {
        this.putDatum(datum);
    }

    // ---- library API ----

    /** Stores a datapoint directly, in any namespace (AWS/... included), for tests and demos. */
    putDatum(datum: MetricDatum): void {
        this.store.put(
            datum.accountId ?? this.deps.accountId,
            datum.region ?? this.deps.region,
            {
                namespace: datum.namespace,
                metricName: datum.metricName,
                dimensions: datum.dimensions.map((d): Dimension => ({
                    name: d.name,
                    value: d.value,
                })),
            },
            {
                timestampMs: datum.timestampMs,
                sampleCount: 1,
                sum: datum.value,
                minimum: datum.value,
                maximum: datum.value,
                values: [datum.value],
                unit: datum.unit ?? 'None',
            },
        );
    }

    /** Evaluates alarms up to the clock. */
    catchUp(): void {
        this.alarms.catchUp();
    }

    firedAlarmActions(): FiredAction[] {
        this.alarms.catchUp();
        return this.alarms.firedActions();
    }

    alarmList(): Alarm[] {
        this.alarms.catchUp();
        return this.alarms.allAlarms();
    }

    get defaultAccount(): Scope {
        return this.defaultScope;
    }

    private run(operation: string, scope: Scope, params: Params): Record<string, unknown> {
        this.alarms.catchUp();
        switch (operation) {
            case 'PutMetricData':
                return this.metrics.putMetricData(scope, params);
            case 'GetMetricData':
                return this.metrics.getMetricData(scope, params);
            case 'ListMetrics':
                return this.metrics.listMetrics(scope, params);
            case 'PutMetricAlarm':
                return this.alarms.putMetricAlarm(scope, params);
            case 'DescribeAlarms':
                return this.alarms.describeAlarms(scope, params);
            case 'DeleteAlarms':
                return this.alarms.deleteAlarms(scope, params);
            case 'DescribeAlarmsForMetric':
                return this.alarms.describeAlarmsForMetric(scope, params);
            case 'SetAlarmState':
                return this.alarms.setAlarmState(scope, params);
            case 'PutDashboard':
                return this.dashboards.put(scope, params);
            case 'GetDashboard':
                return this.dashboards.get(scope, params);
            case 'ListDashboards':
                return this.dashboards.list(scope, params);
            case 'DeleteDashboards':
                return this.dashboards.delete(scope, params);
            default:
                throw invalidValue(`Unsupported operation ${operation}`);
        }
    }
}

function parseBody(body: Buffer): Params {
    if (body.length === 0) {
        return Params.of({});
    }
    let value: unknown;
    try {
        value = JSON.parse(body.toString('utf8'));
    } catch {
        throw invalidValue('The request body is not valid JSON.');
    }
    return Params.of(value);
}

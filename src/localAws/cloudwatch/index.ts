/**
 * The CloudWatch module of the local endpoint. It is the MetricSink the job simulator publishes
 * AWS/Bedrock/Batch datapoints into.
 *
 * Library API (`aws.state('cloudwatch')` is the CloudWatchService): `putDatum(datum)` (any
 * namespace, AWS/... included), `catchUp()` (evaluate alarms up to the clock),
 * `firedAlarmActions()`, `alarmList()`, `store`.
 *
 * Control routes: GET /__local/cloudwatch/alarm-actions, POST /__local/cloudwatch/datapoints
 * {datapoints: [...]}, POST /__local/cloudwatch/evaluate.
 */
import type {
    ControlRequest,
    MetricDatum,
    ServiceModuleContext,
    ServiceModuleFactory,
} from '../types';
import { CloudWatchService } from './service';
import { invalidValue } from './wire';

export { CloudWatchService } from './service';
export type { FiredAction } from './alarmModel';

export function cloudWatchModule(): ServiceModuleFactory {
    return {
        name: 'monitoring',
        create(context: ServiceModuleContext): CloudWatchService {
            const service = new CloudWatchService({
                clock: context.clock,
                accountId: context.accountId,
                region: context.region,
            });
            context.provideMetricSink(service);
            context.exposeState('cloudwatch', service);
            context.onStop(() => service.dispose());
            registerControlRoutes(context, service);
            return service;
        },
    };
}

function registerControlRoutes(context: ServiceModuleContext, service: CloudWatchService): void {
    context.registerControlRoute('GET', '/__local/cloudwatch/alarm-actions', () => ({
        actions: service.firedAlarmActions(),
    }));
    context.registerControlRoute('POST', '/__local/cloudwatch/datapoints', (req) => {
        const data = datapoints(req, context);
        for (const datum of data) {
            service.putDatum(datum);
        }
        return { stored: data.length };
    });
    context.registerControlRoute('POST', '/__local/cloudwatch/evaluate', () => {
        service.catchUp();
        return { nowMs: context.clock.now() };
    });
}

/**
 * `{ datapoints: [{ namespace, metricName, dimensions?: [{ name, value }], value, timestampMs?,
 * unit?, region?, accountId? }] }`
 */
function datapoints(req: ControlRequest, context: ServiceModuleContext): MetricDatum[] {
    const body = req.body as { datapoints?: unknown } | undefined;
    if (body === undefined || !Array.isArray(body.datapoints)) {
        throw invalidValue('Expected a JSON body with a datapoints array.');
    }
    return body.datapoints.map((raw: unknown, i: number) => {
        const d = (raw ?? {}) as Record<string, unknown>;
        if (
            typeof d['namespace'] !== 'string' ||
            typeof d['metricName'] !== 'string' ||
            typeof d['value'] !== 'number'
        ) {
            throw invalidValue(`datapoints[${i}] needs namespace, metricName and a numeric value.`);
        }
        const dimensions = Array.isArray(d['dimensions'])
            ? (d['dimensions'] as Array<Record<string, unknown>>)
            : [];
        return {
            namespace: d['namespace'],
            metricName: d['metricName'],
            dimensions: dimensions.map((dim) => ({
                name: String(dim['name']),
                value: String(dim['value']),
            })),
            value: d['value'],
            timestampMs:
                typeof d['timestampMs'] === 'number' ? d['timestampMs'] : context.clock.now(),
            ...(typeof d['unit'] === 'string' ? { unit: d['unit'] } : {}),
            ...(typeof d['region'] === 'string' ? { region: d['region'] } : {}),
            ...(typeof d['accountId'] === 'string' ? { accountId: d['accountId'] } : {}),
        };
    });
}

/** The control routes every endpoint has: health, request log, faults and the clock. */
import { LocalAwsError } from '../types';
import type { ControlRouter } from './controlRoutes';
import type { ManualClock, ScaledClock } from './clock';
import type { FaultRegistry, FaultSpec } from './faults';
import type { RequestLog } from './requestLog';

export interface BuiltinRouteDeps {
    readonly control: ControlRouter;
    readonly faults: FaultRegistry;
    readonly requestLog: RequestLog;
    readonly clock: ManualClock | ScaledClock;
    readonly health: () => Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalNumber(query: URLSearchParams, name: string): number | undefined {
    const text = query.get(name);
    if (text === null) {
        return undefined;
    }
    const value = Number(text);
    if (!Number.isFinite(value)) {
        throw new LocalAwsError('BadRequest', 400, `${name} must be a number`);
    }
    return value;
}

export function registerBuiltinRoutes(deps: BuiltinRouteDeps): void {
    const { control, faults, requestLog, clock } = deps;
    control.register('GET', '/__local/health', () => deps.health());
    control.register('GET', '/__local/requests', (req) => ({
        requests: requestLog.list({
            service: req.query.get('service') ?? undefined,
            operation: req.query.get('operation') ?? undefined,
            since: optionalNumber(req.query, 'since'),
        }),
    }));
    control.register('DELETE', '/__local/requests', () => {
        requestLog.clear();
        return {};
    });
    control.register('GET', '/__local/faults', () => ({ faults: faults.list() }));
    control.register('POST', '/__local/faults', (req) => {
        const specs: unknown[] = Array.isArray(req.body) ? req.body : [req.body];
        const ids = specs.map((spec) => {
            if (!isRecord(spec)) {
                throw new LocalAwsError(
                    'BadRequest',
                    400,
                    'a fault is a JSON object with at least "kind"',
                );
            }
            return faults.add(spec as unknown as FaultSpec);
        });
        return { ids, faults: faults.list() };
    });
    control.register('DELETE', '/__local/faults', () => {
        faults.clear();
        return { faults: [] };
    });
    control.register('DELETE', '/__local/faults/:id', (req) => {
        const id = req.params['id'] ?? '';
        if (!faults.remove(id)) {
            throw new LocalAwsError('NotFound', 404, `no fault ${id}`);
        }
        return { faults: faults.list() };
    });
    control.register('GET', '/__local/clock', () => ({ kind: clock.kind, nowMs: clock.now() }));
    control.register('POST', '/__local/clock', (req) => {
        if (clock.kind !== 'manual') {
            throw new LocalAwsError(
                'Conflict',
                409,
                'the clock runs on its own (scaled); start with a manual clock to move it',
            );
        }
        const body = isRecord(req.body) ? req.body : {};
        const { advanceMs, setMs } = body;
        try {
            if (typeof advanceMs === 'number') {
                clock.advance(advanceMs);
            } else if (typeof setMs === 'number') {
                clock.set(setMs);
            } else {
                throw new LocalAwsError(
                    'BadRequest',
                    400,
                    'send {"advanceMs": n} or {"setMs": epochMs}',
                );
            }
        } catch (error) {
            if (error instanceof RangeError) {
                throw new LocalAwsError('BadRequest', 400, error.message);
            }
            throw error;
        }
        return { kind: clock.kind, nowMs: clock.now() };
    });
}

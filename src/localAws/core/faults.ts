/** Faults injected into matching requests; each consumes one unit of its count per request hit. */
import { LocalAwsError } from '../types';

export const FAULT_KINDS = [
    'throttle',
    'serverError',
    'unavailable',
    'error',
    'delay',
    'dropMidBody',
    'dropBeforeResponse',
    'expiredCredentials',
    'invalidCredentials',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
    readonly kind: FaultKind;
    /** Signing name (s3, bedrock, monitoring, sts, iam, sns); any service when omitted. */
    readonly service?: string;
    /** Operation name as the module reports it; any operation when omitted. */
    readonly operation?: string;
    /** Region from the request's signature; any region when omitted. */
    readonly region?: string;
    /** How many matching requests it hits (default 1), or 'untilCleared'. */
    readonly count?: number | 'untilCleared';
    /** For 'delay': how long to hold the request before handling it. */
    readonly delayMs?: number;
    /** For 'error' (required) or to override the protocol's default throttle/5xx error. */
    readonly error?: { readonly code: string; readonly status: number; readonly message?: string };
    /**
     * For 'dropBeforeResponse': run the operation and then drop the connection (default), or
     * drop without running it (false).
     */
    readonly afterHandling?: boolean;
}

export interface ActiveFault extends FaultSpec {
    readonly id: string;
    /** Matching requests still to hit; null when it lasts until cleared. */
    readonly remaining: number | null;
    readonly hits: number;
}

interface MutableFault {
    readonly id: string;
    readonly spec: FaultSpec;
    remaining: number | null;
    hits: number;
}

export class FaultRegistry {
    private readonly faults: MutableFault[] = [];
    private nextId = 1;

    /** Adds a fault and returns its id. */
    add(spec: FaultSpec): string {
        validateFault(spec);
        const id = `fault-${this.nextId++}`;
        const count = spec.count ?? 1;
        this.faults.push({ id, spec, remaining: count === 'untilCleared' ? null : count, hits: 0 });
        return id;
    }

    /** Shorthand: the next `count` matching requests get the protocol's throttling error. */
    throttle(service?: string, operation?: string, count = 1): string {
        return this.add({ kind: 'throttle', service, operation, count });
    }

    list(): ActiveFault[] {
        return this.faults.map((f) => ({
            ...f.spec,
            id: f.id,
            remaining: f.remaining,
            hits: f.hits,
        }));
    }

    remove(id: string): boolean {
        const index = this.faults.findIndex((f) => f.id === id);
        if (index < 0) {
            return false;
        }
        this.faults.splice(index, 1);
        return true;
    }

    clear(): void {
        this.faults.length = 0;
    }

    /** The first fault matching this request, with one unit consumed; undefined when none. */
    take(service: string, operation: string | undefined, region?: string): FaultSpec | undefined {
        const index = this.faults.findIndex(
            (f) =>
                (f.spec.service === undefined || f.spec.service === service) &&
                (f.spec.operation === undefined || f.spec.operation === operation) &&
                (f.spec.region === undefined || f.spec.region === region),
        );
        const fault = this.faults[index];
        if (fault === undefined) {
            return undefined;
        }
        fault.hits += 1;
        if (fault.remaining !== null) {
            fault.remaining -= 1;
            if (fault.remaining <= 0) {
                this.faults.splice(index, 1);
            }
        }
        return fault.spec;
    }
}

function validateFault(spec: FaultSpec): void {
    const bad = (message: string): never => {
        throw new LocalAwsError('ValidationException', 400, message);
    };
    if (!(FAULT_KINDS as readonly string[]).includes(spec.kind)) {
        bad(`fault kind must be one of ${FAULT_KINDS.join(', ')}`);
    }
    const count = spec.count ?? 1;
    if (count !== 'untilCleared' && (!Number.isInteger(count) || count < 1)) {
        bad('fault count must be a positive integer or "untilCleared"');
    }
    if (spec.kind === 'delay' && (typeof spec.delayMs !== 'number' || spec.delayMs < 0)) {
        bad('a delay fault needs delayMs >= 0');
    }
    if (spec.kind === 'error' && spec.error === undefined) {
        bad('an error fault needs error: {code, status}');
    }
    if (
        spec.error !== undefined &&
        (typeof spec.error.code !== 'string' || !Number.isInteger(spec.error.status))
    ) {
        bad('error must be {code: string, status: integer, message?: string}');
    }
}

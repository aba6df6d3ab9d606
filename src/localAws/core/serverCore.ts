/** What the HTTP core gets from the endpoint: keys, time, faults, log, control routes, modules. */
import type { ServiceModule } from '../types';
import type { ControlRouter } from './controlRoutes';
import type { CredentialStore } from './credentials';
import type { FaultRegistry } from './faults';
import type { RequestLog } from './requestLog';

export interface ServerCore {
    readonly credentials: CredentialStore;
    readonly clockSkewToleranceMs: number;
    /**
     * Added to real time for signature-age checks and the Date header: a server whose clock is off.
     */
    readonly serverTimeOffsetMs: number;
    readonly faults: FaultRegistry;
    readonly requestLog: RequestLog;
    readonly control: ControlRouter;
    readonly modules: ReadonlyMap<string, ServiceModule>;
    /** Bugs in modules (non-LocalAwsError throws) are answered with a 500 and reported here. */
    readonly onInternalError: (error: unknown, context: string) => void;
}

/**
 * Runs a module's operation under whatever injected fault hits it: errors and delays act before the
 * operation runs, dropped connections and cut bodies after.
 */
import { Readable } from 'node:stream';
import { LocalAwsError } from '../types';
import type { LocalResponse, ServiceModule } from '../types';
import type { SigV4Auth } from '../sigv4/authorization';
import { dropConnection } from './exchange';
import type { Exchange } from './exchange';
import { errorResponseFor } from './exchangeErrors';
import type { FaultSpec } from './faults';
import * as errors from './protocolErrors';
import { sendResponse } from './responseWriter';
import type { ServerCore } from './serverCore';

/** Takes the fault for this request and applies what acts before the operation runs. */
export async function applyFaultBeforeHandling(
    core: ServerCore,
    ex: Exchange,
    auth: SigV4Auth,
    operation: string,
): Promise<FaultSpec | 'dropped' | undefined> {
    const fault = core.faults.take(auth.service, operation, auth.region);
    if (fault === undefined) {
        return undefined;
    }
    ex.log.fault = fault.kind;
    const custom =
        fault.error === undefined
            ? undefined
            : new LocalAwsError(
                  fault.error.code,
                  fault.error.status,
                  fault.error.message ?? fault.error.code,
              );
    switch (fault.kind) {
        case 'throttle':
            throw custom ?? errors.throttled(ex.protocol);
        case 'serverError':
            throw custom ?? errors.internalError(ex.protocol);
        case 'unavailable':
            throw custom ?? errors.serviceUnavailable(ex.protocol);
        case 'error':
            throw custom ?? errors.internalError(ex.protocol);
        case 'expiredCredentials':
            throw errors.expiredToken(ex.protocol);
        case 'invalidCredentials':
            throw errors.unknownAccessKey(ex.protocol, auth.accessKeyId);
        case 'delay':
            await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 0));
            return undefined;
        case 'dropBeforeResponse':
            if (fault.afterHandling === false) {
                dropConnection(ex);
                return 'dropped';
            }
            return fault;
        case 'dropMidBody':
            return fault;
    }
}

/** Runs the operation on `ex.localRequest` and answers, as the fault left to apply dictates. */
export async function runOperation(
    core: ServerCore,
    ex: Exchange,
    module: ServiceModule,
    operation: string,
    fault: FaultSpec | undefined,
): Promise<void> {
    const request = ex.localRequest;
    if (request === undefined) {
        throw new Error('execute before the request was built');
    }
    if (fault?.kind === 'dropBeforeResponse') {
        try {
            const response = await module.handle(operation, request);
            if (response.body instanceof Readable) {
                response.body.destroy();
            }
        } catch {
            // The client never sees this answer either way.
        }
        dropConnection(ex);
        return;
    }
    let response: LocalResponse;
    try {
        response = await module.handle(operation, request);
    } catch (error) {
        if (fault?.kind !== 'dropMidBody') {
            throw error;
        }
        response = errorResponseFor(core, ex, error);
    }
    await sendResponse(core, ex, response, fault?.kind === 'dropMidBody');
}

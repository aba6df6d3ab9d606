/**
 * Turns whatever an exchange threw into the error its client sees: in the module's own shape when
 * a module was reached, else in the protocol's generic one. Non-AWS errors are bugs: reported,
 * then answered as the protocol's internal error.
 */
import { LocalAwsError } from '../types';
import type { LocalRequest, LocalResponse } from '../types';
import { genericErrorResponse } from './errorBodies';
import { splitTarget } from './exchange';
import type { Exchange } from './exchange';
import * as errors from './protocolErrors';
import { sendResponse } from './responseWriter';
import type { ServerCore } from './serverCore';

export function sendError(core: ServerCore, ex: Exchange, error: unknown): void {
    void sendResponse(core, ex, errorResponseFor(core, ex, error), false);
}

export function errorResponseFor(core: ServerCore, ex: Exchange, error: unknown): LocalResponse {
    let awsError: LocalAwsError;
    if (error instanceof LocalAwsError) {
        awsError = error;
    } else {
        core.onInternalError(error, `${ex.log.service ?? '?'} ${ex.log.operation ?? ex.log.path}`);
        awsError = errors.internalError(ex.protocol);
    }
    ex.log.errorCode = awsError.code;
    const head = ex.req.method === 'HEAD';
    if (ex.module !== undefined) {
        const request = ex.localRequest ?? placeholderRequest(ex);
        try {
            return ex.module.errorResponse(awsError, request);
        } catch (renderError) {
            core.onInternalError(renderError, `rendering ${awsError.code}`);
        }
    }
    return genericErrorResponse(ex.protocol, awsError, ex.requestId, head);
}

/** What a module renders an error against when the failure came before the request was built. */
function placeholderRequest(ex: Exchange): LocalRequest {
    const { rawPath, rawQuery } = splitTarget(ex.req.url);
    return {
        service: ex.log.service ?? '',
        region: '',
        accountId: '',
        accessKeyId: ex.log.accessKeyId ?? '',
        method: ex.req.method ?? 'GET',
        rawPath,
        query: new URLSearchParams(rawQuery),
        headers: ex.req.headers,
        body: Buffer.alloc(0),
        requestId: ex.requestId,
    };
}

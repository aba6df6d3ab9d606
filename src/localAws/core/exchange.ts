/**
 * One AWS request and its response while in flight: what it has done so far, and what can be done
 * to its connection (100-continue, draining the unread body, dropping it).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalRequest, ServiceModule, WireProtocol } from '../types';
import type { LoggedRequest, RequestLog } from './requestLog';

/** Carries what one exchange has done so far, so error paths know how to close it. */
export interface Exchange {
    readonly req: IncomingMessage;
    readonly res: ServerResponse;
    readonly expectsContinue: boolean;
    readonly log: LoggedRequest;
    readonly requestId: string;
    protocol: WireProtocol;
    module?: ServiceModule;
    localRequest?: LocalRequest;
    continued: boolean;
}

/** A request target split at the `?`, both parts still percent-encoded. */
export interface RequestTarget {
    readonly rawPath: string;
    readonly rawQuery: string;
}

export function splitTarget(url: string | undefined): RequestTarget {
    const target = url ?? '/';
    const q = target.indexOf('?');
    return q < 0
        ? { rawPath: target, rawQuery: '' }
        : { rawPath: target.slice(0, q), rawQuery: target.slice(q + 1) };
}

/** Starts an exchange with a fresh request id, logged under its path. */
export function openExchange(
    requestLog: RequestLog,
    req: IncomingMessage,
    res: ServerResponse,
    rawPath: string,
    expectsContinue: boolean,
): Exchange {
    const requestId = randomUUID();
    return {
        req,
        res,
        expectsContinue,
        log: requestLog.start(req.method ?? 'GET', rawPath, requestId, req.headers),
        requestId,
        protocol: guessProtocol(req),
        continued: false,
    };
}

/** The protocol to answer in until the credential scope names the service. */
function guessProtocol(req: IncomingMessage): WireProtocol {
    if (req.headers['x-amz-target'] !== undefined) {
        return 'awsJson';
    }
    const contentType = String(req.headers['content-type'] ?? '');
    if (contentType.startsWith('application/x-www-form-urlencoded')) {
        return 'awsQuery';
    }
    return contentType.includes('json') ? 'restJson' : 'restXml';
}

/** Tells a client waiting on `Expect: 100-continue` to send its body, once. */
export function continueBody(ex: Exchange): void {
    if (ex.expectsContinue && !ex.continued) {
        ex.continued = true;
        ex.res.writeContinue();
    }
}

export function dropConnection(ex: Exchange): void {
    ex.log.dropped = true;
    ex.req.socket.destroy();
}

const MAX_DRAIN_BYTES = 32 * 1024 * 1024;

/**
 * Before answering, the unread rest of a request body must go: drained when small, otherwise
 * the connection closes after the response (and a client still waiting for 100-continue never
 * sends it). Returns true when the connection must close.
 */
export async function settleRequestBody(ex: Exchange): Promise<boolean> {
    const { req } = ex;
    if (req.complete) {
        return false;
    }
    req.unpipe();
    if (ex.expectsContinue && !ex.continued) {
        return true;
    }
    const declared = Number(req.headers['content-length'] ?? Number.NaN);
    if (!(declared <= MAX_DRAIN_BYTES)) {
        return true;
    }
    await new Promise<void>((resolve) => {
        req.on('end', resolve);
        req.on('close', resolve);
        req.on('error', () => resolve());
        req.resume();
    });
    return false;
}

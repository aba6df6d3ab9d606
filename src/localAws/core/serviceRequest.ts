/**
 * Serves one AWS request from start to end: authenticate it, check its signature, read its body,
 * find the module's operation, apply injected faults, run it and answer. Any error on the way is
 * answered in the protocol's shape.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalRequest, ServiceModule } from '../types';
import { accountOf, authenticate } from './authentication';
import type { Authenticated } from './authentication';
import { continueBody, openExchange } from './exchange';
import type { Exchange, RequestTarget } from './exchange';
import { sendError } from './exchangeErrors';
import { applyFaultBeforeHandling, runOperation } from './faultApplication';
import * as errors from './protocolErrors';
import { decodeBody, planBody } from './requestBody';
import type { BodyPlan } from './requestBody';
import { LOGGED_BODY_BYTES } from './requestLog';
import type { ServerCore } from './serverCore';
import { checkBodyDigest, checkSignatureBeforeBody } from './signatureCheck';
import { readWholeBody } from './wholeBody';

type RequestHead = Omit<LocalRequest, 'body' | 'stream' | 'checksums'>;

export async function serveAwsRequest(
    core: ServerCore,
    req: IncomingMessage,
    res: ServerResponse,
    target: RequestTarget,
    expectsContinue: boolean,
): Promise<void> {
    const started = Date.now();
    const ex = openExchange(core.requestLog, req, res, target.rawPath, expectsContinue);
    try {
        await serve(core, ex, target);
    } catch (error) {
        sendError(core, ex, error);
    } finally {
        ex.log.durationMs = Date.now() - started;
    }
}

async function serve(core: ServerCore, ex: Exchange, target: RequestTarget): Promise<void> {
    const query = new URLSearchParams(target.rawQuery);
    const authenticated = authenticate(core, ex, query);
    const signature = checkSignatureBeforeBody(ex, authenticated, target, query);
    const plan = planBody(ex.req.headers, signature.chunkSigning);
    const { auth, key } = authenticated;
    const head: RequestHead = {
        service: auth.service,
        region: auth.region,
        accountId: accountOf(key),
        accessKeyId: auth.accessKeyId,
        method: ex.req.method ?? 'GET',
        rawPath: target.rawPath,
        query,
        headers: ex.req.headers,
        requestId: ex.requestId,
    };
    if (authenticated.module.streamsBody === true) {
        await serveStreaming(core, ex, authenticated, head, plan);
        return;
    }
    continueBody(ex);
    const { body, checksums } = await readWholeBody(ex, authenticated.module, plan, (raw) =>
        checkBodyDigest(ex, signature, raw),
    );
    if (body.length > 0) {
        ex.log.body = body.subarray(0, LOGGED_BODY_BYTES).toString('utf8');
    }
    await handle(core, ex, authenticated, { ...head, body, checksums });
}

/**
 * The operation and any fault are known from the request's head, so a dropped or refused request
 * never asks the client for its body.
 */
async function serveStreaming(
    core: ServerCore,
    ex: Exchange,
    authenticated: Authenticated,
    head: RequestHead,
    plan: BodyPlan,
): Promise<void> {
    await handle(core, ex, authenticated, { ...head, body: Buffer.alloc(0) }, () => {
        continueBody(ex);
        const decoded = decodeBody(ex.req, plan);
        ex.localRequest = {
            ...head,
            body: Buffer.alloc(0),
            stream: decoded.stream,
            checksums: decoded.checksums,
        };
    });
}

/** `openBody` runs once no fault has refused or dropped the request, just before the operation. */
async function handle(
    core: ServerCore,
    ex: Exchange,
    { auth, module }: Authenticated,
    request: LocalRequest,
    openBody?: () => void,
): Promise<void> {
    ex.localRequest = request;
    const operation = operationOf(ex, module, request);
    const fault = await applyFaultBeforeHandling(core, ex, auth, operation);
    if (fault === 'dropped') {
        return;
    }
    openBody?.();
    await runOperation(core, ex, module, operation, fault);
}

function operationOf(ex: Exchange, module: ServiceModule, req: LocalRequest): string {
    const operation = module.operationOf(req);
    if (operation === undefined) {
        throw errors.unknownOperation(ex.protocol, req.method, req.rawPath);
    }
    ex.log.operation = operation;
    return operation;
}

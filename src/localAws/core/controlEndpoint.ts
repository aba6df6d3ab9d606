/**
 * Serves the unsigned JSON control API under `/__local/`: loopback clients only, JSON bodies in
 * and out, errors as `{code, message}`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LocalAwsError } from '../types';
import { CONTROL_PREFIX } from './controlRoutes';
import type { RequestTarget } from './exchange';
import { readAll } from './requestBody';
import type { ServerCore } from './serverCore';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const MAX_CONTROL_BODY = 1024 * 1024;

export function isControlPath(rawPath: string): boolean {
    return rawPath === CONTROL_PREFIX.slice(0, -1) || rawPath.startsWith(CONTROL_PREFIX);
}

export async function serveControlRequest(
    core: ServerCore,
    req: IncomingMessage,
    res: ServerResponse,
    { rawPath, rawQuery }: RequestTarget,
    expectsContinue: boolean,
): Promise<void> {
    if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) {
        req.socket.destroy();
        return;
    }
    try {
        if (expectsContinue) {
            res.writeContinue();
        }
        const body = await readJsonBody(req);
        const result = await core.control.dispatch(
            req.method ?? 'GET',
            rawPath,
            new URLSearchParams(rawQuery),
            body,
        );
        sendJson(res, 200, result);
    } catch (error) {
        if (error instanceof LocalAwsError) {
            sendJson(res, error.status, { code: error.code, message: error.message });
        } else {
            core.onInternalError(error, `control ${req.method ?? ''} ${rawPath}`);
            sendJson(res, 500, { code: 'InternalError', message: String(error) });
        }
    }
}

/** The parsed body, or undefined when there is none. */
async function readJsonBody(req: IncomingMessage): Promise<unknown> {
    const raw = await readAll(
        req,
        MAX_CONTROL_BODY,
        () => new LocalAwsError('TooLarge', 413, 'body too large'),
    );
    if (raw.length === 0) {
        return undefined;
    }
    try {
        return JSON.parse(raw.toString('utf8'));
    } catch {
        throw new LocalAwsError('BadRequest', 400, 'control API bodies are JSON');
    }
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
    const body = JSON.stringify(value ?? {});
    res.writeHead(status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
    });
    res.end(body);
}

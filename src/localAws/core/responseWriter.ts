/**
 * Writes a module's response to the wire: request-id and Date headers, HEAD answers without a
 * body, streamed bodies, and (for the dropMidBody fault) a body cut off half way.
 */
import { randomBytes } from 'node:crypto';
import { Transform } from 'node:stream';
import type { Readable, TransformCallback } from 'node:stream';
import type { LocalResponse } from '../types';
import { s3RequestId } from './errorBodies';
import { settleRequestBody } from './exchange';
import type { Exchange } from './exchange';
import type { ServerCore } from './serverCore';

/** Passes the first `limit` bytes through, then kills the socket: a response cut mid-body. */
class CutAfter extends Transform {
    private passed = 0;
    constructor(
        private readonly limit: number,
        private readonly cut: () => void,
    ) {
        super();
    }
    override _transform(chunk: Buffer, _e: BufferEncoding, callback: TransformCallback): void {
        const room = this.limit - this.passed;
        if (room <= 0) {
            this.cut();
            callback();
            return;
        }
        const piece = chunk.length > room ? chunk.subarray(0, room) : chunk;
        this.passed += piece.length;
        callback(null, piece);
        if (this.passed >= this.limit) {
            setImmediate(this.cut);
        }
    }
}

/** Writes a response; `cut` sends the headers and half the body, then kills the connection. */
export async function sendResponse(
    core: ServerCore,
    ex: Exchange,
    response: LocalResponse,
    cut: boolean,
): Promise<void> {
    const { res } = ex;
    if (res.headersSent || res.destroyed) {
        return;
    }
    const headers: Record<string, string> = { ...response.headers };
    if (ex.protocol === 'restXml') {
        headers['x-amz-request-id'] ??= s3RequestId(ex.requestId);
        headers['x-amz-id-2'] ??= randomBytes(48).toString('base64');
    } else {
        headers['x-amzn-requestid'] ??= ex.requestId;
    }
    const closeAfter = await settleRequestBody(ex);
    if (closeAfter) {
        headers['connection'] = 'close';
    }
    ex.log.status = response.status;
    if (core.serverTimeOffsetMs !== 0) {
        headers['date'] = new Date(Date.now() + core.serverTimeOffsetMs).toUTCString();
    }
    const body = response.body;
    if (body === undefined || typeof body === 'string' || Buffer.isBuffer(body)) {
        writeWhole(ex, response.status, headers, body, cut);
    } else {
        writeStream(ex, response.status, headers, body, cut);
    }
}

function writeWhole(
    ex: Exchange,
    status: number,
    headers: Record<string, string>,
    body: string | Buffer | undefined,
    cut: boolean,
): void {
    const { req, res } = ex;
    const head = req.method === 'HEAD';
    const bytes =
        body === undefined
            ? Buffer.alloc(0)
            : Buffer.isBuffer(body)
              ? body
              : Buffer.from(body, 'utf8');
    if (!head || headers['content-length'] === undefined) {
        headers['content-length'] = String(bytes.length);
    }
    res.writeHead(status, headers);
    if (head) {
        res.end();
    } else if (cut) {
        ex.log.dropped = true;
        res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => req.socket.destroy());
    } else {
        res.end(bytes);
    }
}

function writeStream(
    ex: Exchange,
    status: number,
    headers: Record<string, string>,
    body: Readable,
    cut: boolean,
): void {
    const { req, res } = ex;
    res.writeHead(status, headers);
    if (req.method === 'HEAD') {
        body.destroy();
        res.end();
        return;
    }
    let source: Readable = body;
    if (cut) {
        ex.log.dropped = true;
        const total = Number(headers['content-length'] ?? '0');
        source = body.pipe(
            new CutAfter(Math.max(1, Math.floor(total / 2)), () => req.socket.destroy()),
        );
    }
    source.on('error', () => res.destroy());
    res.on('close', () => body.destroy());
    source.pipe(res);
}

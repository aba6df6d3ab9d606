/**
 * The one HTTP server behind every local service, on loopback. `/__local/...` goes to the unsigned
 * control API; everything else is an AWS request, authenticated with SigV4 and routed by the
 * credential scope's service name.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isControlPath, serveControlRequest } from './controlEndpoint';
import { splitTarget } from './exchange';
import type { ServerCore } from './serverCore';
import { serveAwsRequest } from './serviceRequest';

export type { ServerCore } from './serverCore';

export class LocalAwsServer {
    private readonly server: Server;

    constructor(private readonly core: ServerCore) {
        this.server = createServer({ keepAliveTimeout: 30_000, requestTimeout: 0 });
        this.server.headersTimeout = 60_000;
        this.server.on('request', (req, res) => this.onRequest(req, res, false));
        this.server.on('checkContinue', (req, res) => this.onRequest(req, res, true));
        this.server.on('clientError', (_error, socket) => socket.destroy());
    }

    listen(port: number): Promise<number> {
        return new Promise((resolve, reject) => {
            this.server.once('error', reject);
            this.server.listen(port, '127.0.0.1', () => {
                this.server.off('error', reject);
                resolve((this.server.address() as AddressInfo).port);
            });
        });
    }

    close(): Promise<void> {
        return new Promise((resolve) => {
            this.server.close(() => resolve());
            this.server.closeAllConnections();
        });
    }

    private onRequest(req: IncomingMessage, res: ServerResponse, expectsContinue: boolean): void {
        const target = splitTarget(req.url);
        if (isControlPath(target.rawPath)) {
            void serveControlRequest(this.core, req, res, target, expectsContinue);
            return;
        }
        void serveAwsRequest(this.core, req, res, target, expectsContinue);
    }
}

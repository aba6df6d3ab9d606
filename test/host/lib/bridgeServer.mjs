// HTTP bridge on 127.0.0.1 that lets tests inside the extension host use the real browser:
// screenshots, evaluating JS in the workbench or a webview, key presses and clicks.
import { createServer } from 'node:http';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describeWebviews, findWebview } from './webviews.mjs';

const maxBodyBytes = 1024 * 1024;
const actionTimeoutMs = 30_000;

class BridgeError extends Error {
    constructor(status, message) {
        super(message);
        this.status = status;
    }
}

function readJson(request) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        request.on('data', (chunk) => {
            size += chunk.length;
            if (size > maxBodyBytes) {
                reject(new BridgeError(413, 'request body too large'));
                request.destroy();
            } else {
                chunks.push(chunk);
            }
        });
        request.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            try {
                const body = text === '' ? {} : JSON.parse(text);
                resolve(typeof body === 'object' && body !== null ? body : {});
            } catch {
                reject(new BridgeError(400, 'request body is not JSON'));
            }
        });
        request.on('error', reject);
    });
}

function requireString(body, name) {
    const value = body[name];
    if (typeof value !== 'string' || value === '') {
        throw new BridgeError(400, `"${name}" must be a non-empty string`);
    }
    return value;
}

function screenshotName(name) {
    const safe = name.replace(/\.png$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 120);
    if (safe === '' || safe.startsWith('.')) {
        throw new BridgeError(400, `unusable screenshot name "${name}"`);
    }
    return `${safe}.png`;
}

function withTimeout(promise, what) {
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new BridgeError(504, `${what} timed out`)),
            actionTimeoutMs);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** JSON has no undefined; a missing value becomes null so the client always gets "value". */
function valueOf(result) {
    return result === undefined ? null : result;
}

function createHandlers({ artifactsDir, getPage, onLog }) {
    const page = () => {
        const current = getPage();
        if (current === undefined) {
            throw new BridgeError(503, 'the workbench page is not open yet');
        }
        return current;
    };
    return {
        '/screenshot': async (body) => {
            const path = join(artifactsDir, screenshotName(requireString(body, 'name')));
            mkdirSync(artifactsDir, { recursive: true });
            await page().screenshot({ path, timeout: actionTimeoutMs });
            onLog(`screenshot ${path}`);
            return { path };
        },
        '/workbench/evaluate': async (body) => {
            const expression = requireString(body, 'expression');
            return { value: valueOf(await withTimeout(page().evaluate(expression), 'evaluate')) };
        },
        '/webview/evaluate': async (body) => {
            const expression = requireString(body, 'expression');
            const title = typeof body.viewTitle === 'string' ? body.viewTitle : undefined;
            const waitMs = typeof body.waitMs === 'number' ? body.waitMs : undefined;
            const found = await findWebview(page(), title, waitMs);
            if (typeof found === 'string') {
                throw new BridgeError(404, found);
            }
            return { value: valueOf(await withTimeout(found.evaluate(expression), 'evaluate')) };
        },
        '/webviews': async () => ({ value: await describeWebviews(page()) }),
        '/keyboard': async (body) => {
            if (typeof body.type === 'string') {
                await page().keyboard.type(body.type);
            } else {
                await page().keyboard.press(requireString(body, 'press'));
            }
            return {};
        },
        '/click': async (body) => {
            await page().click(requireString(body, 'selector'), { timeout: actionTimeoutMs });
            return {};
        },
    };
}

/** Starts the bridge; resolves with { url, close }. */
export function startBridge(options) {
    const handlers = createHandlers(options);
    const server = createServer((request, response) => {
        const reply = (status, body) => {
            response.writeHead(status, { 'content-type': 'application/json' });
            response.end(JSON.stringify(body));
        };
        const handler = request.method === 'POST' ? handlers[request.url] : undefined;
        if (handler === undefined) {
            reply(404, { error: `no such bridge call: ${request.method} ${request.url}` });
            return;
        }
        readJson(request)
            .then((body) => handler(body))
            .then((result) => reply(200, result))
            .catch((error) => {
                const status = error instanceof BridgeError ? error.status : 500;
                reply(status, { error: error instanceof Error ? error.message : String(error) });
            });
    });
    return new Promise((resolve, reject) => {
        server.on('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            resolve({
                url: `http://127.0.0.1:${port}`,
                close: () => new Promise((done) => {
                    server.closeAllConnections();
                    server.close(() => done());
                }),
            });
        });
    });
}

// Client for the browser bridge that test/host/run.mjs serves on 127.0.0.1: lets integration
// tests look at the workbench and webviews as the user sees them in the real browser.
import { request } from 'node:http';

const bridgeVariable = 'BEDROCK_BATCH_TEST_BRIDGE';

/** True when the tests run under test/host/run.mjs (not under plain @vscode/test-electron). */
export function hasBridge(): boolean {
    const value = process.env[bridgeVariable];
    return value !== undefined && value !== '';
}

function bridgeUrl(): URL {
    const value = process.env[bridgeVariable];
    if (value === undefined || value === '') {
        throw new Error(`${bridgeVariable} is not set: browser checks only work under `
            + 'test/host/run.mjs (guard the test with hasBridge() and this.skip())');
    }
    const url = new URL(value);
    if (url.protocol !== 'http:' || url.hostname !== '127.0.0.1') {
        throw new Error(`${bridgeVariable} must be http://127.0.0.1:<port>, got ${value}`);
    }
    return url;
}

function post(path: string, body: Record<string, unknown>): Promise<unknown> {
    const base = bridgeUrl();
    const payload = JSON.stringify(body);
    return new Promise((resolve, reject) => {
        const call = request({
            host: '127.0.0.1',
            port: base.port,
            path,
            method: 'POST',
            headers: {
                'content-type': 'application/json',
                'content-length': Buffer.byteLength(payload),
            },
        }, (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => {
                const text = Buffer.concat(chunks).toString('utf8');
                let parsed: unknown;
                try {
                    parsed = JSON.parse(text);
                } catch {
                    reject(new Error(`bridge ${path}: not JSON (${response.statusCode}): ${text}`));
                    return;
                }
                if (response.statusCode !== 200) {
                    const message = isRecord(parsed) && typeof parsed['error'] === 'string'
                        ? parsed['error']
                        : text;
                    reject(new Error(`bridge ${path}: ${message}`));
                    return;
                }
                resolve(parsed);
            });
            response.on('error', reject);
        });
        call.on('error', reject);
        call.end(payload);
    });
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null;
}

function field(result: unknown, name: string): unknown {
    return isRecord(result) ? result[name] : undefined;
}

/** Saves a PNG of the whole workbench in the run's artifacts folder and returns its path. */
export async function screenshot(name: string): Promise<string> {
    const path = field(await post('/screenshot', { name }), 'path');
    if (typeof path !== 'string') {
        throw new Error('bridge /screenshot: no path in the answer');
    }
    return path;
}

/**
 * Evaluates a JavaScript expression (or a function source, which is called) in the workbench
 * page and returns its JSON-serialisable value.
 */
export async function evaluateInWorkbench(expression: string): Promise<unknown> {
    return field(await post('/workbench/evaluate', { expression }), 'value');
}

/**
 * Evaluates an expression inside the content frame of a webview whose title (panel, view or
 * document title) is or contains viewTitle; without viewTitle there must be exactly one
 * webview. The bridge waits up to waitMs (default 10 s) for the webview to appear.
 */
export async function evaluateInWebview(
    expression: string,
    viewTitle?: string,
    waitMs?: number,
): Promise<unknown> {
    return field(await post('/webview/evaluate', { expression, viewTitle, waitMs }), 'value');
}

/** Presses a key or chord in the workbench, in Playwright notation (e.g. 'Control+Shift+P'). */
export async function press(key: string): Promise<void> {
    await post('/keyboard', { press: key });
}

/** Clicks the first element of the workbench matching a CSS selector. */
export async function click(selector: string): Promise<void> {
    await post('/click', { selector });
}

/** The open webviews as { title, documentTitle, extensionId } records, for diagnostics. */
export async function listWebviews(): Promise<unknown> {
    return field(await post('/webviews', {}), 'value');
}

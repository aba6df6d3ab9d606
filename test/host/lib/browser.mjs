// Debian's headless Chromium driven by playwright-core, kept on 127.0.0.1.
import { chromium } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';

const chromiumArgs = [
    '--headless',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
    '--disable-breakpad',
    '--disable-domain-reliability',
    '--no-pings',
    // Every host name but 127.0.0.1 resolves to nothing.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

export function isLoopbackUrl(text) {
    let url;
    try {
        url = new URL(text);
    } catch {
        return false;
    }
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'about:') {
        return true;
    }
    return url.hostname === '127.0.0.1';
}

/**
 * Launches Chromium with a fresh profile and one page; every request not aimed at 127.0.0.1 is
 * aborted and recorded in network.blocked, every request seen is counted in network.seen.
 */
export async function launchBrowser({ env, onLog }) {
    const browser = await chromium.launch({
        executablePath: chromiumPath,
        headless: true,
        chromiumSandbox: false,
        // The runner stops Chromium itself after saving a screenshot.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        args: chromiumArgs,
        env,
        timeout: 60_000,
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const network = { seen: 0, blocked: [], sockets: [], serviceWorker: 0 };
    context.on('request', (request) => {
        network.seen += 1;
        if (!isLoopbackUrl(request.url())) {
            network.blocked.push(request.url());
        }
    });
    // Webview resources use https://*.vscode-cdn.net URLs that the webview's service worker answers
    // from the workbench over loopback; they never reach the network, so they are not "outside".
    context.on('response', (response) => {
        const url = response.url();
        if (response.fromServiceWorker() && !isLoopbackUrl(url)) {
            const index = network.blocked.indexOf(url);
            if (index >= 0) {
                network.blocked.splice(index, 1);
                network.serviceWorker += 1;
            }
        }
    });
    await context.route(() => true, (route) => {
        if (isLoopbackUrl(route.request().url())) {
            return route.continue();
        }
        return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    page.on('websocket', (socket) => {
        network.sockets.push(socket.url());
        if (!isLoopbackUrl(socket.url())) {
            network.blocked.push(socket.url());
        }
    });
    page.on('pageerror', (error) => onLog(`[page error] ${error.message}`));
    page.on('crash', () => onLog('[page crashed]'));
    return { browser, context, page, network };
}

export async function closeBrowser(browser, timeoutMs = 10_000) {
    let timer;
    await Promise.race([
        browser.close().catch(() => undefined),
        new Promise((resolve) => {
            timer = setTimeout(resolve, timeoutMs);
        }),
    ]);
    clearTimeout(timer);
}

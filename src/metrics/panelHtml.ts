/**
 * The Batch Metrics page: a strict Content Security Policy with a fresh nonce per load, one
 * bundled script and one bundled stylesheet. No data is written into the page: it arrives by
 * message after the webview says it is ready.
 */
import { randomBytes } from 'node:crypto';
import { metricsPanelTitle } from './protocol';

export interface PageResources {
    /** `webview.cspSource`. */
    readonly cspSource: string;
    /** Webview URIs of dist/webview/metrics.js and metrics.css. */
    readonly scriptUri: string;
    readonly styleUri: string;
}

export function createNonce(): string {
    return randomBytes(18).toString('base64');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
    return [
        "default-src 'none'",
        `script-src 'nonce-${nonce}'`,
        `style-src ${cspSource} 'nonce-${nonce}'`,
        `img-src ${cspSource} data:`,
        `font-src ${cspSource}`,
        "connect-src 'none'",
    ].join('; ');
}

export function panelHtml(resources: PageResources, nonce: string = createNonce()): string {
    const csp = contentSecurityPolicy(resources.cspSource, nonce);
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(resources.styleUri)}" nonce="${nonce}">
<title>${metricsPanelTitle}</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="placeholder">Loading batch metrics…</p></main>
<script nonce="${nonce}" src="${escapeAttribute(resources.scriptUri)}"></script>
</body>
</html>
`;
}

function escapeAttribute(value: string): string {
    return value
        .replace(/&/g, '&amp;')
        .replace(/"/g, '&quot;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;');
}

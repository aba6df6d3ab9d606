/**
 * The results page: a strict Content Security Policy with a fresh crypto nonce per load, one
 * bundled script and stylesheet, and no data in the markup. Everything arrives by message.
 */
import { randomBytes } from 'node:crypto';

export interface PageResources {
    /** `webview.cspSource`. */
    readonly cspSource: string;
    /** Webview URIs of dist/webview/results.js and results.css. */
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
        `font-src ${cspSource}`,
        "connect-src 'none'",
    ].join('; ');
}

export function resultsHtml(resources: PageResources, nonce: string = createNonce()): string {
    const csp = contentSecurityPolicy(resources.cspSource, nonce);
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(resources.styleUri)}" nonce="${nonce}">
<title>Batch Results</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="placeholder">Reading results…</p></main>
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

/**
 * The page of every webview panel: a strict Content Security Policy with a fresh crypto nonce per
 * load, one bundled script and one bundled stylesheet. No data is written into the markup: it
 * arrives by message after the webview says it is ready.
 */
import { randomBytes } from 'node:crypto';

export interface PageResources {
    /** `webview.cspSource`. */
    readonly cspSource: string;
    /** Webview URIs of the panel's bundle in dist/webview (`<panel>.js` and `<panel>.css`). */
    readonly scriptUri: string;
    readonly styleUri: string;
}

export interface PageContent {
    readonly title: string;
    /** Shown until the script has drawn the page. */
    readonly placeholder: string;
    /** Lets the page show images: the extension's own files and data: URLs. */
    readonly images?: boolean;
}

export function createNonce(): string {
    return randomBytes(18).toString('base64');
}

export function contentSecurityPolicy(
    cspSource: string,
    nonce: string,
    options: { readonly images?: boolean | undefined } = {},
): string {
    return [
        "default-src 'none'",
        `script-src 'nonce-${nonce}'`,
        `style-src ${cspSource} 'nonce-${nonce}'`,
        ...(options.images === true ? [`img-src ${cspSource} data:`] : []),
        `font-src ${cspSource}`,
        "connect-src 'none'",
    ].join('; ');
}

export function webviewHtml(
    resources: PageResources,
    content: PageContent,
    nonce: string = createNonce(),
): string {
    const csp = contentSecurityPolicy(resources.cspSource, nonce, { images: content.images });
    const placeholder = escapeHtml(content.placeholder);
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(resources.styleUri)}" nonce="${nonce}">
<title>${escapeHtml(content.title)}</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="placeholder">${placeholder}</p></main>
<script nonce="${nonce}" src="${escapeHtml(resources.scriptUri)}"></script>
</body>
</html>
`;
}

function escapeHtml(value: string): string {
    return value
        .replace(/&/g, '&amp;')
        .replace(/"/g, '&quot;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;');
}

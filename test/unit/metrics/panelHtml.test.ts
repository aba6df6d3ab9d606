import * as assert from 'node:assert/strict';
import { panelHtml } from '../../../src/metrics/panelHtml';

const resources = {
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/metrics.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/metrics.css',
};

describe('Batch Metrics page', () => {
    it('has the strict policy: nothing by default, scripts by nonce, no network', () => {
        const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(
            panelHtml(resources, 'N0nce'),
        )?.[1];
        assert.equal(
            policy,
            "default-src 'none'; script-src 'nonce-N0nce'; " +
                `style-src ${resources.cspSource} 'nonce-N0nce'; ` +
                `img-src ${resources.cspSource} data:; ` +
                `font-src ${resources.cspSource}; connect-src 'none'`,
        );
    });

    it('loads the bundle by nonce and has no inline script, style or data', () => {
        const html = panelHtml(resources, 'abc123');
        assert.ok(html.includes(`<script nonce="abc123" src="${resources.scriptUri}"></script>`));
        assert.match(html, /<link rel="stylesheet" href="[^"]+metrics\.css" nonce="abc123">/);
        assert.equal((html.match(/<script/g) ?? []).length, 1);
        assert.doesNotMatch(html, /<style|\sstyle="|\son[a-z]+="/);
        assert.match(html, /<title>Batch Metrics<\/title>/);
    });
});

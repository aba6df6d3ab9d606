// The address that opens code-server's workbench on a folder, optionally with an extension
// under development (and its test index) loaded through the URL's payload.

/** vscode-remote URI of a server-side path, each segment encoded. */
export function remoteUri(port, path) {
    const encoded = path.split('/').map((segment) => encodeURIComponent(segment)).join('/');
    return `vscode-remote://127.0.0.1:${port}${encoded}`;
}

export function workbenchUrl(port, { folder, extensionDevelopmentPath, extensionTestsPath }) {
    const payload = [];
    if (extensionDevelopmentPath !== undefined) {
        payload.push(['extensionDevelopmentPath', remoteUri(port, extensionDevelopmentPath)]);
    }
    if (extensionTestsPath !== undefined) {
        payload.push(['extensionTestsPath', remoteUri(port, extensionTestsPath)]);
    }
    const query = payload.length === 0
        ? ''
        : `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}${query}`;
}

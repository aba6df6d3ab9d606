// Finds webview content frames in the workbench page. VS Code hosts each webview in an iframe
// (pre/index.html) that nests the content frame; once the content is written that inner frame
// has id "active-frame" and the webview's title (panel title or view name) as title attribute.

const defaultWaitMs = 10_000;

async function attribute(frame, name) {
    const element = await frame.frameElement().catch(() => null);
    return element === null ? null : element.getAttribute(name).catch(() => null);
}

/** Every webview content frame with the titles a test may select it by. */
export async function listWebviews(page) {
    const webviews = [];
    for (const frame of page.frames()) {
        const outer = frame.parentFrame();
        if (outer === null || !outer.url().includes('/webview/browser/pre/index.html')) {
            continue;
        }
        if (await attribute(frame, 'id') !== 'active-frame') {
            continue;
        }
        const documentTitle = await frame.evaluate('document.title').catch(() => null);
        const extensionId = new URL(outer.url()).searchParams.get('extensionId');
        webviews.push({
            frame,
            title: await attribute(frame, 'title'),
            documentTitle,
            extensionId,
        });
    }
    return webviews;
}

function describe(webviews) {
    if (webviews.length === 0) {
        return 'no webview is open';
    }
    const titles = webviews.map((view) => JSON.stringify(view.title ?? view.documentTitle));
    return `open webviews: ${titles.join(', ')}`;
}

function pick(webviews, title) {
    if (title === undefined) {
        return webviews.length === 1 ? webviews[0] : undefined;
    }
    return webviews.find((view) => view.title === title)
        ?? webviews.find((view) => view.documentTitle === title)
        ?? webviews.find((view) => (view.title ?? '').includes(title)
            || (view.documentTitle ?? '').includes(title));
}

/**
 * The content frame of the webview titled title (exact, then substring match on the frame's
 * title or the page's document title); without title, the only webview. Waits a little for it
 * to appear (waitMs, default 10 s); returns an error message string when there is none.
 */
export async function findWebview(page, title, waitMs = defaultWaitMs) {
    const deadline = Date.now() + waitMs;
    for (;;) {
        const webviews = await listWebviews(page);
        const found = pick(webviews, title);
        if (found !== undefined) {
            return found.frame;
        }
        if (Date.now() >= deadline) {
            const wanted = title === undefined
                ? 'exactly one open webview (or a viewTitle to choose one)'
                : `a webview titled "${title}"`;
            return `expected ${wanted} within ${waitMs} ms; ${describe(webviews)}`;
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
    }
}

/** Plain data about the open webviews, for diagnostics. */
export async function describeWebviews(page) {
    return (await listWebviews(page)).map(({ title, documentTitle, extensionId }) =>
        ({ title, documentTitle, extensionId }));
}

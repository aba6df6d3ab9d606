// Polls until a reading satisfies a check: the workbench renders asynchronously, so a test
// waits for what the user would eventually see instead of sleeping a fixed time.
export async function waitFor<T>(
    read: () => Promise<T> | T,
    isReady: (value: T) => boolean,
    what: string,
    timeoutMs = 15_000,
): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: T = await read();
    while (!isReady(last)) {
        if (Date.now() >= deadline) {
            const seen = JSON.stringify(last);
            throw new Error(`waited ${timeoutMs} ms for ${what}; last seen: ${seen}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
        last = await read();
    }
    return last;
}

/** What "Create CloudWatch dashboard" tells the user once the dashboard is written. */
export interface DashboardOutcome {
    readonly name: string;
    readonly region: string;
    readonly existed: boolean;
    readonly modelCount: number;
    /** Set when CloudWatch is not AWS's own (the sandbox, a local or third-party endpoint). */
    readonly endpoint?: string | undefined;
    /** CloudWatch's validation messages, if it had any. */
    readonly notes: readonly string[];
}

export interface DashboardMessage {
    readonly text: string;
    /** The button of the notification; none for a local endpoint (the console cannot show it). */
    readonly action?: 'Open in Console';
}

function parsedUrl(url: string): URL | undefined {
    try {
        return new URL(url);
    } catch {
        return undefined;
    }
}

function isLoopback(url: URL | undefined): boolean {
    const host = url?.hostname.replace(/\.$/, '');
    return (
        host === 'localhost' ||
        host === '[::1]' ||
        (host !== undefined && /^127(\.\d{1,3}){3}$/.test(host))
    );
}

/** The endpoint as shown: a user name or password written into the URL stays out of sight. */
function shownEndpoint(endpoint: string, url: URL | undefined): string {
    if (url === undefined || (url.username === '' && url.password === '')) {
        return endpoint;
    }
    const bare = new URL(url.href);
    bare.username = '';
    bare.password = '';
    return bare.href;
}

export function dashboardMessage(outcome: DashboardOutcome): DashboardMessage {
    const verb = outcome.existed ? 'Updated' : 'Created';
    const models = outcome.modelCount === 1 ? '1 model' : `${outcome.modelCount} models`;
    const head = `${verb} CloudWatch dashboard "${outcome.name}" (${models})`;
    const notes =
        outcome.notes.length === 0 ? '' : ` CloudWatch noted: ${outcome.notes.join('; ')}`;
    if (outcome.endpoint !== undefined) {
        const url = parsedUrl(outcome.endpoint);
        const where = isLoopback(url) ? 'local endpoint' : 'endpoint';
        return {
            text:
                `${head} on the ${where} ${shownEndpoint(outcome.endpoint, url)}, ` +
                `region ${outcome.region}. ` +
                `It is not in your AWS account, so the AWS console does not show it.${notes}`,
        };
    }
    return {
        text: `${head} in ${outcome.region}.${notes}`,
        action: 'Open in Console',
    };
}

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

function isLoopback(url: string): boolean {
    try {
        const host = new URL(url).hostname;
        return host === 'localhost' || host === '[::1]' || host.startsWith('127.');
    } catch {
        return false;
    }
}

export function dashboardMessage(outcome: DashboardOutcome): DashboardMessage {
    const verb = outcome.existed ? 'Updated' : 'Created';
    const models = outcome.modelCount === 1 ? '1 model' : `${outcome.modelCount} models`;
    const head = `${verb} CloudWatch dashboard "${outcome.name}" (${models})`;
    const notes =
        outcome.notes.length === 0 ? '' : ` CloudWatch noted: ${outcome.notes.join('; ')}`;
    if (outcome.endpoint !== undefined) {
        const where = isLoopback(outcome.endpoint) ? 'local endpoint' : 'endpoint';
        return {
            text:
                `${head} on the ${where} ${outcome.endpoint}, region ${outcome.region}. ` +
                `It is not in your AWS account, so the AWS console does not show it.${notes}`,
        };
    }
    return {
        text: `${head} in ${outcome.region}.${notes}`,
        action: 'Open in Console',
    };
}

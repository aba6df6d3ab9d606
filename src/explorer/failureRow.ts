import type { Failure } from '../shared/failure';
import { formatDuration } from './jobText';

/** What a region row shows when its jobs could not be listed. */
export interface FailureRow {
    readonly label: string;
    readonly icon: string;
    readonly color: string;
    /** The service's message in full. */
    readonly tooltip: string;
    /** Run on click; refreshExplorer is given the region. */
    readonly command: { readonly id: string; readonly title: string };
}

const retry = { id: 'bedrockBatch.refreshExplorer', title: 'Retry' };
const showLog = { id: 'bedrockBatch.showLog', title: 'Show Log' };
const errorColor = 'testing.iconFailed';

/** The permission listing needs, named when the service's message does not. */
export const listPermission = 'bedrock:ListModelInvocationJobs';

/**
 * A failure as a row in the tree, never a popup: rendering happens on every refresh and a
 * notification per region would pile up.
 */
export function failureRow(failure: Failure, region: string, retryInMs?: number): FailureRow {
    const tooltip = failure.message;
    switch (failure.kind) {
        case 'noCredentials':
        case 'invalidCredentials':
            return {
                label: 'No usable AWS credentials: configure a profile',
                icon: 'key',
                color: errorColor,
                tooltip,
                command: { id: 'bedrockBatch.configureProfile', title: 'Configure AWS Profile' },
            };
        case 'ssoExpired': {
            const login = failure.loginCommand ?? 'aws sso login';
            return {
                label: `SSO session expired: run "${login}", then refresh`,
                icon: 'key',
                color: errorColor,
                tooltip,
                command: retry,
            };
        }
        case 'accessDenied':
            return {
                label: `Access denied: needs ${failure.missingPermission ?? listPermission}`,
                icon: 'lock',
                color: errorColor,
                tooltip,
                command: showLog,
            };
        case 'throttled':
            return {
                label:
                    retryInMs === undefined
                        ? 'Throttled by AWS: retrying automatically'
                        : `Throttled by AWS: retrying in ${formatDuration(retryInMs)}`,
                icon: 'watch',
                color: 'charts.yellow',
                tooltip,
                command: { id: retry.id, title: 'Retry Now' },
            };
        case 'notFound':
            return notAvailable(region, tooltip);
        case 'unreachable':
            return isMissingEndpoint(failure.message)
                ? notAvailable(region, tooltip)
                : {
                      label: `Could not reach Bedrock in ${region}: ${firstLine(failure.message)}`,
                      icon: 'debug-disconnect',
                      color: errorColor,
                      tooltip,
                      command: retry,
                  };
        default:
            if (/invalid region|region .* (is )?not (supported|valid)/i.test(failure.message)) {
                return notAvailable(region, tooltip);
            }
            return {
                label: `Could not list jobs: ${firstLine(failure.message)}`,
                icon: 'error',
                color: errorColor,
                tooltip,
                command: failure.kind === 'validation' ? showLog : retry,
            };
    }
}

/** DNS has no such host: the region has no Bedrock endpoint (or is not a region at all). */
function isMissingEndpoint(message: string): boolean {
    return /ENOTFOUND/.test(message);
}

function notAvailable(region: string, tooltip: string): FailureRow {
    return {
        label: `Bedrock batch is not available in ${region} (no endpoint found)`,
        icon: 'circle-slash',
        color: 'disabledForeground',
        tooltip,
        command: showLog,
    };
}

/** One line of at most 120 characters, whitespace and control characters collapsed. */
export function firstLine(text: string): string {
    const line = (text.split('\n')[0] ?? '').replace(/[\s\p{Cc}]+/gu, ' ').trim();
    return line.length > 120 ? `${line.slice(0, 117)}...` : line;
}

import type { ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';
import { notificationText } from '../shared/notificationText';
import { isActive } from './jobStatus';
import { formatCount, recordsWord } from './jobText';

export type NoticeAction = 'Download Results' | 'Show Metrics' | 'Show Job';

export interface JobNotice {
    readonly severity: 'info' | 'warning' | 'error';
    readonly message: string;
    readonly actions: readonly NoticeAction[];
}

const withResults: readonly NoticeAction[] = ['Download Results', 'Show Metrics', 'Show Job'];

/**
 * The notification for a job that just ended, or nothing: only a change from an active status
 * (one this session saw) to an end status is news. Jobs first seen finished stay quiet.
 */
export function noticeFor(
    previousStatus: string | undefined,
    job: ModelInvocationJobSummary,
): JobNotice | undefined {
    if (!isActive(previousStatus) || isActive(job.status)) {
        return undefined;
    }
    const name = `Batch job "${notificationText(job.jobName ?? job.jobArn ?? 'unnamed', 100)}"`;
    const total = job.totalRecordCount ?? 0;
    const processed = job.processedRecordCount ?? 0;
    const errors = job.errorRecordCount ?? 0;
    const totalText = `${formatCount(total)} ${recordsWord(total)}`;
    const errorsText = formatCount(errors);
    const hours = job.timeoutDurationInHours ?? 24;
    const counted = total > 0 ? ` (${formatCount(processed)} of ${totalText} processed)` : '';
    switch (job.status) {
        case 'Completed':
            return errors > 0
                ? {
                      severity: 'warning',
                      message: `${name} completed; ${errorsText} of ${totalText} failed.`,
                      actions: withResults,
                  }
                : {
                      severity: 'info',
                      message: `${name} completed${total > 0 ? `: ${totalText}` : ''}.`,
                      actions: withResults,
                  };
        case 'PartiallyCompleted':
            return {
                severity: 'warning',
                message: `${name} timed out before finishing${counted}.`,
                actions: withResults,
            };
        case 'Stopped':
            return {
                severity: 'info',
                message: `${name} stopped${counted}.`,
                actions: withResults,
            };
        case 'Expired':
            return {
                severity: 'warning',
                message: `${name} expired: it did not start before its ${hours}-hour timeout.`,
                actions: ['Show Job'],
            };
        case 'Failed': {
            const reason =
                job.message === undefined || job.message === ''
                    ? ''
                    : `: ${notificationText(job.message, 400)}`;
            return { severity: 'error', message: `${name} failed${reason}`, actions: ['Show Job'] };
        }
        default:
            return undefined;
    }
}

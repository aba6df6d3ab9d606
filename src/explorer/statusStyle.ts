/**
 * A distinct codicon and theme colour per status, so status reads at a glance and without colour
 * (the icon shape alone tells the ten apart). Colours are theme colour ids.
 */
export interface StatusStyle {
    readonly icon: string;
    readonly color: string;
}

const styles: Readonly<Record<string, StatusStyle>> = {
    Submitted: { icon: 'cloud-upload', color: 'descriptionForeground' },
    Validating: { icon: 'checklist', color: 'charts.purple' },
    Scheduled: { icon: 'calendar', color: 'testing.iconQueued' },
    InProgress: { icon: 'sync~spin', color: 'charts.blue' },
    Stopping: { icon: 'stop-circle', color: 'charts.orange' },
    Completed: { icon: 'pass-filled', color: 'testing.iconPassed' },
    PartiallyCompleted: { icon: 'warning', color: 'charts.yellow' },
    Failed: { icon: 'error', color: 'testing.iconFailed' },
    Stopped: { icon: 'debug-stop', color: 'disabledForeground' },
    Expired: { icon: 'watch', color: 'charts.red' },
};

const unknownStyle: StatusStyle = { icon: 'question', color: 'descriptionForeground' };

export function statusStyle(status: string | undefined): StatusStyle {
    return styles[status ?? ''] ?? unknownStyle;
}

import * as vscode from 'vscode';
import {
    defaultFilter,
    isDefaultFilter,
    windowChoices,
    windowText,
    type JobFilter,
} from './jobFilter';
import { statusGroups, type StatusGroup } from './jobStatus';
import { statusLabel } from './jobText';

type Aspect = 'status' | 'name' | 'window' | 'reset';

const groupTitles: Readonly<Record<StatusGroup, string>> = {
    active: 'Active',
    finished: 'Finished',
    failed: 'Failed or incomplete',
};

/** Asks which part of the filter to change, then for its new value; undefined when cancelled. */
export async function pickFilter(current: JobFilter): Promise<JobFilter | undefined> {
    const items: (vscode.QuickPickItem & { readonly aspect: Aspect })[] = [
        {
            aspect: 'status',
            label: '$(filter) Status',
            description:
                current.statusGroups.length === 0 ? 'all' : current.statusGroups.join(', '),
        },
        {
            aspect: 'name',
            label: '$(search) Name contains',
            description: current.nameContains === '' ? 'any name' : `"${current.nameContains}"`,
        },
        {
            aspect: 'window',
            label: '$(calendar) Submitted',
            description: windowText(current.submittedWithinDays),
        },
    ];
    if (!isDefaultFilter(current)) {
        items.push({ aspect: 'reset', label: '$(clear-all) Show all jobs of the last 30 days' });
    }
    const aspect = await vscode.window.showQuickPick(items, {
        title: 'Filter Batch Jobs',
        placeHolder: 'Change...',
    });
    switch (aspect?.aspect) {
        case 'status':
            return pickStatus(current);
        case 'name':
            return pickName(current);
        case 'window':
            return pickWindow(current);
        case 'reset':
            return defaultFilter;
        default:
            return undefined;
    }
}

async function pickStatus(current: JobFilter): Promise<JobFilter | undefined> {
    const items = (Object.keys(statusGroups) as StatusGroup[]).map((group) => ({
        group,
        label: groupTitles[group],
        description: statusGroups[group].map(statusLabel).join(', '),
        picked: current.statusGroups.length === 0 || current.statusGroups.includes(group),
    }));
    const picked = await vscode.window.showQuickPick(items, {
        title: 'Show jobs whose status is...',
        canPickMany: true,
    });
    if (picked === undefined) {
        return undefined;
    }
    // None or all picked: no status filter.
    const groups = picked.length === items.length ? [] : picked.map((item) => item.group);
    return { ...current, statusGroups: groups };
}

async function pickName(current: JobFilter): Promise<JobFilter | undefined> {
    const name = await vscode.window.showInputBox({
        title: 'Show jobs whose name contains...',
        prompt: 'Case-insensitive; empty shows every name.',
        value: current.nameContains,
    });
    return name === undefined ? undefined : { ...current, nameContains: name.trim() };
}

async function pickWindow(current: JobFilter): Promise<JobFilter | undefined> {
    const items = windowChoices.map((days) => ({
        days,
        label: windowText(days),
        picked: days === current.submittedWithinDays,
        description: days === current.submittedWithinDays ? 'current' : undefined,
    }));
    const picked = await vscode.window.showQuickPick(items, {
        title: 'Show jobs submitted in the...',
    });
    return picked === undefined ? undefined : { ...current, submittedWithinDays: picked.days };
}

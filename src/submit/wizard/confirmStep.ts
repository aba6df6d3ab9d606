import * as vscode from 'vscode';
import { estimateRows, plural } from '../../diagnostics/checkSummary';
import { escapeCodicons } from '../../shared/quickPickText';
import { combineChecks } from '../combineChecks';
import { formatTags } from '../jobFields';
import { joinKey, s3Uri } from '../s3Paths';
import type { ValueItem } from './modelSteps';
import type { WizardStep } from './multiStepInput';
import { inputKeys } from './storageSteps';
import { isOneJob, type WizardDeps, type WizardState } from './wizardState';

type ConfirmChoice = 'submit' | 'problems';

/**
 * The last step: the checker's verdict for the chosen model and the estimates (records, input
 * tokens, cost at the batch price), then Submit. Errors never reach this step: `prepare` stops
 * the wizard first. Warnings make the button "Submit anyway".
 */
export function confirmStep(deps: WizardDeps): WizardStep<WizardState> {
    return {
        name: 'confirm',
        async run(input, state) {
            const prepared = await deps.prepare(state);
            const combined = combineChecks(prepared.results);
            if (state.confirmed) {
                return;
            }
            const warnings = combined?.warnings ?? 0;
            const estimate = combined === undefined ? undefined : estimateRows(combined);
            const jobs = isOneJob(state) ? 'the job' : `${state.files.length} jobs`;
            const name = isOneJob(state) ? ` "${state.jobName ?? ''}"` : '';
            const [firstKey] = inputKeys(state, state.jobName ?? 'job');
            const folder = state.files.length > 1 && isOneJob(state);
            const inputShown =
                firstKey === undefined
                    ? ''
                    : folder
                      ? s3Uri(
                            state.bucket ?? '',
                            firstKey.slice(0, firstKey.lastIndexOf('/')),
                            true,
                        )
                      : s3Uri(state.bucket ?? '', firstKey);
            const role =
                state.role?.kind === 'create'
                    ? `${state.role.name} (created now)`
                    : (state.role?.arn ?? '');
            const modelId = state.modelId ?? '';
            const invocationType = state.invocationType ?? 'InvokeModel';
            const fileCount = folder ? ` (${plural(state.files.length, 'file')})` : '';
            const outputKey = joinKey(state.outputPrefix ?? '', '<job id>');
            const outputShown = s3Uri(state.bucket ?? '', outputKey);
            const items: ValueItem<ConfirmChoice>[] = [
                {
                    label:
                        warnings > 0
                            ? `$(cloud-upload) Submit anyway (${plural(warnings, 'warning')})`
                            : '$(cloud-upload) Submit',
                    description: `${modelId} · ${invocationType}`,
                    value: 'submit',
                },
            ];
            if (warnings > 0) {
                items.push({
                    label: `$(warning) Show the ${plural(warnings, 'warning')} in Problems`,
                    value: 'problems',
                });
            }
            if (estimate !== undefined) {
                items.push(
                    {
                        label: 'Estimate',
                        kind: vscode.QuickPickItemKind.Separator,
                        value: undefined,
                    },
                    { label: estimate.records, value: undefined },
                    { label: estimate.tokens, value: undefined },
                    { label: estimate.cost, detail: estimate.costBasis, value: undefined },
                );
            }
            if (prepared.quotaNotes.length > 0) {
                items.push({
                    label: `Quotas: ${prepared.quotaNotes.join(', ')}`,
                    value: undefined,
                });
            }
            items.push(
                { label: 'Where', kind: vscode.QuickPickItemKind.Separator, value: undefined },
                { label: escapeCodicons(`Input: ${inputShown}${fileCount}`), value: undefined },
                { label: escapeCodicons(`Output: ${outputShown}/`), value: undefined },
                { label: escapeCodicons(`Role: ${role}`), value: undefined },
                { label: `Timeout: ${state.timeoutHours ?? 24} h`, value: undefined },
                ...settingRows(state),
            );
            for (;;) {
                const picked = await input.pick<ValueItem<ConfirmChoice>>({
                    title: `Submit ${jobs}${name} to Bedrock in ${state.region ?? ''}?`,
                    items,
                });
                if (picked.value === 'submit') {
                    state.confirmed = true;
                    return;
                }
                if (picked.value === 'problems') {
                    await vscode.commands.executeCommand('workbench.actions.view.problems');
                }
            }
        },
    };
}

/** Tags, encryption and VPC as entered, and the job the settings were copied from. */
function settingRows(state: WizardState): ValueItem<ConfirmChoice>[] {
    const tags = state.tags ?? [];
    const rows: ValueItem<ConfirmChoice>[] = [
        {
            label: `Tags: ${tags.length === 0 ? 'none' : escapeCodicons(formatTags(tags))}`,
            value: undefined,
        },
    ];
    if (state.kmsKeyId !== undefined) {
        rows.push({
            label: escapeCodicons(`Output encryption: ${state.kmsKeyId}`),
            value: undefined,
        });
    }
    const subnets = state.subnetIds ?? [];
    if (subnets.length > 0) {
        const groups = state.securityGroupIds ?? [];
        rows.push({
            label: escapeCodicons(`VPC: ${subnets.join(', ')}`),
            description: escapeCodicons(`security groups ${groups.join(', ')}`),
            value: undefined,
        });
    }
    if (state.fromJob !== undefined) {
        rows.push({
            label: escapeCodicons(`Settings copied from ${state.fromJob.name}`),
            detail: escapeCodicons(`${state.fromJob.arn}; Back changes any of them`),
            value: undefined,
        });
    }
    return rows;
}

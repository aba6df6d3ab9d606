import type * as vscode from 'vscode';
import { classifyFailure } from '../../shared/failure';
import type { MultiFileMode } from '../jobSettings';
import type { WizardStep } from './multiStepInput';
import type { WizardDeps, WizardState } from './wizardState';

export interface ValueItem<T = string> extends vscode.QuickPickItem {
    readonly value: T | undefined;
}

/** Regions where batch inference runs, offered after the ones the user already uses. */
const batchRegions = [
    'us-east-1',
    'us-west-2',
    'us-east-2',
    'eu-west-1',
    'eu-central-1',
    'eu-west-3',
    'ap-northeast-1',
    'ap-southeast-2',
    'ap-south-1',
    'ca-central-1',
    'sa-east-1',
];
const regionPattern = /^[a-z]{2}(-[a-z]+)+-\d$/;

/** Credentials problems end the wizard (the command reports them with their fix). */
export function rethrowIfCredentials(error: unknown): void {
    const kind = classifyFailure(error).kind;
    if (
        kind === 'noCredentials' ||
        kind === 'ssoExpired' ||
        kind === 'invalidCredentials' ||
        kind === 'cancelled'
    ) {
        throw error;
    }
}

export function modeStep(deps: WizardDeps): WizardStep<WizardState> {
    return {
        name: 'mode',
        skip: (state) => state.files.length === 1 || deps.preset.mode !== undefined,
        answered: (state) => state.mode !== undefined,
        async run(input, state) {
            const count = state.files.length;
            const picked = await input.pick<ValueItem<MultiFileMode>>({
                title: `Submit ${count} files as...`,
                items: [
                    {
                        label: `One job per file (${count} jobs)`,
                        description: 'same settings for each',
                        value: 'jobPerFile',
                    },
                    {
                        label: 'One job over all the files',
                        description: 'uploaded into one S3 folder',
                        value: 'oneJob',
                    },
                ],
            });
            state.mode = picked.value;
        },
    };
}

export function regionStep(deps: WizardDeps): WizardStep<WizardState> {
    return {
        name: 'region',
        skip: () => deps.preset.region !== undefined,
        answered: (state) => state.region !== undefined,
        async run(input, state) {
            const items = (async (): Promise<ValueItem[]> => {
                const fallback = await deps.ctx.aws.defaultRegion().catch(() => undefined);
                const names = [
                    deps.remembered.region,
                    ...deps.ctx.settings.regions,
                    fallback,
                    ...batchRegions,
                ];
                const unique = [...new Set(names.filter((n): n is string => n !== undefined))];
                return unique.map((name) => ({
                    label: name,
                    description:
                        name === deps.remembered.region
                            ? 'last used'
                            : name === fallback
                              ? 'profile region'
                              : '',
                    value: name,
                }));
            })();
            const picked = await input.pick<ValueItem>({
                title: 'Region of the batch job',
                placeholder: 'Pick or type a region, e.g. us-west-2',
                items,
                activeItem: (shown) => shown.find((i) => i.value === state.region),
                typedItem: (value, listed) =>
                    regionPattern.test(value) && !listed.some((i) => i.value === value)
                        ? { label: value, description: 'typed', value }
                        : undefined,
            });
            state.region = picked.value;
        },
    };
}

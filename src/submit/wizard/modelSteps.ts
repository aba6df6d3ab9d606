import type * as vscode from 'vscode';
import { FAMILY_LABELS, resolveModel } from '../../checker/modelTarget';
import type { InvocationType } from '../../checker/types';
import { classifyFailure } from '../../shared/failure';
import { listModelChoices } from '../awsLookups';
import { modelIdProblem } from '../jobFields';
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
                typedItem: (value) =>
                    regionPattern.test(value)
                        ? { label: value, description: 'typed', value }
                        : undefined,
            });
            state.region = picked.value;
        },
    };
}

export function modelStep(deps: WizardDeps): WizardStep<WizardState> {
    return {
        name: 'model',
        skip: () => deps.preset.modelId !== undefined,
        async run(input, state) {
            const region = state.region ?? 'us-east-1';
            const items = (async (): Promise<ValueItem[]> => {
                try {
                    const choices = await listModelChoices(deps.ctx, region, deps.recentModels);
                    return choices.map((c) => ({
                        label: c.label,
                        description: `${c.recent ? 'recently used · ' : ''}${c.description}`,
                        ...(c.detail !== undefined && c.kind === 'application-profile'
                            ? { detail: c.detail }
                            : {}),
                        value: c.id,
                    }));
                } catch (error) {
                    rethrowIfCredentials(error);
                    const failure = classifyFailure(error);
                    return [
                        ...deps.recentModels.map((id) => ({
                            label: id,
                            description: 'recently used',
                            value: id,
                        })),
                        {
                            label: `$(warning) Could not list the models of ${region}`,
                            detail: `${failure.message} Type a model id instead.`,
                            value: undefined,
                        },
                    ];
                }
            })();
            for (;;) {
                const picked = await input.pick<ValueItem>({
                    title: `Model for the batch job (${region})`,
                    placeholder: 'Pick a model or inference profile, or type its id or ARN',
                    items,
                    typedItem: (value) => {
                        if (value === '') {
                            return undefined;
                        }
                        const problem = modelIdProblem(value);
                        return problem === undefined
                            ? {
                                  label: value,
                                  description: 'typed model id',
                                  value,
                                  alwaysShow: true,
                              }
                            : { label: `$(error) ${problem}`, value: undefined, alwaysShow: true };
                    },
                });
                if (picked.value !== undefined) {
                    state.modelId = picked.value;
                    return;
                }
            }
        },
    };
}

export function invocationStep(deps: WizardDeps): WizardStep<WizardState> {
    return {
        name: 'invocationType',
        skip: () => deps.preset.invocationType !== undefined || deps.preset.modelId !== undefined,
        async run(input, state) {
            const family = FAMILY_LABELS[resolveModel(state.modelId).family];
            const last = deps.remembered.invocationType ?? 'InvokeModel';
            const order: InvocationType[] =
                last === 'Converse' ? ['Converse', 'InvokeModel'] : ['InvokeModel', 'Converse'];
            const picked = await input.pick<ValueItem<InvocationType>>({
                title: 'Request format of the records (modelInvocationType)',
                items: order.map((type) => ({
                    label: type,
                    description:
                        type === 'InvokeModel'
                            ? `the native ${family} request body in modelInput`
                            : 'the Converse request body (messages, system, inferenceConfig) ' +
                              'in modelInput',
                    value: type,
                })),
            });
            state.invocationType = picked.value;
        },
    };
}

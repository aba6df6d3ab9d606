import * as path from 'node:path';
import {
    formatTags,
    kmsKeyProblem,
    parseTags,
    securityGroupIdsProblem,
    splitIds,
    subnetIdsProblem,
    timeoutProblem,
    DEFAULT_TIMEOUT_HOURS,
} from '../jobFields';
import { generateJobName, jobNameProblem } from '../jobName';
import type { ValueItem } from './modelSteps';
import { isBack, type MultiStepInput, type WizardStep } from './multiStepInput';
import { isOneJob, type WizardDeps, type WizardState } from './wizardState';

/** The name a job gets unless the user changes it: from the file (or folder) name and the time. */
export function suggestedJobName(state: WizardState, now: Date): string {
    const [first] = state.files;
    if (first === undefined) {
        return generateJobName('batch', now);
    }
    const source =
        state.files.length > 1
            ? path.basename(path.dirname(first.fsPath))
            : path.basename(first.fsPath);
    return generateJobName(source, now);
}

export function jobNameStep(deps: WizardDeps): WizardStep<WizardState> {
    return {
        name: 'jobName',
        answered: (state) => state.jobName !== undefined,
        // Several files as several jobs: each gets a generated name.
        skip: (state) => deps.preset.jobName !== undefined || !isOneJob(state),
        async run(input, state) {
            const value = await input.input({
                title: 'Job name',
                value: state.jobName ?? suggestedJobName(state, deps.now),
                placeholder: 'Letters, digits and + - . ; up to 63 characters',
                validate: jobNameProblem,
                describe: (typed) =>
                    `${typed.length}/63 characters. Job names need not be unique; the job id is.`,
            });
            state.jobName = value;
        },
    };
}

export function timeoutStep(deps: WizardDeps): WizardStep<WizardState> {
    return {
        name: 'timeout',
        answered: (state) => state.timeoutHours !== undefined,
        skip: () => Object.keys(deps.preset).length > 0,
        async run(input, state) {
            const value = await input.input({
                title: 'Timeout in hours (24 to 168)',
                value: String(
                    state.timeoutHours ?? deps.remembered.timeoutHours ?? DEFAULT_TIMEOUT_HOURS,
                ),
                validate: timeoutProblem,
                prompt:
                    'Records not processed by then are left out: ' +
                    'the job ends Expired or PartiallyCompleted.',
            });
            state.timeoutHours = Number(value.trim());
        },
    };
}

type AdvancedChoice = 'continue' | 'tags' | 'kms' | 'vpc';

/** Tags, output encryption and VPC: shown as one menu that loops until "Continue". */
export function advancedStep(deps: WizardDeps): WizardStep<WizardState> {
    return {
        name: 'advanced',
        answered: (state) => state.tags !== undefined,
        skip: (state) => state.advancedDone,
        async run(input, state) {
            state.tags ??= deps.remembered.tags === undefined ? [] : [...deps.remembered.tags];
            state.kmsKeyId ??= deps.remembered.kmsKeyId;
            state.subnetIds ??=
                deps.remembered.vpc === undefined ? undefined : [...deps.remembered.vpc.subnetIds];
            state.securityGroupIds ??=
                deps.remembered.vpc === undefined
                    ? undefined
                    : [...deps.remembered.vpc.securityGroupIds];
            for (;;) {
                const vpc =
                    state.subnetIds === undefined || state.subnetIds.length === 0
                        ? 'none'
                        : `${state.subnetIds.length} subnets, ` +
                          `${state.securityGroupIds?.length ?? 0} security groups`;
                const picked = await input.pick<ValueItem<AdvancedChoice>>({
                    title: 'Advanced settings (optional)',
                    items: [
                        {
                            label: '$(arrow-right) Continue',
                            description: 'review and submit',
                            value: 'continue',
                        },
                        {
                            label: 'Tags',
                            description: state.tags.length === 0 ? 'none' : formatTags(state.tags),
                            value: 'tags',
                        },
                        {
                            label: 'Output encryption (KMS key)',
                            description: state.kmsKeyId ?? 'AWS managed key',
                            value: 'kms',
                        },
                        {
                            label: 'VPC (subnets and security groups)',
                            description: vpc,
                            value: 'vpc',
                        },
                    ],
                });
                if (picked.value === 'continue') {
                    return;
                }
                try {
                    await editAdvanced(input.nested(), state, picked.value);
                } catch (error) {
                    if (!isBack(error)) {
                        throw error;
                    }
                }
            }
        },
    };
}

async function editAdvanced(
    input: MultiStepInput,
    state: WizardState,
    choice: AdvancedChoice | undefined,
): Promise<void> {
    if (choice === 'tags') {
        const text = await input.input({
            title: 'Job tags',
            value: formatTags(state.tags ?? []),
            placeholder: 'key=value, key2=value2',
            validate: (typed) => {
                const parsed = parseTags(typed);
                return 'problem' in parsed ? parsed.problem : undefined;
            },
        });
        const parsed = parseTags(text);
        state.tags = 'tags' in parsed ? parsed.tags : [];
    } else if (choice === 'kms') {
        const key = await input.input({
            title: 'KMS key for the output (empty: AWS managed key)',
            value: state.kmsKeyId ?? '',
            placeholder: 'arn:aws:kms:us-east-1:123456789012:key/..., key id or alias/name',
            validate: (typed) => kmsKeyProblem(typed.trim()),
            prompt: 'The service role then needs kms:Decrypt and kms:GenerateDataKey on it.',
        });
        state.kmsKeyId = key.trim() === '' ? undefined : key.trim();
    } else if (choice === 'vpc') {
        const subnets = await input.input({
            title: 'Subnet ids (empty: no VPC)',
            value: (state.subnetIds ?? []).join(', '),
            placeholder: 'subnet-0123456789abcdef0, subnet-...',
            validate: subnetIdsProblem,
        });
        state.subnetIds = splitIds(subnets);
        if (state.subnetIds.length === 0) {
            state.securityGroupIds = undefined;
            return;
        }
        const groups = await input.input({
            title: 'Security group ids (1 to 5)',
            value: (state.securityGroupIds ?? []).join(', '),
            placeholder: 'sg-0123456789abcdef0',
            validate: (typed) =>
                splitIds(typed).length === 0
                    ? 'A VPC job needs at least one security group.'
                    : securityGroupIdsProblem(typed),
        });
        state.securityGroupIds = splitIds(groups);
    }
}

import { classifyFailure } from '../../shared/failure';
import { callerIdentity, listServiceRoles } from '../awsLookups';
import { roleArnProblem } from '../jobFields';
import { partitionOf, roleArn, roleNameProblem } from '../serviceRole';
import { timeStamp } from '../jobName';
import { rethrowIfCredentials, type ValueItem } from './modelSteps';
import { isBack, type MultiStepInput, type WizardStep } from './multiStepInput';
import type { WizardDeps, WizardState } from './wizardState';

type RoleValue = { readonly arn: string } | 'enter' | 'create';

/**
 * The service role: roles that trust bedrock.amazonaws.com (IAM ListRoles), an ARN typed in when
 * listing is not allowed, or a new role with the documented trust and S3 policies (created only
 * when the user confirms the submission).
 */
export function roleStep(deps: WizardDeps): WizardStep<WizardState> {
    return {
        name: 'role',
        answered: (state) => state.role !== undefined,
        skip: () => deps.preset.roleArn !== undefined,
        async run(input, state) {
            const items = (async (): Promise<ValueItem<RoleValue>[]> => {
                const remembered = deps.remembered.roleArn;
                const fixed: ValueItem<RoleValue>[] = [
                    { label: '$(edit) Enter a role ARN...', value: 'enter' },
                    {
                        label: '$(add) Create a new service role...',
                        detail:
                            'Trusted by bedrock.amazonaws.com for this account and region; ' +
                            'may read and write the chosen bucket',
                        value: 'create',
                    },
                ];
                try {
                    const roles = await listServiceRoles(deps.ctx);
                    const listed = roles
                        .sort((a, b) => Number(b.arn === remembered) - Number(a.arn === remembered))
                        .map((role) => ({
                            label: role.name,
                            description:
                                role.arn === remembered ? 'last used' : (role.description ?? ''),
                            detail: role.arn,
                            value: { arn: role.arn },
                        }));
                    const noRole = '$(info) No role here trusts bedrock.amazonaws.com yet';
                    const none: ValueItem<RoleValue>[] =
                        listed.length === 0 ? [{ label: noRole, value: undefined }] : [];
                    return [...listed, ...none, ...fixed];
                } catch (error) {
                    rethrowIfCredentials(error);
                    const kept: ValueItem<RoleValue>[] =
                        remembered === undefined
                            ? []
                            : [
                                  {
                                      label: remembered.replace(/^.*:role\//, ''),
                                      description: 'last used',
                                      detail: remembered,
                                      value: { arn: remembered },
                                  },
                              ];
                    const failure = classifyFailure(error);
                    return [
                        ...kept,
                        {
                            label: '$(warning) Could not list IAM roles',
                            detail: `${failure.message} Enter the role ARN instead.`,
                            value: undefined,
                        },
                        ...fixed,
                    ];
                }
            })();
            for (;;) {
                const picked = await input.pick<ValueItem<RoleValue>>({
                    title: 'Service role Bedrock assumes to read the input and write the output',
                    placeholder: 'Pick a role, enter its ARN, or create one',
                    items,
                    activeItem: (shown) =>
                        shown.find(
                            (i) => typeof i.value === 'object' && i.value.arn === state.role?.arn,
                        ),
                });
                const value = picked.value;
                if (value === undefined) {
                    continue;
                }
                try {
                    if (value === 'enter') {
                        const arn = await enterRoleArn(
                            input.nested(),
                            state.role?.arn ?? deps.remembered.roleArn ?? '',
                        );
                        state.role = { kind: 'existing', arn };
                    } else if (value === 'create') {
                        state.role = await describeNewRole(input.nested(), deps, state);
                    } else {
                        state.role = { kind: 'existing', arn: value.arn };
                    }
                    return;
                } catch (error) {
                    if (!isBack(error)) {
                        throw error;
                    }
                }
            }
        },
    };
}

async function enterRoleArn(input: MultiStepInput, value: string): Promise<string> {
    const arn = await input.input({
        title: 'Service role ARN',
        value,
        placeholder: 'arn:aws:iam::123456789012:role/BedrockBatchRole',
        validate: (typed) => roleArnProblem(typed.trim()),
        prompt: 'You need iam:PassRole on this role to hand it to Bedrock.',
    });
    return arn.trim();
}

async function describeNewRole(
    input: MultiStepInput,
    deps: WizardDeps,
    state: WizardState,
): Promise<WizardState['role']> {
    const name = await input.input({
        title: 'Name of the new service role',
        value: `BedrockBatch-${timeStamp(deps.now)}`,
        validate: roleNameProblem,
        prompt:
            'Created with iam:CreateRole and iam:PutRolePolicy when you confirm the submission.',
    });
    const identity = await callerIdentity(deps.ctx, state.region ?? 'us-east-1');
    const partition = partitionOf(identity.arn);
    return {
        kind: 'create',
        name,
        accountId: identity.account,
        partition,
        arn: roleArn(partition, identity.account, name),
    };
}

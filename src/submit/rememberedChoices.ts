import type * as vscode from 'vscode';
import type { RememberedChoices, WizardState } from './wizard/wizardState';

const key = 'bedrockBatch.submit.lastChoices';

/** The wizard's answers per workspace (workspaceState), offered first next time. */
export function loadChoices(state: vscode.Memento): RememberedChoices {
    return state.get<RememberedChoices>(key) ?? {};
}

export async function saveChoices(state: vscode.Memento, answers: WizardState): Promise<void> {
    const vpc =
        answers.subnetIds !== undefined && answers.subnetIds.length > 0
            ? { subnetIds: answers.subnetIds, securityGroupIds: answers.securityGroupIds ?? [] }
            : undefined;
    const choices: RememberedChoices = {
        ...(answers.files.length > 1 && answers.mode !== undefined ? { mode: answers.mode } : {}),
        ...(answers.region === undefined ? {} : { region: answers.region }),
        ...(answers.invocationType === undefined ? {} : { invocationType: answers.invocationType }),
        ...(answers.role === undefined ? {} : { roleArn: answers.role.arn }),
        ...(answers.bucket === undefined ? {} : { bucket: answers.bucket }),
        ...(answers.prefix === undefined ? {} : { prefix: answers.prefix }),
        ...(answers.outputPrefix === undefined ? {} : { outputPrefix: answers.outputPrefix }),
        ...(answers.timeoutHours === undefined ? {} : { timeoutHours: answers.timeoutHours }),
        ...(answers.tags === undefined ? {} : { tags: answers.tags }),
        ...(answers.kmsKeyId === undefined ? {} : { kmsKeyId: answers.kmsKeyId }),
        ...(vpc === undefined ? {} : { vpc }),
    };
    const previousMode = loadChoices(state).mode;
    await state.update(key, {
        ...(previousMode === undefined ? {} : { mode: previousMode }),
        ...choices,
    });
}

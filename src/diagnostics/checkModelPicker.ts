import * as vscode from 'vscode';
import { FAMILY_LABELS, resolveModel } from '../checker/modelTarget';
import type { InvocationType } from '../checker/types';
import { modelIdProblem } from '../submit/jobFields';
import type { CheckModel, CheckModelSource, CheckModelStore } from './checkModelStore';

const sourceText: Record<CheckModelSource, string> = {
    file: 'chosen for this file',
    workspace: 'last used in this workspace',
    setting: 'from the bedrockBatch.defaultModelId setting',
    none: 'no model chosen',
};

export function describeCheckModel(
    model: CheckModel,
    source: CheckModelSource,
): { text: string; tooltip: string } {
    const target = resolveModel(model.modelId, model.invocationType);
    const family = model.modelId === undefined ? 'generic rules' : FAMILY_LABELS[target.family];
    const converse = model.invocationType === 'Converse' ? ' (Converse)' : '';
    const text = `$(checklist) ${family}${converse}`;
    const tooltip =
        model.modelId === undefined
            ? 'Bedrock Batch checks this file with generic rules only. ' +
              'Click to choose the model it is for.'
            : `Bedrock Batch checks request bodies for ${model.modelId} ` +
              `(${family}, ${model.invocationType}), ` +
              `${sourceText[source]}. Click to change.`;
    return { text, tooltip };
}

interface ModelItem extends vscode.QuickPickItem {
    readonly choice: 'model' | 'generic' | 'reset' | 'type';
    readonly modelId?: string;
}

/** Asks which model (and invocation type) a file is checked against; undefined when dismissed. */
export async function pickCheckModel(
    store: CheckModelStore,
    uri: vscode.Uri,
): Promise<{ model: CheckModel | undefined } | undefined> {
    const { model: current, source } = store.resolve(uri);
    const ids = [current.modelId, ...store.recentModels()].filter((id) => id !== undefined);
    const items: ModelItem[] = [...new Set(ids)].map((id) => ({
        label: id,
        description:
            FAMILY_LABELS[resolveModel(id).family] + (id === current.modelId ? ' · now' : ''),
        choice: 'model',
        modelId: id,
    }));
    items.push(
        { label: '$(edit) Enter a model id...', choice: 'type' },
        {
            label: '$(circle-slash) Generic rules only',
            description: 'no model-specific checks',
            choice: 'generic',
        },
    );
    if (source === 'file') {
        items.push({ label: '$(discard) Forget the choice for this file', choice: 'reset' });
    }
    const picked = await vscode.window.showQuickPick(items, {
        title: 'Check this file against which model?',
        placeHolder:
            current.modelId === undefined
                ? 'Model id, e.g. anthropic.claude-3-haiku-20240307-v1:0'
                : `Now: ${current.modelId}`,
    });
    if (picked === undefined) {
        return undefined;
    }
    if (picked.choice === 'reset') {
        return { model: undefined };
    }
    if (picked.choice === 'generic') {
        return { model: { invocationType: 'InvokeModel' } };
    }
    const modelId =
        picked.choice === 'type'
            ? await vscode.window.showInputBox({
                  title: 'Model id, inference profile id or ARN',
                  value: current.modelId ?? '',
                  validateInput: (value) => modelIdProblem(value.trim()),
              })
            : picked.modelId;
    if (modelId === undefined) {
        return undefined;
    }
    const invocationType = await pickInvocationType(current.invocationType);
    return invocationType === undefined
        ? undefined
        : { model: { modelId: modelId.trim(), invocationType } };
}

async function pickInvocationType(current: InvocationType): Promise<InvocationType | undefined> {
    const types: InvocationType[] =
        current === 'Converse' ? ['Converse', 'InvokeModel'] : ['InvokeModel', 'Converse'];
    const picked = await vscode.window.showQuickPick(
        types.map((type) => ({
            label: type,
            description:
                type === 'InvokeModel'
                    ? "the model's native request body"
                    : 'the Converse request body',
        })),
        { title: 'Invocation type of the job' },
    );
    return picked?.label;
}

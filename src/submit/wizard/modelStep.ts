import { isEmbeddingsModel } from '../../checker/modelTarget';
import { classifyFailure } from '../../shared/failure';
import { escapeCodicons } from '../../shared/quickPickText';
import { listModelChoices } from '../awsLookups';
import { checkModelFirst, choiceNotes, type ModelChoice } from '../modelChoices';
import { classifyTyped, type ListedModel } from '../typedModel';
import { rethrowIfCredentials, type ValueItem } from './modelSteps';
import { isBack, type MultiStepInput, type WizardStep } from './multiStepInput';
import { sharedCheckModel, type WizardDeps, type WizardState } from './wizardState';

interface ModelItem extends ValueItem {
    /** A typed id the region does not list: accepted only after the user confirms it. */
    readonly unlisted?: boolean;
}

interface ModelList {
    readonly items: readonly ModelItem[];
    /** What typed text is compared with. */
    readonly listed: readonly ListedModel[];
    /** False when the region's models could not be listed (only recent ids are known). */
    readonly complete: boolean;
}

/**
 * The model: the region's models and inference profiles, the file's own check model first and
 * highlighted, then the recently used ones. Typed text filters the list; a well-formed id that
 * is not listed is offered last and needs a confirmation; Enter on text that is no id says why.
 */
export function modelStep(deps: WizardDeps): WizardStep<WizardState> {
    return {
        name: 'model',
        skip: () => deps.preset.modelId !== undefined,
        answered: (state) => state.modelId !== undefined,
        async run(input, state) {
            const region = state.region ?? 'us-east-1';
            const fileModel = sharedCheckModel(deps, state)?.modelId;
            let list: ModelList = { items: [], listed: [], complete: false };
            const items = modelList(deps, region, fileModel).then((loaded) => {
                list = loaded;
                return loaded.items;
            });
            let typed = '';
            for (;;) {
                const picked = await input.pick<ModelItem>({
                    title: `Model for the batch job (${region})`,
                    placeholder: 'Pick a model or inference profile, or type to filter',
                    items,
                    value: typed,
                    activeItem: (shown) => {
                        const wanted = [state.modelId, fileModel, ...deps.recentModels];
                        return wanted
                            .map((id) => shown.find((i) => id !== undefined && i.value === id))
                            .find((i) => i !== undefined);
                    },
                    typedItem: (value) => typedRow(value, list, region),
                    refuse: (item) =>
                        item.value === undefined ? (item.detail ?? item.label) : undefined,
                });
                const id = picked.value;
                if (id === undefined) {
                    continue;
                }
                if (picked.unlisted === true && !(await confirmUnlisted(input, id, region))) {
                    typed = id;
                    continue;
                }
                setModel(deps, state, id);
                return;
            }
        },
    };
}

function setModel(deps: WizardDeps, state: WizardState, id: string): void {
    if (state.modelId !== id && deps.preset.invocationType === undefined) {
        // The request format is judged again for the new model.
        state.invocationType = undefined;
    }
    state.modelId = id;
    if (isEmbeddingsModel(id)) {
        state.invocationType = 'InvokeModel';
    }
}

async function modelList(
    deps: WizardDeps,
    region: string,
    fileModel: string | undefined,
): Promise<ModelList> {
    try {
        const choices = await listModelChoices(deps.ctx, region, deps.recentModels);
        const { ordered, unlistedFileModel } = checkModelFirst(choices, fileModel);
        const unlisted: ModelItem[] =
            unlistedFileModel === undefined
                ? []
                : [
                      {
                          label: escapeCodicons(unlistedFileModel),
                          description: `this file's check model · not listed in ${region}`,
                          value: unlistedFileModel,
                          unlisted: true,
                      },
                  ];
        return {
            items: [...unlisted, ...ordered.map((c) => choiceItem(c, fileModel))],
            listed: [
                ...(unlistedFileModel === undefined
                    ? []
                    : [{ id: unlistedFileModel, label: unlistedFileModel }]),
                ...choices.map((c) => ({ id: c.id, label: c.label, description: c.description })),
            ],
            complete: true,
        };
    } catch (error) {
        rethrowIfCredentials(error);
        const failure = classifyFailure(error);
        const known = [...new Set([fileModel, ...deps.recentModels])].filter(
            (id) => id !== undefined,
        );
        const items: ModelItem[] = known.map((id) => ({
            label: escapeCodicons(id),
            description: id === fileModel ? "this file's check model" : 'recently used',
            value: id,
        }));
        return {
            items: [
                ...items,
                {
                    label: `$(warning) Could not list the models of ${region}`,
                    detail: `${failure.message} Type a model id instead.`,
                    value: undefined,
                },
            ],
            listed: known.map((id) => ({ id, label: id })),
            complete: false,
        };
    }
}

function choiceItem(choice: ModelChoice, fileModel: string | undefined): ModelItem {
    return {
        label: choice.label,
        description: choiceNotes(choice, fileModel),
        ...(choice.detail !== undefined && choice.kind === 'application-profile'
            ? { detail: choice.detail }
            : {}),
        value: choice.id,
    };
}

/**
 * The extra row for typed text. Its label never contains the text, so VS Code keeps the listed
 * models that match it above (best match first) and the row comes last.
 */
function typedRow(value: string, list: ModelList, region: string): ModelItem | undefined {
    const typed = classifyTyped(value, list.listed, list.complete, region);
    switch (typed.kind) {
        case 'none':
        case 'filter':
            return undefined;
        case 'invalid':
            return {
                label: '$(error) Not a model id',
                detail:
                    `${escapeCodicons(typed.problem)} ` +
                    'Pick a model from the list, or type its whole id.',
                value: undefined,
                alwaysShow: true,
            };
        case 'listedArn':
            return {
                label: '$(edit) Use the typed ARN',
                description: escapeCodicons(typed.id),
                detail: `the ARN of ${typed.listedId}`,
                value: typed.id,
                alwaysShow: true,
            };
        case 'unlisted':
            return typed.listChecked
                ? {
                      label: '$(warning) Use the typed id',
                      description: escapeCodicons(typed.id),
                      detail: `not listed in ${region}: Bedrock may refuse it`,
                      value: typed.id,
                      unlisted: true,
                      alwaysShow: true,
                  }
                : {
                      label: '$(edit) Use the typed id',
                      description: escapeCodicons(typed.id),
                      detail: `not compared with the models of ${region}: they could not be listed`,
                      value: typed.id,
                      alwaysShow: true,
                  };
    }
}

type Confirmation = 'use' | 'back';

/** A typed id the region does not list: Bedrock refuses it only after the upload, so ask. */
async function confirmUnlisted(
    input: MultiStepInput,
    id: string,
    region: string,
): Promise<boolean> {
    try {
        const answer = await input.nested().pick<ValueItem<Confirmation>>({
            title: `${id} is not listed in ${region}`,
            items: [
                {
                    label: '$(arrow-left) Pick a listed model',
                    description: 'back to the list, with the text you typed',
                    value: 'back',
                },
                {
                    label: `Use ${escapeCodicons(id)} anyway`,
                    detail:
                        'Bedrock may refuse it ("The provided model identifier is invalid") ' +
                        'once the file is uploaded',
                    value: 'use',
                },
            ],
        });
        return answer.value === 'use';
    } catch (error) {
        if (isBack(error)) {
            return false;
        }
        throw error;
    }
}

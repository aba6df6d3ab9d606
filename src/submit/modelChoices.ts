/**
 * The models a batch job can name, from ListFoundationModels and ListInferenceProfiles: text and
 * embedding models only, no provisioned-throughput context-length variants, recently used first.
 * ListFoundationModels has no batch flag, so the service still has the last word per region.
 */
import type { FoundationModelSummary, InferenceProfileSummary } from '@aws-sdk/client-bedrock';
import { isContextLengthVariant } from './jobFields';

export interface ModelChoice {
    /** What goes into `modelId`: a base id, a profile id or an application profile ARN. */
    readonly id: string;
    readonly label: string;
    readonly description: string;
    readonly detail?: string;
    readonly kind: 'foundation' | 'profile' | 'application-profile';
    readonly recent: boolean;
}

const batchOutputs = new Set(['TEXT', 'EMBEDDING']);

function producesTextOrEmbeddings(outputs: readonly string[] | undefined): boolean {
    return outputs === undefined || outputs.some((o) => batchOutputs.has(o));
}

function baseIdOfArn(arn: string | undefined): string | undefined {
    return arn === undefined ? undefined : /foundation-model\/(.+)$/.exec(arn)?.[1];
}

export function buildModelChoices(
    foundationModels: readonly FoundationModelSummary[],
    profiles: readonly InferenceProfileSummary[],
    recentIds: readonly string[],
): ModelChoice[] {
    const byId = new Map(foundationModels.map((m) => [m.modelId ?? '', m]));
    const choices: ModelChoice[] = [];
    for (const model of foundationModels) {
        const id = model.modelId;
        if (
            id === undefined ||
            isContextLengthVariant(id) ||
            !producesTextOrEmbeddings(model.outputModalities)
        ) {
            continue;
        }
        const onDemand = model.inferenceTypesSupported?.includes('ON_DEMAND') ?? true;
        const legacy = model.modelLifecycle?.status === 'LEGACY';
        const notes = [
            model.providerName,
            onDemand ? undefined : 'usually through an inference profile',
            legacy ? 'legacy' : undefined,
        ].filter((n) => n !== undefined);
        choices.push({
            id,
            label: id,
            description: [model.modelName, ...notes].filter((n) => n !== undefined).join(' · '),
            kind: 'foundation',
            recent: recentIds.includes(id),
        });
    }
    for (const profile of profiles) {
        const id = profile.inferenceProfileId;
        if (
            id === undefined ||
            (profile.status !== undefined && profile.status !== 'ACTIVE') ||
            isContextLengthVariant(id)
        ) {
            continue;
        }
        const baseId = baseIdOfArn(profile.models?.[0]?.modelArn);
        const base = baseId === undefined ? undefined : byId.get(baseId);
        if (!producesTextOrEmbeddings(base?.outputModalities)) {
            continue;
        }
        const application = profile.type === 'APPLICATION';
        // Application profiles are named by ARN; system-defined ones by their id.
        const modelId = application ? (profile.inferenceProfileArn ?? id) : id;
        choices.push({
            id: modelId,
            label: application ? (profile.inferenceProfileName ?? id) : id,
            description: application
                ? 'application inference profile'
                : `${profile.inferenceProfileName ?? ''} · cross-region profile`.replace(
                      /^ · /,
                      '',
                  ),
            detail: profile.inferenceProfileArn,
            kind: application ? 'application-profile' : 'profile',
            recent:
                recentIds.includes(modelId) ||
                recentIds.includes(profile.inferenceProfileArn ?? ''),
        });
    }
    const rank = (choice: ModelChoice): number => {
        const index = recentIds.indexOf(choice.id);
        return index < 0 ? Number.MAX_SAFE_INTEGER : index;
    };
    return choices.sort((a, b) => rank(a) - rank(b) || a.label.localeCompare(b.label));
}

/** Puts `id` first in the recently-used list, keeping at most `limit` entries. */
export function rememberRecent(recentIds: readonly string[], id: string, limit = 10): string[] {
    return [id, ...recentIds.filter((r) => r !== id)].slice(0, limit);
}

/** How the model step lists a model: what the user is told about it, beside its name. */
export function choiceNotes(choice: ModelChoice, fileModel: string | undefined): string {
    return [
        choice.id === fileModel ? "this file's check model" : undefined,
        choice.recent ? 'recently used' : undefined,
        choice.description,
    ]
        .filter((note) => note !== undefined && note !== '')
        .join(' · ');
}

/**
 * The file's check model first, then the rest in their order. A check model the region does not
 * list (a typed id, another region's profile) still comes first, as a choice of its own.
 */
export function checkModelFirst(
    choices: readonly ModelChoice[],
    fileModel: string | undefined,
): { readonly ordered: ModelChoice[]; readonly unlistedFileModel: string | undefined } {
    const listed = choices.filter((choice) => choice.id === fileModel);
    const rest = choices.filter((choice) => choice.id !== fileModel);
    return {
        ordered: [...listed, ...rest],
        unlistedFileModel: fileModel !== undefined && listed.length === 0 ? fileModel : undefined,
    };
}

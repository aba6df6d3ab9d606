/** Region-aware views of the model catalogue in the shapes the Bedrock API returns. */
import { FOUNDATION_MODELS } from './foundationModels';
import type { Geography } from './regions';
import { GEO_LABELS, GEOGRAPHY_REGIONS, sourceRegions } from './regions';
import type { CatalogueModel } from './types';

export interface FoundationModelSummary {
    modelArn: string;
    modelId: string;
    modelName: string;
    providerName: string;
    inputModalities: string[];
    outputModalities: string[];
    responseStreamingSupported?: boolean;
    customizationsSupported: string[];
    inferenceTypesSupported: string[];
    modelLifecycle: { status: string };
}

export interface InferenceProfileSummary {
    inferenceProfileName: string;
    description?: string;
    createdAt: string;
    updatedAt: string;
    inferenceProfileArn: string;
    models: Array<{ modelArn: string }>;
    inferenceProfileId: string;
    status: 'ACTIVE';
    type: 'SYSTEM_DEFINED' | 'APPLICATION';
}

/** A system-defined profile resolved to the model it routes to. */
export interface SystemProfile {
    readonly geography: Geography;
    readonly model: CatalogueModel;
    readonly summary: InferenceProfileSummary;
}

const BY_ID = new Map(FOUNDATION_MODELS.map((m) => [m.modelId, m]));
const PROFILE_DATE = '2024-08-27T00:00:00.000Z';

export function foundationModelArn(region: string, modelId: string): string {
    return `arn:aws:bedrock:${region}::foundation-model/${modelId}`;
}

export function catalogueModel(modelId: string): CatalogueModel | undefined {
    return BY_ID.get(modelId);
}

/** The model listed in a region under this id, or under a context-length variant of it. */
export function modelInRegion(
    region: string,
    modelId: string,
): { model: CatalogueModel; variant?: string } | undefined {
    const exact = BY_ID.get(modelId);
    if (exact !== undefined) {
        return exact.regions.includes(region) ? { model: exact } : undefined;
    }
    for (const model of FOUNDATION_MODELS) {
        for (const variant of model.provisionedVariants) {
            if (`${model.modelId}:${variant}` === modelId && model.regions.includes(region)) {
                return { model, variant };
            }
        }
    }
    return undefined;
}

export function runsOnDemand(model: CatalogueModel, region: string): boolean {
    return model.onDemandRegions.includes(region);
}

export function foundationModelSummaries(region: string): FoundationModelSummary[] {
    const out: FoundationModelSummary[] = [];
    for (const model of FOUNDATION_MODELS) {
        if (!model.regions.includes(region)) {
            continue;
        }
        const hasVariants = model.provisionedVariants.length > 0;
        out.push(
            summarise(
                model,
                region,
                model.modelId,
                [runsOnDemand(model, region) ? 'ON_DEMAND' : 'INFERENCE_PROFILE'],
                hasVariants ? [] : [...model.customizationsSupported],
            ),
        );
        model.provisionedVariants.forEach((variant, index) => {
            out.push(
                summarise(
                    model,
                    region,
                    `${model.modelId}:${variant}`,
                    ['PROVISIONED'],
                    index === 0 ? [...model.customizationsSupported] : [],
                ),
            );
        });
    }
    return out;
}

function summarise(
    model: CatalogueModel,
    region: string,
    modelId: string,
    inferenceTypes: string[],
    customizations: string[],
): FoundationModelSummary {
    return {
        modelArn: foundationModelArn(region, modelId),
        modelId,
        modelName: model.modelName,
        providerName: model.providerName,
        inputModalities: [...model.inputModalities],
        outputModalities: [...model.outputModalities],
        ...(model.responseStreamingSupported === undefined
            ? {}
            : { responseStreamingSupported: model.responseStreamingSupported }),
        customizationsSupported: customizations,
        inferenceTypesSupported: inferenceTypes,
        modelLifecycle: { status: model.lifecycle },
    };
}

export function systemProfiles(region: string, accountId: string): SystemProfile[] {
    const out: SystemProfile[] = [];
    for (const model of FOUNDATION_MODELS) {
        if (!model.regions.includes(region)) {
            continue;
        }
        for (const geography of model.profileGeographies) {
            if (sourceRegions(geography).includes(region)) {
                out.push({
                    geography,
                    model,
                    summary: profileSummary(model, geography, region, accountId),
                });
            }
        }
    }
    return out;
}

/** A system profile by its id (`us.<model>`), callable from this region. */
export function systemProfile(
    region: string,
    accountId: string,
    profileId: string,
): SystemProfile | undefined {
    return systemProfiles(region, accountId).find(
        (p) => p.summary.inferenceProfileId === profileId,
    );
}

function profileSummary(
    model: CatalogueModel,
    geography: Geography,
    region: string,
    accountId: string,
): InferenceProfileSummary {
    const id = `${geography}.${model.modelId}`;
    const destinations =
        geography === 'global'
            ? [region]
            : GEOGRAPHY_REGIONS[geography].filter((r) => model.regions.includes(r));
    const models = destinations.map((r) => ({ modelArn: foundationModelArn(r, model.modelId) }));
    if (geography === 'global') {
        models.push({ modelArn: `arn:aws:bedrock:::foundation-model/${model.modelId}` });
    }
    const where = geography === 'global' ? 'commercial AWS Regions' : listed(destinations);
    const provider = model.providerName === 'Amazon' ? '' : `${model.providerName} `;
    return {
        inferenceProfileName: `${GEO_LABELS[geography]} ${provider}${model.modelName}`,
        description: `Routes requests to ${provider}${model.modelName} in ${where}.`,
        createdAt: PROFILE_DATE,
        updatedAt: PROFILE_DATE,
        inferenceProfileArn: `arn:aws:bedrock:${region}:${accountId}:inference-profile/${id}`,
        models,
        inferenceProfileId: id,
        status: 'ACTIVE',
        type: 'SYSTEM_DEFINED',
    };
}

function listed(regions: readonly string[]): string {
    if (regions.length <= 1) {
        return regions.join('');
    }
    return `${regions.slice(0, -1).join(', ')} and ${regions[regions.length - 1] ?? ''}`;
}

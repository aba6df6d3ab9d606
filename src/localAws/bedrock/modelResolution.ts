/**
 * Resolves the modelId of a batch job (base id, foundation-model ARN, system profile id or ARN,
 * application-inference-profile ARN, custom-model ARN) to a catalogue model, refusing what the
 * service refuses. The pattern check happened before; this is about what exists in the region.
 */
import { modelInRegion, runsOnDemand, systemProfile } from './catalogue/catalogue';
import type { CatalogueModel } from './catalogue/types';
import { validationError } from './errors';

export type ModelForm =
    'foundation-model' | 'system-profile' | 'application-profile' | 'custom-model';

export interface ResolvedModel {
    readonly model: CatalogueModel;
    readonly form: ModelForm;
}

/** Profiles and custom models the account created (kept by the module's state). */
export interface AccountModels {
    applicationProfileModel(arn: string): { modelId: string; viaProfileId?: string } | undefined;
    customModelBase(arn: string): string | undefined;
}

export const modelMessages = {
    invalid: 'The provided model identifier is invalid.',
    batchUnsupported: 'Batch inference is not supported for the requested model',
    onDemandUnsupported: (modelId: string): string =>
        `Invocation of model ID ${modelId} with on-demand throughput isn\u2019t supported. ` +
        'Retry your ' +
        'request with the ID or ARN of an inference profile that contains this model.',
};

const GEO_PREFIXES = ['us', 'eu', 'apac', 'global', 'us-gov', 'ca', 'jp', 'au'];
const ARN = /^arn:aws(?:-[^:]+)?:bedrock:([a-z0-9-]*):([0-9]{12})?:([a-z-]+)\/(.+)$/;

export function resolveBatchModel(
    modelId: string,
    region: string,
    accountId: string,
    account: AccountModels,
): ResolvedModel {
    const arn = ARN.exec(modelId);
    if (arn === null) {
        const prefix = modelId.split('.')[0] ?? '';
        return GEO_PREFIXES.includes(prefix)
            ? viaSystemProfile(modelId, region, accountId)
            : viaBaseModel(modelId, region);
    }
    const [, arnRegion = '', arnAccount = '', kind = '', rest = ''] = arn;
    if (arnRegion !== region) {
        throw validationError(modelMessages.invalid);
    }
    switch (kind) {
        case 'foundation-model':
            return viaBaseModel(rest, region);
        case 'inference-profile':
            if (arnAccount !== accountId) {
                throw validationError(modelMessages.invalid);
            }
            return viaSystemProfile(rest, region, accountId);
        case 'application-inference-profile': {
            const target = account.applicationProfileModel(modelId);
            if (target === undefined) {
                throw validationError(modelMessages.invalid);
            }
            const resolved =
                target.viaProfileId === undefined
                    ? viaBaseModel(target.modelId, region)
                    : viaSystemProfile(target.viaProfileId, region, accountId);
            return { model: resolved.model, form: 'application-profile' };
        }
        case 'custom-model': {
            const base = account.customModelBase(modelId);
            const model = base === undefined ? undefined : modelInRegion(region, base)?.model;
            if (model === undefined) {
                throw validationError(modelMessages.invalid);
            }
            if (!model.batch.base && !model.batch.profiles) {
                throw validationError(modelMessages.batchUnsupported);
            }
            return { model, form: 'custom-model' };
        }
        default:
            throw validationError(modelMessages.invalid);
    }
}

function viaBaseModel(modelId: string, region: string): ResolvedModel {
    const found = modelInRegion(region, modelId);
    if (found === undefined) {
        throw validationError(modelMessages.invalid);
    }
    const { model, variant } = found;
    if (variant !== undefined) {
        throw validationError(modelMessages.batchUnsupported);
    }
    if (model.batch.base && runsOnDemand(model, region)) {
        return { model, form: 'foundation-model' };
    }
    if (model.batch.profiles && model.profileGeographies.length > 0) {
        throw validationError(modelMessages.onDemandUnsupported(modelId));
    }
    throw validationError(modelMessages.batchUnsupported);
}

function viaSystemProfile(profileId: string, region: string, accountId: string): ResolvedModel {
    const profile = systemProfile(region, accountId, profileId);
    if (profile === undefined) {
        throw validationError(modelMessages.invalid);
    }
    if (!profile.model.batch.profiles) {
        throw validationError(modelMessages.batchUnsupported);
    }
    return { model: profile.model, form: 'system-profile' };
}

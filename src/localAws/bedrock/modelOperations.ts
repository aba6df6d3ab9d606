/** The catalogue operations: foundation models and inference profiles. */
import {
    foundationModelSummaries,
    modelInRegion,
    systemProfile,
    systemProfiles,
} from './catalogue/catalogue';
import type { InferenceProfileSummary } from './catalogue/catalogue';
import { ConstraintViolations } from './constraints';
import { tagList } from './createRequest';
import { notFound, validationError } from './errors';
import type { Caller } from './jobOperations';
import { decodeToken, encodeToken } from './paging';
import {
    FOUNDATION_MODEL_IDENTIFIER,
    IDEMPOTENCY_TOKEN,
    INFERENCE_PROFILE_IDENTIFIER,
    PAGINATION_TOKEN,
    PROVIDER,
} from './patterns';
import { rfc3339 } from './restJson';
import type { ApplicationProfile, BedrockState } from './state';
import { lowerAlnum } from './state';

const CUSTOMIZATIONS = ['FINE_TUNING', 'CONTINUED_PRE_TRAINING', 'DISTILLATION'];
const MODALITIES = ['TEXT', 'IMAGE', 'EMBEDDING'];
const INFERENCE_TYPES = ['ON_DEMAND', 'PROVISIONED'];
const PROFILE_TYPES = ['SYSTEM_DEFINED', 'APPLICATION'];
const DEFAULT_PROFILE_PAGE_SIZE = 1000;

export const UNRESOLVED_MODEL_MESSAGE =
    'Could not resolve the foundation model from the provided model identifier.';

export class ModelOperations {
    constructor(
        private readonly state: BedrockState,
        private readonly now: () => number,
    ) {}

    listFoundationModels(caller: Caller, query: URLSearchParams): Record<string, unknown> {
        const v = new ConstraintViolations();
        const provider = query.get('byProvider') ?? undefined;
        v.text('byProvider', provider, { min: 1, max: 63, pattern: PROVIDER });
        const customization = optionalEnum(v, query, 'byCustomizationType', CUSTOMIZATIONS);
        const modality = optionalEnum(v, query, 'byOutputModality', MODALITIES);
        const inferenceType = optionalEnum(v, query, 'byInferenceType', INFERENCE_TYPES);
        v.throwIfAny();
        const modelSummaries = foundationModelSummaries(caller.region)
            .filter(
                (m) =>
                    provider === undefined ||
                    m.providerName.toLowerCase() === provider.toLowerCase(),
            )
            .filter(
                (m) =>
                    customization === undefined ||
                    m.customizationsSupported.includes(customization),
            )
            .filter((m) => modality === undefined || m.outputModalities.includes(modality))
            .filter(
                (m) =>
                    inferenceType === undefined ||
                    m.inferenceTypesSupported.includes(inferenceType),
            );
        return { modelSummaries };
    }

    getFoundationModel(caller: Caller, identifier: string): Record<string, unknown> {
        const v = new ConstraintViolations();
        v.text('modelIdentifier', identifier, {
            min: 1,
            max: 2048,
            pattern: FOUNDATION_MODEL_IDENTIFIER,
            required: true,
        });
        v.throwIfAny();
        const arn = /^arn:aws(?:-[^:]+)?:bedrock:([a-z0-9-]+)::foundation-model\/(.+)$/.exec(
            identifier,
        );
        if (arn !== null && arn[1] !== caller.region) {
            throw notFound(UNRESOLVED_MODEL_MESSAGE);
        }
        const modelId = arn === null ? identifier : (arn[2] ?? '');
        const details =
            modelInRegion(caller.region, modelId) === undefined
                ? undefined
                : foundationModelSummaries(caller.region).find((m) => m.modelId === modelId);
        if (details === undefined) {
            throw notFound(UNRESOLVED_MODEL_MESSAGE);
        }
        return { modelDetails: details };
    }

    listInferenceProfiles(caller: Caller, query: URLSearchParams): Record<string, unknown> {
        const v = new ConstraintViolations();
        const maxText = query.get('maxResults');
        const maxResults = maxText === null ? DEFAULT_PROFILE_PAGE_SIZE : Number(maxText);
        if (maxText !== null) {
            if (Number.isInteger(maxResults)) {
                v.range('maxResults', maxResults, 1, 1000);
            } else {
                v.add('maxResults', maxText, 'Member must be an integer');
            }
        }
        const nextToken = query.get('nextToken') ?? undefined;
        v.text('nextToken', nextToken, { min: 1, max: 2048, pattern: PAGINATION_TOKEN });
        const type = optionalEnum(v, query, 'typeEquals', PROFILE_TYPES, 'type');
        v.throwIfAny();
        const profiles = this.profiles(caller).filter((p) => type === undefined || p.type === type);
        const fingerprint = `profiles|${type ?? ''}`;
        const start = nextToken === undefined ? 0 : offsetOf(decodeToken(nextToken, fingerprint));
        const page = profiles.slice(start, start + maxResults);
        const end = start + page.length;
        return {
            inferenceProfileSummaries: page,
            ...(end < profiles.length ? { nextToken: encodeToken({ o: end }, fingerprint) } : {}),
        };
    }

    getInferenceProfile(caller: Caller, identifier: string): Record<string, unknown> {
        const v = new ConstraintViolations();
        v.text('inferenceProfileIdentifier', identifier, {
            min: 1,
            max: 2048,
            pattern: INFERENCE_PROFILE_IDENTIFIER,
            required: true,
        });
        v.throwIfAny();
        const found = this.profiles(caller).find(
            (p) => p.inferenceProfileId === identifier || p.inferenceProfileArn === identifier,
        );
        if (found === undefined) {
            throw notFound(
                `The inference profile ${identifier} was not found in ${caller.region}.`,
            );
        }
        return { ...found };
    }

    /** CreateInferenceProfile: an application profile copied from a model or a system profile. */
    createInferenceProfile(caller: Caller, body: Record<string, unknown>): Record<string, unknown> {
        const v = new ConstraintViolations();
        const name = body['inferenceProfileName'];
        v.text('inferenceProfileName', name, {
            min: 1,
            max: 64,
            pattern: '([0-9a-zA-Z][ _-]?)+',
            required: true,
        });
        v.text('description', body['description'], {
            min: 1,
            max: 200,
            pattern: '([0-9a-zA-Z:.][ _-]?)+',
        });
        v.text('clientRequestToken', body['clientRequestToken'], {
            min: 1,
            max: 256,
            pattern: IDEMPOTENCY_TOKEN,
        });
        const source = body['modelSource'] as Record<string, unknown> | undefined;
        const copyFrom = source?.['copyFrom'];
        v.text('modelSource.copyFrom', copyFrom, { min: 1, max: 2048, required: true });
        tagList(v, 'tags', body['tags']);
        v.throwIfAny();
        const profile = this.createApplicationProfile(caller, {
            name: name as string,
            copyFrom: copyFrom as string,
            ...(typeof body['description'] === 'string'
                ? { description: body['description'] }
                : {}),
        });
        return { inferenceProfileArn: profile.inferenceProfileArn, status: 'ACTIVE' };
    }

    createApplicationProfile(
        caller: Caller,
        spec: { name: string; copyFrom: string; description?: string },
    ): InferenceProfileSummary {
        const scope = this.state.scope(caller.accountId, caller.region);
        if (
            [...scope.applicationProfiles.values()].some(
                (p) => p.summary.inferenceProfileName === spec.name,
            )
        ) {
            throw validationError(`An inference profile named ${spec.name} already exists.`);
        }
        const fm = /^arn:aws(?:-[^:]+)?:bedrock:([a-z0-9-]+)::foundation-model\/(.+)$/.exec(
            spec.copyFrom,
        );
        const sp =
            /^arn:aws(?:-[^:]+)?:bedrock:([a-z0-9-]+):([0-9]{12}):inference-profile\/(.+)$/.exec(
                spec.copyFrom,
            );
        let profile: ApplicationProfile | undefined;
        const id = lowerAlnum(12);
        const created = rfc3339(this.now());
        const base = {
            inferenceProfileName: spec.name,
            ...(spec.description === undefined ? {} : { description: spec.description }),
            createdAt: created,
            updatedAt: created,
            inferenceProfileArn:
                `arn:aws:bedrock:${caller.region}:${caller.accountId}` +
                `:application-inference-profile/${id}`,
            inferenceProfileId: id,
            status: 'ACTIVE' as const,
            type: 'APPLICATION' as const,
        };
        if (
            fm !== null &&
            fm[1] === caller.region &&
            modelInRegion(caller.region, fm[2] ?? '') !== undefined
        ) {
            profile = {
                summary: { ...base, models: [{ modelArn: spec.copyFrom }] },
                modelId: fm[2] ?? '',
            };
        } else if (sp !== null && sp[1] === caller.region) {
            const system = systemProfile(caller.region, caller.accountId, sp[3] ?? '');
            if (system !== undefined) {
                profile = {
                    summary: { ...base, models: system.summary.models.map((m) => ({ ...m })) },
                    modelId: system.model.modelId,
                    viaProfileId: system.summary.inferenceProfileId,
                };
            }
        }
        if (profile === undefined) {
            throw validationError(
                'The model source to copy from is not a foundation model or system-defined ' +
                    'inference profile in this Region.',
            );
        }
        scope.applicationProfiles.set(id, profile);
        return profile.summary;
    }

    private profiles(caller: Caller): InferenceProfileSummary[] {
        const system = systemProfiles(caller.region, caller.accountId).map((p) => p.summary);
        const application = [
            ...this.state.scope(caller.accountId, caller.region).applicationProfiles.values(),
        ].map((p) => p.summary);
        return [...system, ...application];
    }
}

function optionalEnum(
    v: ConstraintViolations,
    query: URLSearchParams,
    member: string,
    allowed: readonly string[],
    queryName = member,
): string | undefined {
    const value = query.get(queryName);
    if (value === null) {
        return undefined;
    }
    return v.oneOf(member, value, allowed) ? value : undefined;
}

function offsetOf(position: Record<string, unknown>): number {
    const offset = position['o'];
    if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) {
        throw validationError('The provided pagination token is not valid.');
    }
    return offset;
}

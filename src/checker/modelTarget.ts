/**
 * Maps whatever model id the user has (base id, cross-region profile id, ARN) to the request-body
 * family the checker applies.
 */
import type { InvocationType, ModelFamily, ModelTarget } from './types';

/** Geography prefixes of system-defined cross-region inference profiles. */
const PROFILE_PREFIXES = ['us', 'us-gov', 'eu', 'apac', 'global', 'jp', 'au', 'ca'];

const ARN_PATTERN = /^arn:aws[a-z-]*:bedrock:[a-z0-9-]*:\d*:([a-z-]+)\/(.+)$/;

/**
 * Base model id for a base id, profile id, foundation-model ARN or inference-profile ARN;
 * undefined for application inference profiles, custom and provisioned models, whose base
 * model cannot be read from the id.
 */
export function baseModelIdOf(modelId: string): string | undefined {
    let id = modelId.trim();
    const arn = ARN_PATTERN.exec(id);
    if (arn) {
        const [, resource, rest] = arn;
        if (resource !== 'foundation-model' && resource !== 'inference-profile') {
            return undefined;
        }
        id = rest ?? '';
    }
    const firstDot = id.indexOf('.');
    if (firstDot > 0 && PROFILE_PREFIXES.includes(id.slice(0, firstDot))) {
        id = id.slice(firstDot + 1);
    }
    return /^[a-z0-9-]+\.[A-Za-z0-9._:-]+$/.test(id) ? id : undefined;
}

export function familyOf(baseModelId: string | undefined): ModelFamily {
    if (baseModelId === undefined) {
        return 'generic';
    }
    const id = baseModelId.toLowerCase();
    if (id.startsWith('anthropic.claude')) {
        return 'anthropic';
    }
    if (id.startsWith('amazon.nova-')) {
        return /embed|canvas|reel|sonic/.test(id) ? 'generic' : 'nova';
    }
    if (id.startsWith('amazon.titan-embed-text-v2')) {
        return 'titan-embed-text-v2';
    }
    if (id.startsWith('amazon.titan-embed-text') || id.startsWith('amazon.titan-embed-g1-text')) {
        return 'titan-embed-text-v1';
    }
    if (id.startsWith('amazon.titan-embed-image')) {
        return 'titan-embed-image';
    }
    if (id.startsWith('amazon.titan-text') || id.startsWith('amazon.titan-tg1')) {
        return 'titan-text';
    }
    if (id.startsWith('meta.llama')) {
        return 'llama';
    }
    if (id.startsWith('mistral.')) {
        return 'mistral';
    }
    if (id.startsWith('openai.gpt-oss')) {
        return 'openai';
    }
    return 'generic';
}

export function resolveModel(
    modelId: string | undefined,
    invocationType: InvocationType = 'InvokeModel',
): ModelTarget {
    const baseModelId = modelId === undefined ? undefined : baseModelIdOf(modelId);
    return { modelId, baseModelId, family: familyOf(baseModelId), invocationType };
}

export const FAMILY_LABELS: Readonly<Record<ModelFamily, string>> = {
    anthropic: 'Anthropic Claude',
    nova: 'Amazon Nova',
    'titan-text': 'Amazon Titan Text',
    'titan-embed-text-v1': 'Amazon Titan Text Embeddings G1',
    'titan-embed-text-v2': 'Amazon Titan Text Embeddings V2',
    'titan-embed-image': 'Amazon Titan Multimodal Embeddings',
    llama: 'Meta Llama',
    mistral: 'Mistral',
    openai: 'OpenAI gpt-oss',
    generic: 'unknown model',
};

/** The families the checker has embeddings body rules for (the Titan embedders). */
export function isEmbeddingFamily(family: ModelFamily): boolean {
    return family.startsWith('titan-embed');
}

/**
 * The model part of a base id names an embedder, e.g. cohere.embed-english-v3: a dash-separated
 * word `embed`, `embedding` or `embeddings` (not `embedded`, nor `embed` inside a longer word).
 */
const EMBEDDER_ID = /^[a-z0-9-]+\.(?:[a-z0-9]+-)*embed(?:dings?)?(?:[-:]|$)/;

/**
 * True for a model that returns embeddings: a vector per record, so no output tokens to bound
 * or pay for, and only its native request body (no Converse). The checker has rules for the
 * Titan bodies only; the other embedders (Cohere Embed, Nova multimodal embeddings, Marengo...)
 * are told by their id. False when the id does not show the base model (application profiles).
 */
export function isEmbeddingsTarget(target: Pick<ModelTarget, 'family' | 'baseModelId'>): boolean {
    return (
        isEmbeddingFamily(target.family) ||
        EMBEDDER_ID.test(target.baseModelId?.toLowerCase() ?? '')
    );
}

/** isEmbeddingsTarget for a model id as the user gives it (base id, profile id or ARN). */
export function isEmbeddingsModel(modelId: string | undefined): boolean {
    return isEmbeddingsTarget(resolveModel(modelId));
}

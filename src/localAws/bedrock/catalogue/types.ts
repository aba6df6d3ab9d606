/** The shape of one entry in the hand-written foundation model catalogue. */
import type { Geography } from './regions';

/** Which request/response body family the model speaks under InvokeModel. */
export type ModelFamily =
    | 'anthropic'
    | 'nova'
    | 'titanText'
    | 'titanEmbedText'
    | 'titanEmbedImage'
    | 'llama'
    | 'mistralPrompt'
    | 'mistralChat'
    | 'openaiChat'
    | 'other';

export type Modality = 'TEXT' | 'IMAGE' | 'VIDEO' | 'EMBEDDING' | 'SPEECH';

/**
 * How a model can run in a batch job. This is the simulation's own knowledge: the real
 * ListFoundationModels has no batch flag.
 */
export interface BatchSupport {
    /** The base model id (or its foundation-model ARN) is accepted. */
    readonly base: boolean;
    /** A system inference profile id or ARN is accepted. */
    readonly profiles: boolean;
}

export interface CatalogueModel {
    readonly modelId: string;
    readonly modelName: string;
    readonly providerName: string;
    readonly family: ModelFamily;
    readonly inputModalities: readonly Modality[];
    readonly outputModalities: readonly Modality[];
    /** Absent for models where the service omits it (embeddings). */
    readonly responseStreamingSupported?: boolean;
    readonly customizationsSupported: readonly string[];
    readonly lifecycle: 'ACTIVE' | 'LEGACY';
    /** Regions where ListFoundationModels shows the model. */
    readonly regions: readonly string[];
    /** Regions where the base id runs on demand; elsewhere only a profile reaches it. */
    readonly onDemandRegions: readonly string[];
    /** Geographies with a system-defined inference profile for the model. */
    readonly profileGeographies: readonly Geography[];
    readonly batch: BatchSupport;
    /** Context-length variants (`<id>:<variant>`), listed for PROVISIONED throughput only. */
    readonly provisionedVariants: readonly string[];
    /** The short model name Anthropic puts in `modelOutput.model`. */
    readonly anthropicName?: string;
    /** Default embedding length for embedding models. */
    readonly embeddingLength?: number;
}

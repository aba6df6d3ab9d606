/**
 * The Bedrock quotas the simulated Service Quotas starts with: the batch inference quotas of
 * every batch-capable model in the catalogue (names as the console shows them), plus the
 * on-demand rate quotas that sit next to them in the real list. Values follow the documented
 * defaults; tests change them through the control API.
 */
import { createHash } from 'node:crypto';
import { FOUNDATION_MODELS } from '../bedrock/catalogue/foundationModels';
import type { CatalogueModel } from '../bedrock/catalogue/types';

export interface SeedQuota {
    readonly code: string;
    readonly name: string;
    readonly value: number;
    readonly adjustable: boolean;
    readonly unit: string;
    /** Quotas of a model exist in the regions that list the model. */
    readonly regions: readonly string[];
    readonly description: string;
}

interface QuotaKind {
    readonly prefix: string;
    readonly value: (model: CatalogueModel) => number;
    readonly adjustable: boolean;
    readonly description: string;
    readonly applies?: (model: CatalogueModel) => boolean;
}

const isBatchModel = (model: CatalogueModel): boolean => model.batch.base || model.batch.profiles;
const isEmbedding = (model: CatalogueModel): boolean =>
    model.outputModalities.includes('EMBEDDING');

const KINDS: readonly QuotaKind[] = [
    {
        prefix: 'Minimum number of records per batch inference job',
        value: () => 100,
        adjustable: false,
        description: 'The minimum number of records across all input files in a batch job.',
        applies: isBatchModel,
    },
    {
        prefix: 'Records per batch inference job',
        value: () => 50_000,
        adjustable: false,
        description: 'The maximum number of records across all input files in a batch job.',
        applies: isBatchModel,
    },
    {
        prefix: 'Records per input file per batch inference job',
        value: () => 50_000,
        adjustable: false,
        description: 'The maximum number of records in one input file of a batch job.',
        applies: isBatchModel,
    },
    {
        prefix: 'Batch inference input file size (in GB)',
        value: () => 1,
        adjustable: false,
        description: 'The maximum size of one input file of a batch job.',
        applies: isBatchModel,
    },
    {
        prefix: 'Batch inference job size (in GB)',
        value: () => 5,
        adjustable: false,
        description: 'The maximum total size of the input files of a batch job.',
        applies: isBatchModel,
    },
    {
        prefix: 'Sum of in-progress and submitted batch inference jobs using a base model',
        value: () => 10,
        adjustable: true,
        description: 'Batch jobs of the base model that may be submitted or in progress at once.',
        applies: isBatchModel,
    },
    {
        prefix: 'Sum of in-progress and submitted batch inference jobs using a custom model',
        value: () => 3,
        adjustable: true,
        description: 'Batch jobs of custom models that may be submitted or in progress at once.',
        applies: (model) => isBatchModel(model) && model.customizationsSupported.length > 0,
    },
    {
        prefix: 'On-demand model inference requests per minute',
        value: (model) => (isEmbedding(model) ? 2_000 : 500),
        adjustable: true,
        description: 'InvokeModel and Converse requests per minute.',
    },
    {
        prefix: 'On-demand model inference tokens per minute',
        value: (model) => (isEmbedding(model) ? 300_000 : 400_000),
        adjustable: true,
        description: 'Input and output tokens per minute for InvokeModel and Converse.',
        applies: (model) => !model.outputModalities.includes('IMAGE'),
    },
];

/** Stable `L-XXXXXXXX` code derived from the name, the same in every region as in AWS. */
export function quotaCodeOf(name: string): string {
    return `L-${createHash('sha256').update(name).digest('hex').slice(0, 8).toUpperCase()}`;
}

function seed(): SeedQuota[] {
    const quotas: SeedQuota[] = [];
    for (const model of FOUNDATION_MODELS) {
        for (const kind of KINDS) {
            if (kind.applies !== undefined && !kind.applies(model)) {
                continue;
            }
            const name = `${kind.prefix} for ${model.modelName}`;
            quotas.push({
                code: quotaCodeOf(name),
                name,
                value: kind.value(model),
                adjustable: kind.adjustable,
                unit: 'None',
                regions: model.regions,
                description: kind.description,
            });
        }
    }
    // ListServiceQuotas answers in quota-code order, so one model's rows are spread over pages.
    return quotas.sort((a, b) => a.code.localeCompare(b.code));
}

export const BEDROCK_QUOTAS: readonly SeedQuota[] = seed();

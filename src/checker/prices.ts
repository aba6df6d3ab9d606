/**
 * Default on-demand prices (USD per million tokens, us-east-1, standard tier) for common batch
 * models, as published when this table was written. They are only defaults: prices change and
 * differ by region, so the extension lets users override them in settings, and the CLI prints
 * which row it used. Batch is billed at half the on-demand price unless a row says otherwise.
 */
import type { PriceRow } from './types';

export const BATCH_DISCOUNT = 0.5;

export const DEFAULT_PRICES: readonly PriceRow[] = [
    { modelPrefix: 'anthropic.claude-3-haiku', inputPerMillion: 0.25, outputPerMillion: 1.25 },
    { modelPrefix: 'anthropic.claude-3-5-haiku', inputPerMillion: 0.8, outputPerMillion: 4 },
    { modelPrefix: 'anthropic.claude-haiku-4-5', inputPerMillion: 1, outputPerMillion: 5 },
    { modelPrefix: 'anthropic.claude-3-sonnet', inputPerMillion: 3, outputPerMillion: 15 },
    { modelPrefix: 'anthropic.claude-3-5-sonnet', inputPerMillion: 3, outputPerMillion: 15 },
    { modelPrefix: 'anthropic.claude-3-7-sonnet', inputPerMillion: 3, outputPerMillion: 15 },
    { modelPrefix: 'anthropic.claude-sonnet-4', inputPerMillion: 3, outputPerMillion: 15 },
    { modelPrefix: 'anthropic.claude-3-opus', inputPerMillion: 15, outputPerMillion: 75 },
    { modelPrefix: 'anthropic.claude-opus-4', inputPerMillion: 15, outputPerMillion: 75 },
    { modelPrefix: 'anthropic.claude-opus-4-5', inputPerMillion: 5, outputPerMillion: 25 },
    { modelPrefix: 'amazon.nova-micro', inputPerMillion: 0.035, outputPerMillion: 0.14 },
    { modelPrefix: 'amazon.nova-lite', inputPerMillion: 0.06, outputPerMillion: 0.24 },
    { modelPrefix: 'amazon.nova-pro', inputPerMillion: 0.8, outputPerMillion: 3.2 },
    { modelPrefix: 'amazon.nova-premier', inputPerMillion: 2.5, outputPerMillion: 12.5 },
    { modelPrefix: 'amazon.titan-text-lite', inputPerMillion: 0.15, outputPerMillion: 0.2 },
    { modelPrefix: 'amazon.titan-text-express', inputPerMillion: 0.2, outputPerMillion: 0.6 },
    { modelPrefix: 'amazon.titan-text-premier', inputPerMillion: 0.5, outputPerMillion: 1.5 },
    { modelPrefix: 'amazon.titan-embed-text-v1', inputPerMillion: 0.1, outputPerMillion: 0 },
    { modelPrefix: 'amazon.titan-embed-text-v2', inputPerMillion: 0.02, outputPerMillion: 0 },
    { modelPrefix: 'meta.llama3-1-8b', inputPerMillion: 0.22, outputPerMillion: 0.22 },
    { modelPrefix: 'meta.llama3-1-70b', inputPerMillion: 0.72, outputPerMillion: 0.72 },
    { modelPrefix: 'meta.llama3-1-405b', inputPerMillion: 2.4, outputPerMillion: 2.4 },
    { modelPrefix: 'meta.llama3-2-1b', inputPerMillion: 0.1, outputPerMillion: 0.1 },
    { modelPrefix: 'meta.llama3-2-3b', inputPerMillion: 0.15, outputPerMillion: 0.15 },
    { modelPrefix: 'meta.llama3-2-11b', inputPerMillion: 0.16, outputPerMillion: 0.16 },
    { modelPrefix: 'meta.llama3-2-90b', inputPerMillion: 0.72, outputPerMillion: 0.72 },
    { modelPrefix: 'meta.llama3-3-70b', inputPerMillion: 0.72, outputPerMillion: 0.72 },
    { modelPrefix: 'mistral.mistral-7b', inputPerMillion: 0.15, outputPerMillion: 0.2 },
    { modelPrefix: 'mistral.mixtral-8x7b', inputPerMillion: 0.45, outputPerMillion: 0.7 },
    { modelPrefix: 'mistral.mistral-small-2402', inputPerMillion: 1, outputPerMillion: 3 },
    { modelPrefix: 'mistral.mistral-large-2402', inputPerMillion: 4, outputPerMillion: 12 },
    { modelPrefix: 'mistral.mistral-large-2407', inputPerMillion: 2, outputPerMillion: 6 },
    { modelPrefix: 'openai.gpt-oss-20b', inputPerMillion: 0.07, outputPerMillion: 0.3 },
    { modelPrefix: 'openai.gpt-oss-120b', inputPerMillion: 0.15, outputPerMillion: 0.6 },
];

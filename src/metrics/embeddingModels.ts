/**
 * Embedding models (Titan Embeddings, Cohere Embed, Nova multimodal embeddings...) turn input
 * tokens into a vector: they produce no output tokens, so an output token count or chart for
 * them is not "unknown", it does not exist.
 */
import { isEmbeddingsModel } from '../checker/modelTarget';


export const noOutputTokensText = 'embeddings have no output tokens';

/** Why the output token chart and table leave out the chosen embedding models, if any. */
export function embeddingNote(modelIds: readonly string[]): string | undefined {
    const embedding = modelIds.filter((id) => isEmbeddingsModel(id));
    if (embedding.length === 0) {
        return undefined;
    }
    const subject = embedding.length === 1 ? 'it' : 'them';
    return (
        `${embedding.join(', ')}: ${noOutputTokensText}, so the output token chart and table ` +
        `leave ${subject} out.`
    );
}

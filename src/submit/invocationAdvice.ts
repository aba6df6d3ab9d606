/**
 * Which request format (modelInvocationType) a file is written in, told by the checker itself:
 * the first records are checked both ways for the chosen model, and the way with fewer problems
 * is offered first. The type the file is already checked with stays first while the records
 * show no error with it; a tie goes to it too, else to InvokeModel. Embeddings models
 * (isEmbeddingsModel: Titan, Cohere, Nova and other embedders) take only their native body:
 * Converse is a conversation API and Bedrock batch has no Converse for them. Pure apart from
 * reading the start of the file.
 */
import { open } from 'node:fs/promises';
import { checkText } from '../checker/check';
import { isEmbeddingsModel } from '../checker/modelTarget';
import type { InvocationType } from '../checker/types';

export interface InvocationFit {
    readonly errors: number;
    readonly warnings: number;
}

export type AdviceReason = 'embeddings' | 'content' | 'checkModel' | 'default';

export interface InvocationAdvice {
    /** The types to offer, best first; only InvokeModel for an embeddings model. */
    readonly order: readonly InvocationType[];
    /** How the sampled records fare with each type (empty when nothing was sampled). */
    readonly fits: ReadonlyMap<InvocationType, InvocationFit>;
    /** Non-blank lines checked. */
    readonly sampledRecords: number;
    readonly reason: AdviceReason;
}

export const SAMPLE_LINES = 30;
const SAMPLE_BYTES = 1024 * 1024;

function worse(a: InvocationFit, b: InvocationFit): number {
    return a.errors - b.errors || a.warnings - b.warnings;
}

export function adviseInvocationType(
    modelId: string | undefined,
    sample: string,
    checkedWith: InvocationType | undefined,
): InvocationAdvice {
    const fallback = checkedWith ?? 'InvokeModel';
    const records = sample.split('\n').filter((line) => line.trim() !== '').length;
    if (isEmbeddingsModel(modelId)) {
        return { order: ['InvokeModel'], fits: new Map(), sampledRecords: 0, reason: 'embeddings' };
    }
    const fits = new Map<InvocationType, InvocationFit>();
    if (records > 0) {
        for (const type of ['InvokeModel', 'Converse'] as const) {
            const result = checkText(sample, {
                ...(modelId === undefined ? {} : { modelId }),
                invocationType: type,
                jobQuotas: false,
            });
            fits.set(type, { errors: result.errors, warnings: result.warnings });
        }
    }
    const invoke = fits.get('InvokeModel');
    const converse = fits.get('Converse');
    const checkedFits = checkedWith !== undefined && (fits.get(checkedWith)?.errors ?? 0) === 0;
    const difference =
        checkedFits || invoke === undefined || converse === undefined ? 0 : worse(invoke, converse);
    const first: InvocationType =
        difference === 0 ? fallback : difference < 0 ? 'InvokeModel' : 'Converse';
    const reason: AdviceReason =
        difference !== 0 ? 'content' : checkedWith === undefined ? 'default' : 'checkModel';
    return {
        order: first === 'Converse' ? ['Converse', 'InvokeModel'] : ['InvokeModel', 'Converse'],
        fits,
        sampledRecords: records,
        reason,
    };
}

/** The first SAMPLE_LINES lines of a file (at most 1 MiB of it, whole lines only). */
export async function readSample(path: string): Promise<string> {
    const handle = await open(path, 'r');
    try {
        const buffer = Buffer.alloc(SAMPLE_BYTES);
        const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
        let text = buffer.subarray(0, bytesRead).toString('utf8');
        if (bytesRead === SAMPLE_BYTES) {
            // The last line may be cut: keep whole lines only.
            text = text.slice(0, Math.max(0, text.lastIndexOf('\n')));
        }
        return text.replace(/^\uFEFF/, '').split('\n').slice(0, SAMPLE_LINES).join('\n');
    } finally {
        await handle.close();
    }
}

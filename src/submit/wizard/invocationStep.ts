import * as path from 'node:path';
import { FAMILY_LABELS, isEmbeddingsModel, resolveModel } from '../../checker/modelTarget';
import type { InvocationType } from '../../checker/types';
import { problemCounts } from '../../diagnostics/checkSummary';
import { adviseInvocationType, readSample, type InvocationAdvice } from '../invocationAdvice';
import type { ValueItem } from './modelSteps';
import type { WizardStep } from './multiStepInput';
import { sharedCheckModel, type WizardDeps, type WizardState } from './wizardState';

/**
 * The request format (modelInvocationType), offered in the order the file's own records suggest;
 * never asked for an embeddings model, which takes only its native body.
 */
export function invocationStep(deps: WizardDeps): WizardStep<WizardState> {
    return {
        name: 'invocationType',
        skip: (state) =>
            deps.preset.invocationType !== undefined ||
            deps.preset.modelId !== undefined ||
            isEmbeddingsModel(state.modelId),
        answered: (state) => state.invocationType !== undefined,
        async run(input, state) {
            const family = FAMILY_LABELS[resolveModel(state.modelId).family];
            const [first] = state.files;
            const name = first === undefined ? 'the file' : path.basename(first.fsPath);
            const items = (async (): Promise<ValueItem<InvocationType>[]> => {
                const sample =
                    first === undefined ? '' : await readSample(first.fsPath).catch(() => '');
                const advice = adviseInvocationType(
                    state.modelId,
                    sample,
                    sharedCheckModel(deps, state)?.invocationType,
                );
                return advice.order.map((type) => ({
                    label: type,
                    description:
                        type === 'InvokeModel'
                            ? `the native ${family} request body in modelInput`
                            : 'the Converse request body (messages, system, inferenceConfig) ' +
                              'in modelInput',
                    ...fitDetail(advice, type, name),
                    value: type,
                }));
            })();
            const picked = await input.pick<ValueItem<InvocationType>>({
                title: 'Request format of the records (modelInvocationType)',
                items,
                activeItem: (shown) => shown.find((i) => i.value === state.invocationType),
            });
            state.invocationType = picked.value;
        },
    };
}

function fitDetail(
    advice: InvocationAdvice,
    type: InvocationType,
    file: string,
): { detail?: string } {
    const fit = advice.fits.get(type);
    if (fit === undefined) {
        return {};
    }
    const count = advice.sampledRecords;
    const records = `the first ${count === 1 ? 'record' : `${count} records`} of ${file}`;
    return fit.errors === 0 && fit.warnings === 0
        ? { detail: `fits ${records}` }
        : { detail: `${problemCounts(fit)} in ${records} with this format` };
}

import { confirmStep } from './confirmStep';
import { advancedStep, jobNameStep, timeoutStep } from './jobSteps';
import { invocationStep } from './invocationStep';
import { modelStep } from './modelStep';
import { modeStep, regionStep } from './modelSteps';
import { MultiStepInput, type RunOptions, type WizardStep } from './multiStepInput';
import { roleStep } from './roleStep';
import { bucketStep, outputPrefixStep, prefixStep } from './storageSteps';
import type { WizardDeps, WizardState } from './wizardState';

/**
 * The job settings, asked one step at a time with a working Back button. Steps a preset answers
 * are skipped; settings copied from a previous job are passed over (fastForward) straight to the
 * review, where Back still reaches them. The last step checks the files and shows the estimates.
 */
export async function runJobWizard(
    deps: WizardDeps,
    state: WizardState,
    options: RunOptions = {},
): Promise<void> {
    const steps: WizardStep<WizardState>[] = [
        modeStep(deps),
        regionStep(deps),
        modelStep(deps),
        invocationStep(deps),
        bucketStep(deps),
        prefixStep(deps),
        outputPrefixStep(deps),
        roleStep(deps),
        jobNameStep(deps),
        timeoutStep(deps),
        advancedStep(deps),
        confirmStep(deps),
    ];
    await MultiStepInput.run(steps, state, options);
}

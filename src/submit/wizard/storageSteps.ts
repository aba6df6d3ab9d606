import * as path from 'node:path';
import { classifyFailure } from '../../shared/failure';
import { listBuckets } from '../awsLookups';
import { DEFAULT_INPUT_PREFIX, DEFAULT_OUTPUT_PREFIX } from '../jobSettings';
import {
    bucketNameProblem,
    joinKey,
    prefixProblem,
    s3Uri,
    sanitizeKeySegment,
    sanitizePrefix,
} from '../s3Paths';
import { rethrowIfCredentials, type ValueItem } from './modelSteps';
import type { WizardStep } from './multiStepInput';
import { isOneJob, type WizardDeps, type WizardState } from './wizardState';

export function bucketStep(deps: WizardDeps): WizardStep<WizardState> {
    return {
        name: 'bucket',
        answered: (state) => state.bucket !== undefined,
        skip: () => deps.preset.bucket !== undefined,
        async run(input, state) {
            const region = state.region ?? 'us-east-1';
            const items = (async (): Promise<ValueItem[]> => {
                const remembered = deps.remembered.bucket;
                try {
                    const buckets = await listBuckets(deps.ctx, region);
                    const sorted =
                        remembered === undefined
                            ? buckets
                            : [
                                  ...buckets.filter((b) => b.name === remembered),
                                  ...buckets.filter((b) => b.name !== remembered),
                              ];
                    return sorted.map((b) => ({
                        label: b.name,
                        description: [b.name === remembered ? 'last used' : undefined, b.region]
                            .filter(Boolean)
                            .join(' · '),
                        value: b.name,
                    }));
                } catch (error) {
                    rethrowIfCredentials(error);
                    const remembers =
                        remembered === undefined
                            ? []
                            : [{ label: remembered, description: 'last used', value: remembered }];
                    return [
                        ...remembers,
                        {
                            label: '$(warning) Could not list buckets',
                            detail: `${classifyFailure(error).message} Type the bucket name.`,
                            value: undefined,
                        },
                    ];
                }
            })();
            for (;;) {
                const picked = await input.pick<ValueItem>({
                    title: `S3 bucket for input and output (${region})`,
                    placeholder: "Pick a bucket or type its name; it should be in the job's region",
                    items,
                    activeItem: (shown) =>
                        shown.find((i) => i.value !== undefined && i.value === state.bucket),
                    typedItem: (value) => {
                        const name = value.replace(/^s3:\/\//, '').replace(/\/.*$/, '');
                        if (name === '') {
                            return undefined;
                        }
                        const problem = bucketNameProblem(name);
                        return problem === undefined
                            ? {
                                  label: name,
                                  description:
                                      'typed; if it does not exist, you are asked to create it',
                                  value: name,
                                  alwaysShow: true,
                              }
                            : { label: `$(error) ${problem}`, value: undefined, alwaysShow: true };
                    },
                });
                if (picked.value !== undefined) {
                    state.bucket = picked.value;
                    return;
                }
            }
        },
    };
}

/** Where input goes: `<prefix>/<file>` for one file, `<prefix>/<job>/<file>` for a folder job. */
export function inputKeys(state: WizardState, jobName: string): string[] {
    const prefix = sanitizePrefix(state.prefix ?? '');
    const folder = state.files.length > 1 && isOneJob(state) ? sanitizeKeySegment(jobName) : '';
    return state.files.map((file) =>
        joinKey(prefix, folder, sanitizeKeySegment(path.basename(file.fsPath))),
    );
}

export function prefixStep(deps: WizardDeps): WizardStep<WizardState> {
    return {
        name: 'prefix',
        answered: (state) => state.prefix !== undefined,
        skip: () => deps.preset.prefix !== undefined,
        async run(input, state) {
            const bucket = state.bucket ?? '';
            const value = await input.input({
                title: `Input prefix in s3://${bucket}/`,
                value: state.prefix ?? deps.remembered.prefix ?? DEFAULT_INPUT_PREFIX,
                placeholder: 'Folder for the input files; empty for the bucket root',
                validate: prefixProblem,
                describe: (typed) => {
                    if (prefixProblem(typed) !== undefined) {
                        return undefined;
                    }
                    const [first] = state.files;
                    const name =
                        first === undefined
                            ? 'file.jsonl'
                            : sanitizeKeySegment(path.basename(first.fsPath));
                    const more =
                        state.files.length > 1 ? ` (and ${state.files.length - 1} more)` : '';
                    const key = joinKey(sanitizePrefix(typed), name);
                    return `Uploads to ${s3Uri(bucket, key)}${more}`;
                },
            });
            state.prefix = sanitizePrefix(value);
        },
    };
}

export function outputPrefixStep(deps: WizardDeps): WizardStep<WizardState> {
    return {
        name: 'outputPrefix',
        answered: (state) => state.outputPrefix !== undefined,
        skip: () => deps.preset.outputPrefix !== undefined,
        async run(input, state) {
            const bucket = state.bucket ?? '';
            const value = await input.input({
                title: `Output prefix in s3://${bucket}/`,
                value: state.outputPrefix ?? deps.remembered.outputPrefix ?? DEFAULT_OUTPUT_PREFIX,
                placeholder:
                    'Folder Bedrock writes results into, under a folder named after the job id',
                validate: prefixProblem,
                describe: (typed) => {
                    if (prefixProblem(typed) !== undefined) {
                        return undefined;
                    }
                    const key = joinKey(sanitizePrefix(typed), '<job id>');
                    return `Bedrock writes to ${s3Uri(bucket, key)}/`;
                },
            });
            state.outputPrefix = sanitizePrefix(value);
        },
    };
}

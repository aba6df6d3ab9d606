import type * as vscode from 'vscode';
import type { InvocationType, JobCheckResult } from '../../checker/types';
import type { Ctx } from '../../ctx';
import type { CheckModel, CheckModelSource } from '../../diagnostics/checkModelStore';
import { DEFAULT_TIMEOUT_HOURS, type Tag } from '../jobFields';
import type { MultiFileMode, SubmitPreset, VpcSettings } from '../jobSettings';

/** The service role: one that exists, or one to create (with the documented policies) on submit. */
export type RoleAnswer =
    | { readonly kind: 'existing'; readonly arn: string }
    | {
          readonly kind: 'create';
          readonly arn: string;
          readonly name: string;
          readonly accountId: string;
          readonly partition: string;
      };

/** The answers so far; steps fill it in, presets pre-fill it. */
export interface WizardState {
    readonly files: readonly vscode.Uri[];
    mode: MultiFileMode | undefined;
    region: string | undefined;
    modelId: string | undefined;
    invocationType: InvocationType | undefined;
    bucket: string | undefined;
    prefix: string | undefined;
    outputPrefix: string | undefined;
    role: RoleAnswer | undefined;
    /** For one job; per-file jobs get generated names. */
    jobName: string | undefined;
    timeoutHours: number | undefined;
    tags: Tag[] | undefined;
    kmsKeyId: string | undefined;
    subnetIds: string[] | undefined;
    securityGroupIds: string[] | undefined;
    advancedDone: boolean;
    confirmed: boolean;
    /** The job whose settings were copied in (Resubmit), shown on the review step. */
    fromJob?: { readonly name: string; readonly arn: string };
}

/** What the last submit in this workspace chose, offered first next time. */
export interface RememberedChoices {
    readonly mode?: MultiFileMode;
    readonly region?: string;
    readonly invocationType?: InvocationType;
    readonly roleArn?: string;
    readonly bucket?: string;
    readonly prefix?: string;
    readonly outputPrefix?: string;
    readonly timeoutHours?: number;
    readonly tags?: readonly Tag[];
    readonly kmsKeyId?: string;
    readonly vpc?: VpcSettings;
}

/** The checker's verdict on the files for the chosen model, shown in the confirmation step. */
export interface PreparedCheck {
    /** One result per job (one per file, or one for the folder). */
    readonly results: readonly JobCheckResult[];
    /**
     * Job quotas that differ from the defaults, with where each came from, e.g.
     * "min 1,000 records (Service Quotas)".
     */
    readonly quotaNotes: readonly string[];
}

export interface WizardDeps {
    readonly ctx: Ctx;
    readonly remembered: RememberedChoices;
    readonly recentModels: readonly string[];
    /**
     * The model the editor checks a file against (its own choice, else the workspace's last
     * submit, else the defaultModelId setting); undefined for generic rules.
     */
    checkModelOf(file: vscode.Uri): CheckModel | undefined;
    readonly preset: SubmitPreset;
    readonly now: Date;
    /** Runs (or reuses) the pre-submit check for the current model; throws to stop the wizard. */
    prepare(state: WizardState): Promise<PreparedCheck>;
}

export function initialState(files: readonly vscode.Uri[], preset: SubmitPreset): WizardState {
    // With a preset (sandbox tour, tests), optional questions take their defaults, unasked.
    const scripted = Object.keys(preset).length > 0;
    return {
        files,
        mode: files.length === 1 ? 'jobPerFile' : preset.mode,
        region: preset.region,
        modelId: preset.modelId,
        invocationType:
            preset.invocationType ?? (preset.modelId === undefined ? undefined : 'InvokeModel'),
        bucket: preset.bucket,
        prefix: preset.prefix,
        outputPrefix: preset.outputPrefix,
        role: preset.roleArn === undefined ? undefined : { kind: 'existing', arn: preset.roleArn },
        jobName: preset.jobName,
        timeoutHours: preset.timeoutHours ?? (scripted ? DEFAULT_TIMEOUT_HOURS : undefined),
        tags: preset.tags === undefined ? undefined : [...preset.tags],
        kmsKeyId: preset.kmsKeyId,
        subnetIds: preset.vpc === undefined ? undefined : [...preset.vpc.subnetIds],
        securityGroupIds: preset.vpc === undefined ? undefined : [...preset.vpc.securityGroupIds],
        advancedDone: scripted,
        confirmed: preset.skipConfirm === true,
    };
}

/** True when several files become one job (and so one name, one folder). */
export function isOneJob(state: WizardState): boolean {
    return state.files.length === 1 || state.mode === 'oneJob';
}

/** What CheckModelStore.resolve gives, as the wizard's default: no model means no default. */
export function fileCheckModel(resolved: {
    readonly model: CheckModel;
    readonly source: CheckModelSource;
}): CheckModel | undefined {
    return resolved.source === 'none' || resolved.model.modelId === undefined
        ? undefined
        : resolved.model;
}

/** The check model all the files share, if they share one. */
export function sharedCheckModel(deps: WizardDeps, state: WizardState): CheckModel | undefined {
    const models = state.files.map((file) => deps.checkModelOf(file));
    const [first] = models;
    if (first === undefined) {
        return undefined;
    }
    const same = models.every(
        (m) => m?.modelId === first.modelId && m?.invocationType === first.invocationType,
    );
    return same ? first : undefined;
}

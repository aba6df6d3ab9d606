import type * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import type { JsonlDiagnostics } from '../diagnostics/jsonlDiagnostics';
import type { JobSettings, SubmitPreset } from './jobSettings';
import type { JobRevealer, StartedJob } from './jobSuccess';
import type { PendingSubmissions } from './pendingSubmissions';
import type { PreSubmitCheck } from './prepareCheck';
import type { SubmissionHistory } from './submissionHistory';
import type { WizardState } from './wizard/wizardState';

export type SubmitOutcome =
    | { readonly status: 'started'; readonly jobs: readonly StartedJob[] }
    | { readonly status: 'checkFailed'; readonly errors: number; readonly warnings: number }
    | { readonly status: 'cancelled' }
    | { readonly status: 'failed'; readonly message: string; readonly jobs: readonly StartedJob[] };

export interface SubmitServices {
    readonly ctx: Ctx;
    readonly diagnostics: JsonlDiagnostics;
    readonly pending: PendingSubmissions;
    /** Which local files each started job came from, for the results feature. */
    readonly history: SubmissionHistory;
    readonly explorer: JobRevealer;
    /** The cancellation source of the running submission (tests cancel through it). */
    onRunning?: (source: vscode.CancellationTokenSource | undefined) => void;
    /** Called when an input upload starts sending (tests wait for it before cancelling). */
    onUploadStarted?: (key: string) => void;
}

export interface PlannedJob {
    readonly name: string;
    readonly files: readonly vscode.Uri[];
}

/** What the user asked for, once the wizard is done. */
export interface Submission {
    readonly state: WizardState;
    readonly settings: JobSettings;
    /** The jobs still to submit, in order. */
    readonly plan: readonly PlannedJob[];
    readonly preset: SubmitPreset;
    readonly check: PreSubmitCheck;
    /**
     * describeConnection() of the connection the wizard's answers (bucket, role, region) belong
     * to. The submission runs there or not at all.
     */
    readonly connection: string;
    /** The service role is to be created before the first job (and may not be usable at once). */
    readonly createRole: boolean;
}

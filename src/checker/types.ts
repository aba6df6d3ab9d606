/**
 * Shapes shared by the JSONL checker engine, its CLI and (later) the editor integration.
 * Nothing in src/checker imports vscode: positions are plain numbers the editor converts.
 */
import type { RuleCode } from './rules';

export type Severity = 'error' | 'warning' | 'info';

export type InvocationType = 'InvokeModel' | 'Converse';

/** Path into a record, e.g. ['modelInput', 'messages', 0, 'content']. */
export type JsonPath = readonly (string | number)[];

/**
 * A text replacement. Lines and columns are 1-based, columns count UTF-16 code units (as VS Code
 * does) and the end is exclusive; subtract 1 from each to build a vscode.Range.
 */
export interface TextEdit {
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
    readonly newText: string;
}

/**
 * A machine-readable fix, attached only where the change is certain. Turn it into edits with
 * `fixEdits(documentText, fix)` from fixes.ts.
 */
export type Fix =
    | {
          readonly kind: 'insert-property';
          readonly title: string;
          readonly line: number;
          /** The object that receives the property. */
          readonly objectPath: JsonPath;
          readonly key: string;
          readonly value: string | number | boolean;
      }
    | {
          /** Removes the key at `path` from its object, every copy of it if it is repeated. */
          readonly kind: 'remove-property';
          readonly title: string;
          readonly line: number;
          readonly path: JsonPath;
      }
    | {
          /** Removes all but the last copy of a key written more than once in one object. */
          readonly kind: 'remove-duplicate-keys';
          readonly title: string;
          readonly line: number;
          readonly objectPath: JsonPath;
          readonly key: string;
      }
    | {
          /**
           * Moves every top-level key except recordId into a new modelInput object, as written
           * (the members' source text is moved, never re-serialised).
           */
          readonly kind: 'wrap-model-input';
          readonly title: string;
          readonly line: number;
      }
    | {
          /** Gives every record without a recordId a new, unique one. Whole document. */
          readonly kind: 'add-missing-record-ids';
          readonly title: string;
      };

export interface Diagnostic {
    readonly code: RuleCode;
    readonly severity: Severity;
    /** Says what is wrong and what to change. */
    readonly message: string;
    /** 1-based. */
    readonly line: number;
    /** 1-based, UTF-16 code units. */
    readonly column: number;
    /** 1-based, exclusive; absent when the diagnostic points at a single position. */
    readonly endColumn?: number;
    readonly fix?: Fix;
}

export interface JobQuotas {
    readonly minRecordsPerJob: number;
    readonly maxRecordsPerJob: number;
    readonly maxRecordsPerFile: number;
    readonly maxFileBytes: number;
    readonly maxJobBytes: number;
}

/** On-demand prices in USD per million tokens; see prices.ts for the defaults. */
export interface PriceRow {
    /** Matched against the base model id (no region prefix, no ARN); longest prefix wins. */
    readonly modelPrefix: string;
    readonly inputPerMillion: number;
    readonly outputPerMillion: number;
    /** Batch prices when they are not half of on-demand. */
    readonly batchInputPerMillion?: number;
    readonly batchOutputPerMillion?: number;
}

export interface CheckOptions {
    /** Base id, `us.`/`eu.`/`apac.`/`global.` profile id, or a foundation-model/profile ARN. */
    readonly modelId?: string;
    /** Default InvokeModel. */
    readonly invocationType?: InvocationType;
    readonly quotas?: Partial<JobQuotas>;
    /**
     * Default true. Set false when checking one file of a larger job in the editor: the job-level
     * rules (too few/many records, job size) then stay silent.
     */
    readonly jobQuotas?: boolean;
    /** Diagnostics kept per file (default 1,000); the rest are only counted. */
    readonly maxDiagnosticsPerFile?: number;
    /** Longer lines are reported and skipped unparsed so memory stays bounded (default 32 MiB). */
    readonly maxLineBytes?: number;
    /** Default DEFAULT_PRICES. */
    readonly prices?: readonly PriceRow[];
}

export interface DiskCheckOptions extends CheckOptions {
    readonly signal?: AbortSignal;
    /** Called after each chunk with the bytes read so far over all files and their total size. */
    readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
    /** Read size (default 4 MiB, at least 4 bytes). */
    readonly chunkBytes?: number;
}

export interface FileStats {
    /** Non-blank lines: Bedrock counts each as one record. */
    records: number;
    bytes: number;
    blankLines: number;
    recordsWithoutId: number;
    /** See tokenEstimate.ts for the heuristic. */
    estimatedInputTokens: number;
    /** Media blocks (images, documents, video) counted at a flat rate in the estimate. */
    mediaBlocks: number;
    /** Sum of the records' output limits (max_tokens and its per-family equivalents). */
    maxOutputTokens: number;
    /** Records that set no output limit, so maxOutputTokens does not bound them. */
    recordsWithoutOutputLimit: number;
    /** Records left out of the estimates: no usable modelInput (bad JSON, no wrapper ...). */
    recordsNotEstimated: number;
}

export interface CostEstimate {
    readonly modelPrefix: string;
    readonly batchInputPerMillion: number;
    readonly batchOutputPerMillion: number;
    readonly inputUsd: number;
    /** Upper bound: every record uses its whole output limit. */
    readonly maxOutputUsd: number;
}

export interface FileCheckResult {
    readonly path: string;
    /** The first maxDiagnosticsPerFile diagnostics, plus file/job summaries, sorted by position. */
    readonly diagnostics: readonly Diagnostic[];
    /** Every diagnostic, kept or not, counted per code. */
    readonly counts: Readonly<Partial<Record<RuleCode, number>>>;
    readonly errors: number;
    readonly warnings: number;
    readonly infos: number;
    /** How many diagnostics were counted but not kept. */
    readonly omitted: number;
    readonly stats: Readonly<FileStats>;
}

export interface ModelTarget {
    /** What the user passed, or undefined. */
    readonly modelId: string | undefined;
    /** Base model id when it can be read from the id (not for application profiles). */
    readonly baseModelId: string | undefined;
    readonly family: ModelFamily;
    readonly invocationType: InvocationType;
}

export type ModelFamily =
    | 'anthropic'
    | 'nova'
    | 'titan-text'
    | 'titan-embed-text-v1'
    | 'titan-embed-text-v2'
    | 'titan-embed-image'
    | 'llama'
    | 'mistral'
    | 'openai'
    | 'generic';

export interface JobCheckResult {
    readonly files: readonly FileCheckResult[];
    readonly target: ModelTarget;
    readonly stats: Readonly<FileStats>;
    readonly errors: number;
    readonly warnings: number;
    readonly infos: number;
    /** Undefined when the model is unknown or has no price row. */
    readonly cost: CostEstimate | undefined;
}

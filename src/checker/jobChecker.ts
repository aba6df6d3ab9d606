/** Checks the files of one job in turn and adds the job-level rules and totals at the end. */
import type { BodyChecker } from './bodyContext';
import { estimateCost, findPrice } from './cost';
import { bodyCheckerFor } from './families/registry';
import { FileChecker, type JobState } from './fileChecker';
import { sumFileStats } from './fileStats';
import { FAMILY_LABELS, isEmbeddingFamily, isEmbeddingsTarget, resolveModel } from './modelTarget';
import { resolveOptions, type ResolvedOptions } from './options';
import { RecordIdTracker } from './recordIdTracker';
import type { CheckOptions, JobCheckResult, ModelTarget } from './types';

export class JobChecker implements JobState {
    readonly target: ModelTarget;
    readonly options: ResolvedOptions;
    readonly checkBody: BodyChecker;
    readonly ids: RecordIdTracker;
    records = 0;
    bytesBefore = 0;
    tooManyRecordsReported = false;
    tooLargeReported = false;
    idLimitReported = false;
    private readonly files: FileChecker[] = [];
    private readonly fileBytes: number[] = [];

    constructor(options: CheckOptions = {}) {
        this.options = resolveOptions(options);
        this.target = resolveModel(options.modelId, options.invocationType);
        this.checkBody = bodyCheckerFor(this.target);
        this.ids = new RecordIdTracker(this.options.quotas.maxRecordsPerJob);
    }

    fileName(index: number): string {
        return this.files[index]?.path ?? `file ${index + 1}`;
    }

    /** Starts the next file; call `endFile` with its size before starting another. */
    beginFile(path: string): FileChecker {
        const file = new FileChecker(this, this.files.length, path);
        this.files.push(file);
        return file;
    }

    endFile(file: FileChecker, totalBytes: number): void {
        this.fileBytes[file.index] = totalBytes;
        this.bytesBefore += totalBytes;
    }

    finish(): JobCheckResult {
        const several = this.files.length > 1;
        this.files.forEach((file, i) => file.finishFile(this.fileBytes[i] ?? 0, several));
        this.addJobDiagnostics();
        const results = this.files.map((file) => file.result());
        const stats = sumFileStats(results.map((result) => result.stats));
        const price = findPrice(this.target.baseModelId, this.options.prices);
        return {
            files: results,
            target: this.target,
            stats,
            errors: results.reduce((sum, r) => sum + r.errors, 0),
            warnings: results.reduce((sum, r) => sum + r.warnings, 0),
            infos: results.reduce((sum, r) => sum + r.infos, 0),
            cost: price === undefined ? undefined : estimateCost(stats, price),
        };
    }

    private addJobDiagnostics(): void {
        const first = this.files[0];
        if (first === undefined) {
            return;
        }
        const { family, invocationType } = this.target;
        if (invocationType === 'Converse' && isEmbeddingsTarget(this.target)) {
            const model = isEmbeddingFamily(family)
                ? FAMILY_LABELS[family]
                : (this.target.modelId ?? 'This model');
            first.addJobDiagnostic(
                'model-invocation-unsupported',
                `${model} is an embeddings model and cannot be used with the ` +
                    'Converse invocation type: use InvokeModel',
            );
        }
        const minimum = this.options.quotas.minRecordsPerJob;
        if (this.options.jobQuotas && this.records < minimum) {
            const where =
                this.files.length > 1 ? `The job's ${this.files.length} files hold` : 'The job has';
            const records = `${this.records.toLocaleString('en-US')} record${this.records === 1 ? '' : 's'}`;
            first.addJobDiagnostic(
                'job-too-few-records',
                `${where} ${records}; Bedrock needs at least ${minimum.toLocaleString('en-US')} per job ` +
                    '(quota "Minimum number of records per batch inference job"). Add records, ' +
                    'or send these few through on-demand InvokeModel instead',
            );
        }
    }
}

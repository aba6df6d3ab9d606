/**
 * Writes a job's results the way the service lays them out:
 * `<output s3Uri>/<jobId>/<input file name>.out` (one compact JSON line per processed record, keys
 * modelInput, modelOutput or error, recordId; in processing order, not input order) and
 * `<output s3Uri>/<jobId>/manifest.json.out`. The `.out` objects grow while the job runs; the
 * manifest is written once, when it ends.
 */
import type { ObjectStore } from '../../types';
import type { Job } from '../jobs';
import { GrowingBuffer } from './growingBuffer';
import { simulateRecord } from './modelOutputs';
import type { OutputContext } from './modelOutputs';
import type { JobRun, PlannedRecord } from './run';
import { joinKey, parseS3Uri } from './s3Location';

export interface Manifest {
    readonly totalRecordCount: number;
    readonly processedRecordCount: number;
    readonly successRecordCount: number;
    readonly errorRecordCount: number;
    readonly inputTokenCount: number;
    readonly outputTokenCount: number;
}

export function manifestOf(run: JobRun, processed: number): Manifest {
    const errors = run.errorsUpTo(processed);
    return {
        totalRecordCount: run.total,
        processedRecordCount: processed,
        successRecordCount: processed - errors,
        errorRecordCount: errors,
        inputTokenCount: run.inputTokensUpTo(processed),
        outputTokenCount: run.outputTokensUpTo(processed),
    };
}

/**
 * The output of one running job. Records are rendered once, when first written; each write
 * rewrites the `.out` objects that gained lines (an S3 object is written whole, and the service
 * keeps one `.out` per input file, so there are no partial keys).
 */
export class JobOutput {
    private written = 0;
    /** The text of each input file's `.out` so far. */
    private readonly texts = new Map<string, GrowingBuffer>();
    private readonly bucket: string;
    private readonly prefix: string;
    private readonly context: OutputContext;

    constructor(
        private readonly store: ObjectStore,
        job: Job,
        private readonly run: JobRun,
    ) {
        const { bucket, key } = parseS3Uri(job.request.output.s3Uri);
        this.bucket = bucket;
        this.prefix = joinKey(key, job.jobId);
        this.context = {
            model: job.model,
            invocationType: job.invocationType,
            createdSeconds: Math.floor((run.startedAtMs ?? job.submitTimeMs) / 1000),
        };
    }

    /** Makes the `.out` objects hold the first `processed` records; never removes lines. */
    async writeRecords(processed: number): Promise<void> {
        const target = Math.min(processed, this.run.total);
        if (target <= this.written) {
            return;
        }
        const fresh = new Map<string, string[]>();
        for (let i = this.written; i < target; i += 1) {
            const record = this.run.records[i];
            if (record !== undefined) {
                const lines = fresh.get(record.fileName) ?? [];
                lines.push(outputLine(this.context, record));
                fresh.set(record.fileName, lines);
            }
        }
        this.written = target;
        for (const fileName of this.run.fileNames) {
            const lines = fresh.get(fileName);
            if (lines === undefined) {
                continue;
            }
            const text = this.texts.get(fileName) ?? new GrowingBuffer();
            this.texts.set(fileName, text);
            text.append(Buffer.from(`${lines.join('\n')}\n`, 'utf8'));
            const key = joinKey(this.prefix, `${fileName}.out`);
            await this.store.putObject(this.bucket, key, text.bytes);
        }
    }

    async writeManifest(processed: number): Promise<void> {
        const manifest = JSON.stringify(manifestOf(this.run, processed));
        const key = joinKey(this.prefix, 'manifest.json.out');
        await this.store.putObject(this.bucket, key, manifest);
    }
}

function outputLine(context: OutputContext, record: PlannedRecord): string {
    const result = simulateRecord(context, record.modelInput);
    const line =
        result.error === undefined
            ? {
                  modelInput: record.modelInput,
                  modelOutput: result.modelOutput,
                  recordId: record.recordId,
              }
            : { modelInput: record.modelInput, error: result.error, recordId: record.recordId };
    return JSON.stringify(line);
}

/**
 * Drives batch jobs through their statuses on the shared clock:
 * Submitted -> Validating -> Scheduled -> InProgress -> Completed, with Failed (validation),
 * Expired (still queued at jobExpirationTime), PartiallyCompleted (running at jobExpirationTime)
 * and Stopping -> Stopped. Events are applied in time order, interleaved with the per-minute
 * metric publication, so a clock that jumps an hour gives the same result as 60 one-minute steps.
 *
 * Output: while a job runs (InProgress or Stopping), its `.out` objects hold the records it had
 * processed by the last whole simulated minute, as the service's results appear during the run.
 * When it ends they hold exactly the processed records, and `manifest.json.out` is written for
 * Completed, PartiallyCompleted, Stopped and (forced while running) Expired. A job that fails
 * while running keeps its processed records' lines but gets no manifest; one that never ran
 * writes nothing.
 *
 * Validation first checks that Bedrock could assume the job's service role, when the endpoint
 * serves IAM (`serviceRoles` gives its roles). A move forced through the control API takes the
 * role as given: tests force statuses with made-up roles; the input is still read, as the run
 * needs its records.
 */
import type { Clock, MetricSink, ObjectStore } from '../../types';
import type { Job } from '../jobs';
import type { JobStatus } from '../patterns';
import { TERMINAL_STATUSES } from '../patterns';
import { alnum, digest } from './determinism';
import { failures } from './failures';
import { readInput } from './inputReader';
import { MINUTE_MS, minuteDatapoints, OpeningBacklog } from './metricsPublisher';
import { planRecord } from './modelOutputs';
import { JobRun } from './run';
import type { PlannedRecord } from './run';
import { parseS3Uri } from './s3Location';
import { JobOutput } from './outputWriter';
import { serviceRoleProblem } from './serviceRole';
import type { ServiceRoleDirectory } from './serviceRole';
import type { SimulatorSettings } from './settings';

const ORDER: readonly JobStatus[] = ['Submitted', 'Validating', 'Scheduled', 'InProgress'];

export class JobSimulator {
    private readonly active = new Set<Job>();
    private readonly running = new Set<Job>();
    private readonly outputs = new Map<Job, JobOutput>();
    private recentlyEnded: Job[] = [];
    /** Start of the minute being simulated; its datapoints are published when it is over. */
    private lastMinuteMs: number;
    private readonly openingBacklog = new OpeningBacklog();
    private chain: Promise<void> = Promise.resolve();
    /** The soonest job event, cached until a job changes (undefined: not known). */
    private soonest: { job: Job; atMs: number } | null | undefined;
    private failure: unknown;
    private readonly unsubscribe: () => void;

    constructor(
        private readonly clock: Clock,
        private readonly store: ObjectStore,
        private readonly metrics: MetricSink | undefined,
        readonly settings: SimulatorSettings,
        /** The endpoint's IAM roles; undefined (or answering undefined) when IAM is not served. */
        private readonly serviceRoles: () => ServiceRoleDirectory | undefined = () => undefined,
    ) {
        this.lastMinuteMs = Math.floor(clock.now() / MINUTE_MS) * MINUTE_MS;
        this.unsubscribe = clock.onAdvance(() => {
            void this.catchUp();
        });
    }

    dispose(): void {
        this.unsubscribe();
    }

    track(job: Job): void {
        if (!TERMINAL_STATUSES.includes(job.status)) {
            this.active.add(job);
            this.soonest = undefined;
        }
    }

    /** Jobs in Submitted..Stopping on this model in this account and region. */
    activeCount(accountId: string, region: string, modelId: string): number {
        let count = 0;
        for (const job of this.active) {
            if (
                job.model.modelId === modelId &&
                job.accountId === accountId &&
                job.region === region
            ) {
                count += 1;
            }
        }
        return count;
    }

    /** Brings every job and the metrics up to the clock. Never rejects; see `tick`. */
    catchUp(): Promise<void> {
        this.chain = this.chain
            .then(() => this.advanceTo(this.clock.now()))
            .catch((error: unknown) => {
                this.failure = error;
            });
        return this.chain;
    }

    /** Catches up and reports any failure met while doing so (for tests and the control API). */
    async tick(): Promise<void> {
        await this.catchUp();
        const failure = this.failure;
        this.failure = undefined;
        if (failure !== undefined) {
            throw failure instanceof Error ? failure : new Error(JSON.stringify(failure));
        }
    }

    /** Runs `work` after pending catch-ups, serialised with them. */
    exclusive<T>(work: () => Promise<T> | T): Promise<T> {
        const result = this.chain.then(() => this.advanceTo(this.clock.now())).then(work);
        this.chain = result.then(
            () => undefined,
            () => undefined,
        );
        return result;
    }

    async updateSettings(update: Partial<SimulatorSettings>): Promise<void> {
        await this.exclusive(() => {
            Object.assign(this.settings, update);
            this.soonest = undefined;
            if (update.recordsPerMinute !== undefined) {
                for (const job of this.active) {
                    job.run?.setRate(this.clock.now(), update.recordsPerMinute);
                }
            }
        });
    }

    /** Stop as StopModelInvocationJob does; the caller has checked the status. */
    stop(job: Job, atMs: number): void {
        if (job.status === 'Stopping') {
            return;
        }
        job.run?.freeze(atMs);
        this.refreshCounts(job, atMs);
        this.setStatus(job, 'Stopping', atMs);
    }

    /** Moves a job to `status` now (test and demo control). */
    async force(job: Job, status: JobStatus, message?: string): Promise<void> {
        await this.exclusive(async () => {
            const now = this.clock.now();
            if (TERMINAL_STATUSES.includes(job.status)) {
                throw new Error(`job ${job.jobId} already ended with status ${job.status}`);
            }
            switch (status) {
                case 'Failed':
                    await this.finish(
                        job,
                        now,
                        'Failed',
                        message ?? 'The job was failed through the control API.',
                    );
                    return;
                case 'Stopping':
                    this.stop(job, now);
                    return;
                case 'Stopped':
                    this.stop(job, now);
                    await this.finish(job, now, 'Stopped');
                    return;
                case 'Expired':
                    await this.finish(job, now, 'Expired');
                    return;
                default:
                    await this.forceForward(job, status, now);
            }
        });
    }

    private async forceForward(job: Job, status: JobStatus, now: number): Promise<void> {
        const target =
            status === 'Completed' || status === 'PartiallyCompleted' ? 'InProgress' : status;
        if (!ORDER.includes(target) || ORDER.indexOf(target) < ORDER.indexOf(job.status)) {
            throw new Error(`cannot force job ${job.jobId} from ${job.status} to ${status}`);
        }
        if (job.status === 'Submitted' && target !== 'Submitted') {
            this.setStatus(job, 'Validating', now);
        }
        if (job.status === 'Validating' && target !== 'Validating') {
            await this.validate(job, now, { forced: true });
        }
        if (job.status === 'Scheduled' && target === 'InProgress') {
            this.begin(job, now);
        }
        if (job.status !== 'InProgress' || job.run === undefined) {
            return;
        }
        if (status === 'Completed') {
            job.run.finishAll(now);
            await this.finish(job, now, 'Completed');
        } else if (status === 'PartiallyCompleted') {
            job.run.freeze(now);
            await this.finish(job, now, 'PartiallyCompleted');
        }
    }

    private async advanceTo(now: number): Promise<void> {
        for (;;) {
            const nextMinute = this.lastMinuteMs + MINUTE_MS;
            const soonest = this.soonestEvent();
            if (soonest !== undefined && soonest.atMs <= now && soonest.atMs <= nextMinute) {
                await this.apply(soonest.job, soonest.atMs);
                continue;
            }
            if (nextMinute > now) {
                break;
            }
            if (this.active.size === 0 && this.recentlyEnded.length === 0) {
                // Nothing to publish: skip the idle minutes in one step.
                this.lastMinuteMs = Math.floor(now / MINUTE_MS) * MINUTE_MS;
                this.openingBacklog.startMinute(this.lastMinuteMs, this.active);
                break;
            }
            const closed = this.publishMinute(nextMinute);
            this.lastMinuteMs = nextMinute;
            this.openingBacklog.startMinute(nextMinute, this.active, closed);
        }
        for (const job of this.running) {
            this.refreshCounts(job, now);
        }
        await this.writeProgress(now);
    }

    /** Writes the records each running job had processed by the last whole minute. */
    private async writeProgress(now: number): Promise<void> {
        const minuteMark = Math.floor(now / MINUTE_MS) * MINUTE_MS;
        for (const job of [...this.active]) {
            const run = job.run;
            const running = job.status === 'InProgress' || job.status === 'Stopping';
            if (running && run?.started === true) {
                await this.outputOf(job, run).writeRecords(run.processedAt(minuteMark));
            }
        }
    }

    private outputOf(job: Job, run: JobRun): JobOutput {
        let output = this.outputs.get(job);
        if (output === undefined) {
            output = new JobOutput(this.store, job, run);
            this.outputs.set(job, output);
        }
        return output;
    }

    private soonestEvent(): { job: Job; atMs: number } | undefined {
        if (this.soonest !== undefined) {
            return this.soonest ?? undefined;
        }
        let soonest: { job: Job; atMs: number } | undefined;
        for (const job of this.active) {
            const atMs = this.nextEventAt(job);
            if (atMs !== undefined && (soonest === undefined || atMs < soonest.atMs)) {
                soonest = { job, atMs };
            }
        }
        this.soonest = soonest ?? null;
        return soonest;
    }

    private phaseEndAt(job: Job): number | undefined {
        const s = this.settings;
        switch (job.status) {
            case 'Submitted':
                return job.statusSinceMs + s.submittedMs;
            case 'Validating':
                return job.statusSinceMs + s.validatingMs;
            case 'Scheduled':
                return job.statusSinceMs + s.scheduledMs;
            case 'InProgress':
                return job.run?.completionAtMs();
            case 'Stopping':
                return job.statusSinceMs + s.stoppingMs;
            default:
                return undefined;
        }
    }

    private nextEventAt(job: Job): number | undefined {
        const phaseEnd = this.phaseEndAt(job);
        if (job.status === 'Stopping') {
            return phaseEnd;
        }
        return phaseEnd === undefined
            ? job.jobExpirationTimeMs
            : Math.min(phaseEnd, job.jobExpirationTimeMs);
    }

    private async apply(job: Job, atMs: number): Promise<void> {
        const phaseEnd = this.phaseEndAt(job);
        const expiring =
            job.status !== 'Stopping' &&
            atMs >= job.jobExpirationTimeMs &&
            (phaseEnd === undefined || job.jobExpirationTimeMs < phaseEnd);
        if (expiring) {
            if (job.status === 'InProgress') {
                job.run?.freeze(atMs);
                await this.finish(job, atMs, 'PartiallyCompleted');
            } else {
                await this.finish(job, atMs, 'Expired');
            }
            return;
        }
        switch (job.status) {
            case 'Submitted':
                this.setStatus(job, 'Validating', atMs);
                return;
            case 'Validating':
                await this.validate(job, atMs);
                return;
            case 'Scheduled':
                this.begin(job, atMs);
                return;
            case 'InProgress':
                await this.finish(job, atMs, 'Completed');
                return;
            case 'Stopping':
                await this.finish(job, atMs, 'Stopped');
                return;
            default:
                this.active.delete(job);
        }
    }

    private begin(job: Job, atMs: number): void {
        job.run?.start(atMs, this.settings.recordsPerMinute);
        this.setStatus(job, 'InProgress', atMs);
    }

    private async validate(job: Job, atMs: number, how = { forced: false }): Promise<void> {
        const s = this.settings;
        const roles = how.forced ? undefined : this.serviceRoles();
        const roleProblem =
            roles === undefined ? undefined : serviceRoleProblem(job.request.roleArn, roles);
        if (roleProblem !== undefined) {
            await this.finish(job, atMs, 'Failed', roleProblem);
            return;
        }
        const modelId = job.request.modelId;
        const reading = await readInput(
            this.store,
            job.request.input.s3Uri,
            {
                maxRecordsPerFile: s.maxRecordsPerFile,
                maxFileBytes: s.maxFileBytes,
                maxJobBytes: s.maxJobBytes,
            },
            modelId,
        );
        if (!reading.ok) {
            await this.finish(job, atMs, 'Failed', reading.message);
            return;
        }
        const count = reading.records.length;
        if (count < s.minRecordsPerJob) {
            await this.finish(
                job,
                atMs,
                'Failed',
                failures.tooFewRecords(count, s.minRecordsPerJob, modelId),
            );
            return;
        }
        if (count > s.maxRecordsPerJob) {
            await this.finish(
                job,
                atMs,
                'Failed',
                failures.tooManyRecords(count, s.maxRecordsPerJob, modelId),
            );
            return;
        }
        const outputBucket = parseS3Uri(job.request.output.s3Uri).bucket;
        if (!(await this.store.bucketExists(outputBucket))) {
            await this.finish(job, atMs, 'Failed', failures.outputBucketMissing(outputBucket));
            return;
        }
        const context = { model: job.model, invocationType: job.invocationType, createdSeconds: 0 };
        const planned = reading.records.map((record) => {
            const recordId =
                record.recordId ??
                alnum(digest(job.jobId, record.fileName, String(record.line)), 11, 'upper');
            const plan = planRecord(context, record.modelInput);
            const entry: PlannedRecord = {
                fileName: record.fileName,
                recordId,
                modelInput: record.modelInput,
                failed: plan.error !== undefined,
                inputTokens: plan.inputTokens,
                outputTokens: plan.outputTokens,
            };
            return {
                entry,
                order: digest(job.jobId, record.fileName, String(record.line)).toString('hex'),
            };
        });
        planned.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
        job.run = new JobRun(
            planned.map((p) => p.entry),
            reading.fileNames,
        );
        job.counts.total = count;
        this.setStatus(job, 'Scheduled', atMs);
    }

    private async finish(
        job: Job,
        atMs: number,
        status: JobStatus,
        message?: string,
    ): Promise<void> {
        const run = job.run;
        if (run?.started === true && status !== 'Completed') {
            run.freeze(atMs);
        }
        this.refreshCounts(job, atMs);
        job.endTimeMs = atMs;
        if (message !== undefined) {
            job.message = message;
        }
        this.setStatus(job, status, atMs);
        this.active.delete(job);
        this.recentlyEnded.push(job);
        if (run?.started === true) {
            const output = this.outputOf(job, run);
            this.outputs.delete(job);
            const processed = run.processedAt(atMs);
            await output.writeRecords(processed);
            if (status !== 'Failed') {
                await output.writeManifest(processed);
            }
        }
    }

    private setStatus(job: Job, status: JobStatus, atMs: number): void {
        this.soonest = undefined;
        if (status === 'InProgress') {
            this.running.add(job);
        } else {
            this.running.delete(job);
        }
        job.status = status;
        job.statusSinceMs = atMs;
        job.lastModifiedMs = atMs;
    }

    private refreshCounts(job: Job, atMs: number): void {
        const run = job.run;
        if (run === undefined) {
            return;
        }
        const processed = run.processedAt(atMs);
        const errors = run.errorsUpTo(processed);
        job.counts.total = run.total;
        job.counts.processed = processed;
        job.counts.error = errors;
        job.counts.success = processed - errors;
    }

    /** Publishes the minute ending at `endMs`; returns the series it closed (see metrics). */
    private publishMinute(endMs: number): string[] {
        const startMs = endMs - MINUTE_MS;
        this.recentlyEnded = this.recentlyEnded.filter((job) => (job.endTimeMs ?? 0) > startMs);
        const jobs = [...this.active, ...this.recentlyEnded];
        if (jobs.length === 0 || this.metrics === undefined) {
            return [];
        }
        const minute = minuteDatapoints(endMs, jobs, this.openingBacklog);
        for (const datum of minute.datapoints) {
            this.metrics.put(datum);
        }
        return minute.closedSeries;
    }
}

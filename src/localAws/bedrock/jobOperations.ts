/** Create, Get, List and StopModelInvocationJob. */
import type { Clock } from '../types';
import { ConstraintViolations } from './constraints';
import { parseCreateRequest } from './createRequest';
import { conflict, notFound, quotaExceeded } from './errors';
import type { Job } from './jobs';
import { jobArn, jobSummary } from './jobs';
import { listJobs, parseJobQuery } from './listJobs';
import { resolveBatchModel } from './modelResolution';
import { JOB_IDENTIFIER, TERMINAL_STATUSES } from './patterns';
import { canonicalJson } from './simulator/determinism';
import type { JobSimulator } from './simulator/simulator';
import type { BedrockState } from './state';

export interface Caller {
    readonly accountId: string;
    readonly region: string;
}

const DEFAULT_TIMEOUT_HOURS = 24;
const HOUR_MS = 3_600_000;

export class JobOperations {
    constructor(
        private readonly state: BedrockState,
        private readonly simulator: JobSimulator,
        private readonly clock: Clock,
    ) {}

    create(caller: Caller, body: Record<string, unknown>): Promise<{ jobArn: string }> {
        return this.simulator.exclusive(() => this.createNow(caller, body));
    }

    private createNow(caller: Caller, body: Record<string, unknown>): { jobArn: string } {
        const request = parseCreateRequest(body);
        const scope = this.state.scope(caller.accountId, caller.region);
        const fingerprint = canonicalJson({ ...body, clientRequestToken: undefined });
        const token = request.clientRequestToken;
        if (token !== undefined) {
            const earlier = scope.tokens.get(token);
            if (earlier !== undefined) {
                if (earlier.fingerprint === fingerprint) {
                    return { jobArn: earlier.jobArn };
                }
                throw conflict(
                    'The clientRequestToken was already used for a different request. Use a new ' +
                        'token for a new job, or repeat the original request unchanged.',
                );
            }
        }
        const resolved = resolveBatchModel(
            request.modelId,
            caller.region,
            caller.accountId,
            this.state.accountModels(caller.accountId, caller.region),
        );
        const limit = this.simulator.settings.concurrentJobsPerModel;
        const running = this.simulator.activeCount(
            caller.accountId,
            caller.region,
            resolved.model.modelId,
        );
        if (running >= limit) {
            throw quotaExceeded(
                `You have reached the quota of ${limit} batch inference jobs in Submitted, ` +
                    'Validating, Scheduled, InProgress or Stopping status for model ' +
                    `${resolved.model.modelId} in this Region. ` +
                    'Wait for a job to end or request a quota increase.',
            );
        }
        const now = this.clock.now();
        const jobId = this.state.newJobId(caller.accountId, caller.region);
        const timeoutHours = request.timeoutDurationInHours ?? DEFAULT_TIMEOUT_HOURS;
        const job: Job = {
            accountId: caller.accountId,
            region: caller.region,
            jobId,
            jobArn: jobArn(caller.region, caller.accountId, jobId),
            request,
            model: resolved.model,
            invocationType: request.modelInvocationType ?? 'InvokeModel',
            submitTimeMs: now,
            timeoutHours,
            jobExpirationTimeMs: now + timeoutHours * HOUR_MS,
            status: 'Submitted',
            statusSinceMs: now,
            lastModifiedMs: now,
            counts: { total: 0, processed: 0, success: 0, error: 0 },
            tags: [...request.tags],
        };
        scope.jobs.set(jobId, job);
        if (token !== undefined) {
            scope.tokens.set(token, { fingerprint, jobArn: job.jobArn });
        }
        this.simulator.track(job);
        return { jobArn: job.jobArn };
    }

    get(caller: Caller, identifier: string): Promise<Record<string, unknown>> {
        return this.simulator.exclusive(() => jobSummary(this.find(caller, identifier)));
    }

    list(caller: Caller, query: URLSearchParams): Promise<Record<string, unknown>> {
        const parsed = parseJobQuery(query);
        return this.simulator.exclusive(() =>
            listJobs(this.state.scope(caller.accountId, caller.region).jobs.values(), parsed),
        );
    }

    stop(caller: Caller, identifier: string): Promise<Record<string, never>> {
        return this.simulator.exclusive(() => {
            const job = this.find(caller, identifier);
            if (TERMINAL_STATUSES.includes(job.status)) {
                throw conflict(
                    `The batch inference job ${job.jobArn} has already ended with status ` +
                        `${job.status} and can't be stopped.`,
                );
            }
            this.simulator.stop(job, this.clock.now());
            return {};
        });
    }

    /** A job by ARN or 12-character id; a name is refused by the identifier pattern. */
    find(caller: Caller, identifier: string): Job {
        const v = new ConstraintViolations();
        v.text('jobIdentifier', identifier, {
            min: 0,
            max: 1011,
            pattern: JOB_IDENTIFIER,
            required: true,
        });
        v.throwIfAny();
        const jobId = identifier.slice(-12);
        const job = this.state.scope(caller.accountId, caller.region).jobs.get(jobId);
        if (job === undefined || (identifier.length > 12 && identifier !== job.jobArn)) {
            throw notFound(`Could not find a batch inference job with identifier ${identifier}.`);
        }
        return job;
    }
}

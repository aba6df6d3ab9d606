/**
 * The simulated Bedrock control plane: the REST-JSON operations the extension uses, plus a
 * library API for tests and demos (settings, forced statuses, custom models and profiles).
 */
import type {
    Clock,
    LocalAwsError,
    LocalRequest,
    LocalResponse,
    MetricSink,
    ObjectStore,
    ServiceModule,
} from '../types';
import type { InferenceProfileSummary } from './catalogue/catalogue';
import { catalogueModel } from './catalogue/catalogue';
import { parseJsonBody } from './createRequest';
import { notFound, validationError } from './errors';
import type { Job } from './jobs';
import { jobSummary } from './jobs';
import type { Caller } from './jobOperations';
import { JobOperations } from './jobOperations';
import { ModelOperations } from './modelOperations';
import type { JobStatus } from './patterns';
import { JOB_STATUSES } from './patterns';
import { restJsonErrorResponse } from '../core/errorBodies';
import { jsonResponse } from './restJson';
import { routeOf } from './routes';
import type { ServiceRoleDirectory } from './simulator/serviceRole';
import { DEFAULT_SETTINGS, invalidSettings } from './simulator/settings';
import type { SimulatorSettings } from './simulator/settings';
import { JobSimulator } from './simulator/simulator';
import { BedrockState } from './state';
import { TagOperations } from './tagOperations';

export interface BedrockServiceDeps {
    readonly clock: Clock;
    readonly objects: ObjectStore;
    readonly metrics?: MetricSink;
    /** The account and region the library API acts in when not told otherwise. */
    readonly accountId: string;
    readonly region: string;
    readonly settings?: Partial<SimulatorSettings>;
    /** The endpoint's IAM roles, checked when a job is validated; none when IAM is not served. */
    readonly serviceRoles?: () => ServiceRoleDirectory | undefined;
}

export class BedrockService implements ServiceModule {
    readonly signingName = 'bedrock';
    readonly protocol = 'restJson' as const;
    readonly state = new BedrockState();
    readonly simulator: JobSimulator;
    private readonly jobs: JobOperations;
    private readonly models: ModelOperations;
    private readonly tags: TagOperations;
    private readonly defaultCaller: Caller;

    constructor(deps: BedrockServiceDeps) {
        const settings = { ...DEFAULT_SETTINGS, ...deps.settings };
        this.simulator = new JobSimulator(
            deps.clock,
            deps.objects,
            deps.metrics,
            settings,
            deps.serviceRoles,
        );
        this.jobs = new JobOperations(this.state, this.simulator, deps.clock);
        this.models = new ModelOperations(this.state, () => deps.clock.now());
        this.tags = new TagOperations(this.state);
        this.defaultCaller = { accountId: deps.accountId, region: deps.region };
    }

    operationOf(req: LocalRequest): string | undefined {
        return routeOf(req.method, req.rawPath)?.operation;
    }

    async handle(operation: string, req: LocalRequest): Promise<LocalResponse> {
        const caller: Caller = { accountId: req.accountId, region: req.region };
        const identifier = routeOf(req.method, req.rawPath)?.identifier ?? '';
        switch (operation) {
            case 'CreateModelInvocationJob':
                return jsonResponse(await this.jobs.create(caller, parseJsonBody(req.body)));
            case 'GetModelInvocationJob':
                return jsonResponse(await this.jobs.get(caller, identifier));
            case 'ListModelInvocationJobs':
                return jsonResponse(await this.jobs.list(caller, req.query));
            case 'StopModelInvocationJob':
                return jsonResponse(await this.jobs.stop(caller, identifier));
            case 'ListFoundationModels':
                return jsonResponse(this.models.listFoundationModels(caller, req.query));
            case 'GetFoundationModel':
                return jsonResponse(this.models.getFoundationModel(caller, identifier));
            case 'ListInferenceProfiles':
                return jsonResponse(this.models.listInferenceProfiles(caller, req.query));
            case 'GetInferenceProfile':
                return jsonResponse(this.models.getInferenceProfile(caller, identifier));
            case 'CreateInferenceProfile':
                return jsonResponse(
                    this.models.createInferenceProfile(caller, parseJsonBody(req.body)),
                    201,
                );
            case 'TagResource':
                return jsonResponse(this.tags.tag(caller, parseJsonBody(req.body)));
            case 'UntagResource':
                return jsonResponse(this.tags.untag(caller, parseJsonBody(req.body)));
            case 'ListTagsForResource':
                return jsonResponse(this.tags.list(caller, parseJsonBody(req.body)));
            default:
                throw validationError(`Unsupported operation ${operation}`);
        }
    }

    errorResponse(error: LocalAwsError, req: LocalRequest): LocalResponse {
        return restJsonErrorResponse(error, req.requestId);
    }

    // ---- library API (tests, demos, control routes) ----

    get settings(): Readonly<SimulatorSettings> {
        return this.simulator.settings;
    }

    async updateSettings(update: Partial<Record<keyof SimulatorSettings, unknown>>): Promise<void> {
        const bad = invalidSettings(update);
        if (bad.length > 0) {
            throw validationError(`Invalid simulator settings: ${bad.join(', ')}`);
        }
        await this.simulator.updateSettings(update as Partial<SimulatorSettings>);
    }

    /** Catches the simulator up with the clock; rejects if anything failed while doing so. */
    tick(): Promise<void> {
        return this.simulator.tick();
    }

    createJob(
        input: Record<string, unknown>,
        caller: Caller = this.defaultCaller,
    ): Promise<{ jobArn: string }> {
        return this.jobs.create(caller, input);
    }

    /** Every job of every account and region, as GetModelInvocationJob shows them. */
    async listAllJobs(): Promise<Array<Record<string, unknown>>> {
        await this.simulator.catchUp();
        return this.state.allJobs().map((job) => jobSummary(job));
    }

    async describeJob(identifier: string): Promise<Record<string, unknown>> {
        await this.simulator.catchUp();
        return jobSummary(this.findJob(identifier));
    }

    async forceStatus(
        identifier: string,
        status: string,
        message?: string,
    ): Promise<Record<string, unknown>> {
        if (!(JOB_STATUSES as readonly string[]).includes(status)) {
            throw validationError(
                `Unknown job status ${status}; expected one of ${JOB_STATUSES.join(', ')}`,
            );
        }
        const job = this.findJob(identifier);
        try {
            await this.simulator.force(job, status as JobStatus, message);
        } catch (error) {
            throw validationError(error instanceof Error ? error.message : String(error));
        }
        return jobSummary(job);
    }

    createApplicationProfile(
        spec: { name: string; copyFrom: string; description?: string },
        caller: Caller = this.defaultCaller,
    ): InferenceProfileSummary {
        return this.models.createApplicationProfile(caller, spec);
    }

    /** Makes a custom-model ARN usable as a batch modelId, running as its base model. */
    registerCustomModel(
        arn: string,
        baseModelId: string,
        caller: Caller = this.defaultCaller,
    ): void {
        if (catalogueModel(baseModelId) === undefined) {
            throw validationError(`Unknown base model ${baseModelId}`);
        }
        this.state.scope(caller.accountId, caller.region).customModels.set(arn, baseModelId);
    }

    dispose(): void {
        this.simulator.dispose();
    }

    private findJob(identifier: string): Job {
        const id = identifier.slice(-12);
        const job = this.state
            .allJobs()
            .find((j) => j.jobId === id && (identifier === id || identifier === j.jobArn));
        if (job === undefined) {
            throw notFound(`No batch inference job ${identifier}`);
        }
        return job;
    }
}

/**
 * The Bedrock module of the local endpoint: the batch inference control plane, a catalogue of
 * foundation models and inference profiles, and the job simulator on the shared clock.
 *
 * Library API (`aws.state('bedrock')` is the BedrockService): `tick()`, `settings`,
 * `updateSettings({...})`, `createJob(request)`, `listAllJobs()`, `describeJob(idOrArn)`,
 * `forceStatus(idOrArn, status, message?)`, `createApplicationProfile({...})`,
 * `registerCustomModel(arn, baseModelId)`.
 *
 * Control routes: GET /__local/bedrock/jobs, GET /__local/bedrock/jobs/:job,
 * POST /__local/bedrock/jobs/:job/status {status, message?}, POST .../jobs/:job/complete,
 * POST .../jobs/:job/fail {message?}, GET|POST /__local/bedrock/settings,
 * POST /__local/bedrock/tick,
 * POST /__local/bedrock/custom-models {arn, baseModelId},
 * POST /__local/bedrock/application-inference-profiles {name, copyFrom, description?}.
 */
import type { ControlRequest, ServiceModuleContext, ServiceModuleFactory } from '../types';
import { validationError } from './errors';
import { BedrockService } from './service';
import type { ServiceRoleDirectory } from './simulator/serviceRole';
import type { SimulatorSettings } from './simulator/settings';

export { BedrockService } from './service';
export { DEFAULT_SETTINGS } from './simulator/settings';
export type { ServiceRoleDirectory } from './simulator/serviceRole';
export type { SimulatorSettings } from './simulator/settings';

export interface BedrockModuleOptions {
    readonly settings?: Partial<SimulatorSettings>;
    /**
     * The IAM roles jobs' service roles are checked against, asked for when a job is validated;
     * undefined (the default, or when IAM is not served) skips the check.
     */
    readonly serviceRoles?: () => ServiceRoleDirectory | undefined;
}

export function bedrockModule(options: BedrockModuleOptions = {}): ServiceModuleFactory {
    return {
        name: 'bedrock',
        create(context: ServiceModuleContext): BedrockService {
            const service = new BedrockService({
                clock: context.clock,
                objects: context.objects,
                metrics: context.metrics,
                accountId: context.accountId,
                region: context.region,
                ...(options.settings === undefined ? {} : { settings: options.settings }),
                ...(options.serviceRoles === undefined
                    ? {}
                    : { serviceRoles: options.serviceRoles }),
            });
            registerControlRoutes(context, service);
            context.exposeState('bedrock', service);
            context.onStop(() => service.dispose());
            return service;
        },
    };
}

function bodyObject(req: ControlRequest): Record<string, unknown> {
    const body = req.body;
    if (body === undefined || body === null) {
        return {};
    }
    if (typeof body !== 'object' || Array.isArray(body)) {
        throw validationError('The control request body must be a JSON object.');
    }
    return body as Record<string, unknown>;
}

function optionalString(value: unknown): string | undefined {
    return typeof value === 'string' ? value : undefined;
}

function registerControlRoutes(context: ServiceModuleContext, service: BedrockService): void {
    const route = context.registerControlRoute.bind(context);
    route('GET', '/__local/bedrock/jobs', async () => ({ jobs: await service.listAllJobs() }));
    route('GET', '/__local/bedrock/jobs/:job', (req) =>
        service.describeJob(req.params['job'] ?? ''),
    );
    route('POST', '/__local/bedrock/jobs/:job/status', (req) => {
        const body = bodyObject(req);
        return service.forceStatus(
            req.params['job'] ?? '',
            String(body['status']),
            optionalString(body['message']),
        );
    });
    route('POST', '/__local/bedrock/jobs/:job/complete', (req) =>
        service.forceStatus(req.params['job'] ?? '', 'Completed'),
    );
    route('POST', '/__local/bedrock/jobs/:job/fail', (req) =>
        service.forceStatus(
            req.params['job'] ?? '',
            'Failed',
            optionalString(bodyObject(req)['message']),
        ),
    );
    route('GET', '/__local/bedrock/settings', () => ({ ...service.settings }));
    route('POST', '/__local/bedrock/settings', async (req) => {
        await service.updateSettings(bodyObject(req));
        return { ...service.settings };
    });
    route('POST', '/__local/bedrock/tick', async () => {
        await service.tick();
        return { nowMs: context.clock.now() };
    });
    route('POST', '/__local/bedrock/custom-models', (req) => {
        const body = bodyObject(req);
        service.registerCustomModel(String(body['arn']), String(body['baseModelId']));
        return {};
    });
    route('POST', '/__local/bedrock/application-inference-profiles', (req) => {
        const body = bodyObject(req);
        const description = optionalString(body['description']);
        return service.createApplicationProfile({
            name: String(body['name']),
            copyFrom: String(body['copyFrom']),
            ...(description === undefined ? {} : { description }),
        });
    });
}

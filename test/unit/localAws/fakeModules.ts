/**
 * Tiny stand-in modules that let core tests drive the REST-JSON and awsJson paths with real
 * clients.
 */
import type {
    LocalRequest,
    ServiceModule,
    ServiceModuleFactory,
} from '../../../src/localAws/types';
import {
    awsJsonErrorResponse,
    restJsonErrorResponse,
} from '../../../src/localAws/core/errorBodies';

/** Answers Bedrock's ListFoundationModels with an empty list, and records what it saw. */
export function fakeBedrock(seen: LocalRequest[] = []): ServiceModuleFactory {
    const module: ServiceModule = {
        signingName: 'bedrock',
        operationOf: (req) =>
            req.method === 'GET' && req.rawPath === '/foundation-models'
                ? 'ListFoundationModels'
                : undefined,
        handle: (_operation, req) => {
            seen.push(req);
            return Promise.resolve({
                status: 200,
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ modelSummaries: [] }),
            });
        },
        errorResponse: (error, req) => restJsonErrorResponse(error, req.requestId),
    };
    return { name: 'fake-bedrock', create: () => module };
}

export interface SeenBody {
    readonly contentEncoding: string | undefined;
    readonly body: unknown;
}

/** Accepts CloudWatch PutMetricData (awsJson 1.0, query-compatible) and keeps the parsed bodies. */
export function fakeCloudWatch(bodies: SeenBody[] = []): ServiceModuleFactory {
    const module: ServiceModule = {
        signingName: 'monitoring',
        operationOf: (req) => {
            const target = req.headers['x-amz-target'];
            return typeof target === 'string' ? target.split('.').pop() : undefined;
        },
        handle: (_operation, req) => {
            const encoding = req.headers['content-encoding'];
            bodies.push({
                contentEncoding: Array.isArray(encoding) ? encoding.join(',') : encoding,
                body: JSON.parse(req.body.toString('utf8')) as unknown,
            });
            return Promise.resolve({
                status: 200,
                headers: { 'content-type': 'application/x-amz-json-1.0' },
                body: '{}',
            });
        },
        errorResponse: (error, req) =>
            awsJsonErrorResponse(error, req.requestId, 'com.amazonaws.cloudwatch'),
    };
    return { name: 'fake-cloudwatch', create: () => module };
}

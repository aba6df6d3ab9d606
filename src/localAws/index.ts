/**
 * A local stand-in for the AWS services the extension uses, on one loopback port, spoken to by the
 * real AWS SDK and the real AWS CLI. `startLocalAws()` is the library entry; `cli.ts` is the
 * command.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
    ControlRouteHandler,
    MetricSink,
    ServiceModule,
    ServiceModuleContext,
    ServiceModuleFactory,
} from './types';
import { createClock } from './core/clock';
import type { ClockOptions, ManualClock, ScaledClock } from './core/clock';
import { registerBuiltinRoutes } from './core/builtinControlRoutes';
import { ControlRouter } from './core/controlRoutes';
import { CredentialStore, generateCredentials } from './core/credentials';
import type { LocalCredentials } from './core/credentials';
import { FaultRegistry } from './core/faults';
import { MetricRelay } from './core/metricRelay';
import { RequestLog } from './core/requestLog';
import { LocalAwsServer } from './core/server';
import { S3Storage } from './s3/storage';
import { RoleStore } from './iam/roleStore';
import { SnsState } from './sns/snsModule';
import type { PublishedMessage } from './sns/snsModule';
import { serviceFactories } from './services';

export type { ClockOptions, LocalCredentials };
export { ManualClock, ScaledClock } from './core/clock';
export type { ActiveFault, FaultKind, FaultRegistry, FaultSpec } from './core/faults';
export type { LoggedRequest, RequestFilter, RequestLog } from './core/requestLog';
export type { S3Storage } from './s3/storage';
export type { StoredObject } from './s3/storedRecords';
export type { PublishedMessage, SnsState } from './sns/snsModule';
export type { Role, RoleStore } from './iam/roleStore';
export type * from './types';
export { LocalAwsError } from './types';

export interface StartLocalAwsOptions {
    /** 0 (default) picks a free port. */
    readonly port?: number;
    readonly region?: string;
    readonly accountId?: string;
    /** The long-term key the endpoint accepts; a fresh random one by default. */
    readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
    /** Where objects live; a temp folder removed on stop by default. A given folder is kept. */
    readonly dataDir?: string;
    /** Manual for tests, scaled for demos; default real time (scaled, speed 1). */
    readonly clock?: ClockOptions;
    /** How far a request's signing time may be from real time; AWS allows 15 minutes. */
    readonly clockSkewToleranceMs?: number;
    /**
     * Pretends the server's clock is this far ahead of the machine's (Date header and signature age
     * checks), so the SDK's clock-skew correction can be exercised. Default 0.
     */
    readonly serverTimeOffsetMs?: number;
    /** Services to serve, by factory name or as factories; all registered ones by default. */
    readonly modules?: ReadonlyArray<string | ServiceModuleFactory>;
    /** Called when a module throws something other than a LocalAwsError (answered as a 500). */
    readonly onInternalError?: (error: unknown, context: string) => void;
}

export interface LocalAws<C extends ManualClock | ScaledClock = ManualClock | ScaledClock> {
    /**
     * `http://127.0.0.1:PORT`: pass as `endpoint` to SDK clients and `--endpoint-url` to the CLI.
     */
    readonly endpoint: string;
    readonly port: number;
    readonly region: string;
    readonly accountId: string;
    readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
    readonly clock: C;
    readonly faults: FaultRegistry;
    readonly requests: RequestLog;
    /** The local S3 store (an ObjectStore plus bucket and object helpers for tests). */
    readonly s3: S3Storage;
    readonly dataDir: string;
    /** The module answering a signing name, e.g. `module('bedrock')`. */
    module(signingName: string): ServiceModule | undefined;
    /** A value a module exposed with `context.exposeState(name, value)`. */
    state(name: string): unknown;
    /** Messages published to SNS (one topic or all), oldest first. */
    snsMessages(topicArn?: string): PublishedMessage[];
    /** IAM roles, to add or inspect roles directly in tests; undefined when IAM is not served. */
    iamRoles(): RoleStore | undefined;
    /** A temporary ASIA key with a session token, accepted until `ttlMs` of real time passes. */
    issueTemporaryCredentials(
        ttlMs?: number,
    ): Required<Omit<LocalCredentials, 'expiresAtMs'>> & { expiresAtMs: number };
    registerControlRoute(method: string, path: string, handler: ControlRouteHandler): void;
    stop(): Promise<void>;
}

const DEFAULT_TOLERANCE_MS = 15 * 60 * 1000;

export function startLocalAws(
    options: StartLocalAwsOptions & { clock: { kind: 'manual'; startMs?: number } },
): Promise<LocalAws<ManualClock>>;
export function startLocalAws(options?: StartLocalAwsOptions): Promise<LocalAws>;
export async function startLocalAws(options: StartLocalAwsOptions = {}): Promise<LocalAws> {
    const region = options.region ?? 'us-east-1';
    const accountId = options.accountId ?? '123456789012';
    if (!/^\d{12}$/.test(accountId)) {
        throw new Error(`accountId must be 12 digits, got "${accountId}"`);
    }
    const primary = options.credentials ?? generateCredentials();
    const ownsDataDir = options.dataDir === undefined;
    const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'local-aws-')));
    const clock = createClock(options.clock);
    const credentials = new CredentialStore(primary, accountId);
    const storage = await S3Storage.open(dataDir, region);
    const faults = new FaultRegistry();
    const requestLog = new RequestLog();
    const control = new ControlRouter();
    const metrics = new MetricRelay();
    const exposed = new Map<string, unknown>();
    const cleanups: Array<() => void | Promise<void>> = [];
    const onInternalError =
        options.onInternalError ??
        ((error: unknown, context: string) => {
            process.stderr.write(
                `local-aws: ${context}: ` +
                `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
            );
        });

    const context: ServiceModuleContext = {
        clock,
        objects: storage,
        accountId,
        region,
        metrics,
        provideMetricSink: (sink: MetricSink) => metrics.provide(sink),
        registerControlRoute: (method, path, handler) => control.register(method, path, handler),
        exposeState: (name, value) => {
            exposed.set(name, value);
        },
        onStop: (cleanup) => {
            cleanups.push(cleanup);
        },
    };

    const modules = new Map<string, ServiceModule>();
    for (const factory of selectFactories(
        serviceFactories({ storage, credentials }),
        options.modules,
    )) {
        const module = await factory.create(context);
        if (modules.has(module.signingName)) {
            throw new Error(`two modules answer for signing name "${module.signingName}"`);
        }
        modules.set(module.signingName, module);
    }

    const server = new LocalAwsServer({
        credentials,
        clockSkewToleranceMs: options.clockSkewToleranceMs ?? DEFAULT_TOLERANCE_MS,
        serverTimeOffsetMs: options.serverTimeOffsetMs ?? 0,
        faults,
        requestLog,
        control,
        modules,
        onInternalError,
    });
    const port = await server.listen(options.port ?? 0);
    const endpoint = `http://127.0.0.1:${port}`;
    registerBuiltinRoutes({
        control,
        faults,
        requestLog,
        clock,
        health: () => ({
            ok: true,
            endpoint,
            region,
            accountId,
            services: [...modules.keys()].sort(),
            clock: { kind: clock.kind, nowMs: clock.now() },
            controlRoutes: control.list(),
        }),
    });

    let stopped: Promise<void> | undefined;
    return {
        endpoint,
        port,
        region,
        accountId,
        credentials: { accessKeyId: primary.accessKeyId, secretAccessKey: primary.secretAccessKey },
        clock,
        faults,
        requests: requestLog,
        s3: storage,
        dataDir,
        module: (signingName) => modules.get(signingName),
        state: (name) => exposed.get(name),
        snsMessages: (topicArn) => {
            const sns = exposed.get('sns');
            return sns instanceof SnsState ? sns.published(topicArn) : [];
        },
        iamRoles: () => {
            const roles = exposed.get('iam');
            return roles instanceof RoleStore ? roles : undefined;
        },
        issueTemporaryCredentials: (ttlMs = 3600_000) => {
            const key = credentials.issueTemporary(ttlMs);
            return {
                accessKeyId: key.accessKeyId,
                secretAccessKey: key.secretAccessKey,
                sessionToken: key.sessionToken ?? '',
                expiresAtMs: key.expiresAtMs ?? Date.now() + ttlMs,
            };
        },
        registerControlRoute: (method, path, handler) => control.register(method, path, handler),
        stop: () => {
            stopped ??= (async () => {
                await server.close();
                for (const cleanup of cleanups.reverse()) {
                    await cleanup();
                }
                if (clock.kind === 'scaled') {
                    clock.stop();
                }
                if (ownsDataDir) {
                    await rm(dataDir, { recursive: true, force: true });
                }
            })();
            return stopped;
        },
    };
}

function selectFactories(
    registered: readonly ServiceModuleFactory[],
    wanted: ReadonlyArray<string | ServiceModuleFactory> | undefined,
): ServiceModuleFactory[] {
    if (wanted === undefined) {
        return [...registered];
    }
    return wanted.map((entry) => {
        if (typeof entry !== 'string') {
            return entry;
        }
        const factory = registered.find((f) => f.name === entry);
        if (factory === undefined) {
            throw new Error(
                `no service module named "${entry}"; known: ` +
                `${registered.map((f) => f.name).join(', ')}`,
            );
        }
        return factory;
    });
}

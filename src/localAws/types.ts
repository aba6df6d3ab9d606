/**
 * The contract between the local AWS endpoint's HTTP core (SigV4, routing, faults, control API)
 * and the service modules that implement each AWS API on top of it. Nothing here imports vscode:
 * the endpoint runs in tests, in the `aws-local` command and inside the extension's sandbox.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';

/** Simulated time. Tests advance it by hand; demos scale real time. */
export interface Clock {
    /** Milliseconds since the epoch, in simulated time. */
    now(): number;
    /** Called whenever simulated time moves, so simulators can catch up. */
    onAdvance(listener: (nowMs: number) => void): () => void;
}

/** A request whose signature checked out, routed to a service by its SigV4 credential scope. */
export interface LocalRequest {
    /**
     * Signing name from the credential scope: bedrock, s3, monitoring, sts, iam, sns,
     * servicequotas.
     */
    readonly service: string;
    readonly region: string;
    readonly accountId: string;
    readonly accessKeyId: string;
    readonly method: string;
    /** Path as sent on the wire (still percent-encoded). */
    readonly rawPath: string;
    readonly query: URLSearchParams;
    readonly headers: IncomingHttpHeaders;
    /**
     * Whole body, already gunzipped and de-chunked. Services that stream (S3) read `stream`
     * instead.
     */
    readonly body: Buffer;
    readonly requestId: string;
    /**
     * Only for modules with `streamsBody`: the decoded body (de-chunked, never gunzipped). It fails
     * with a LocalAwsError when the payload hash or a checksum does not match once fully read.
     */
    readonly stream?: Readable;
    /**
     * Checksums the client sent (header or aws-chunked trailer) that matched the body, base64, by
     * lowercase algorithm: crc32, crc32c, crc64nvme, sha1, sha256, md5. Complete once the body
     * (or `stream`) has been read to its end.
     */
    readonly checksums?: ReadonlyMap<string, string>;
}

export interface LocalResponse {
    readonly status: number;
    readonly headers?: Record<string, string>;
    readonly body?: Buffer | string | Readable;
}

/** An AWS error by its real name; each module renders it in its own protocol's shape. */
export class LocalAwsError extends Error {
    constructor(
        readonly code: string,
        readonly status: number,
        message: string,
        /** awsQuery / query-compatible services put Sender or Receiver here. */
        readonly fault: 'Sender' | 'Receiver' = status >= 500 ? 'Receiver' : 'Sender',
        /** Extra fields some protocols add to the error body (S3: AWSAccessKeyId...). */
        readonly details: Readonly<Record<string, string>> = {},
    ) {
        super(message);
        this.name = code;
    }
}

/** The wire protocol of a module; the core uses it to shape auth and fault errors. */
export type WireProtocol = 'restJson' | 'awsJson' | 'restXml' | 'awsQuery';

export interface ServiceModule {
    /** SigV4 signing name this module answers for. */
    readonly signingName: string;
    /**
     * Defaults from the signing name: s3 restXml, sts/iam/sns awsQuery, monitoring awsJson,
     * else restJson.
     */
    readonly protocol?: WireProtocol;
    /** True when the module reads `req.stream` instead of `req.body` (S3: bodies go to disk). */
    readonly streamsBody?: boolean;
    /** Largest accepted body when not streaming; defaults to 20 MiB. */
    readonly maxBodyBytes?: number;
    /** The operation name (e.g. `CreateModelInvocationJob`), or undefined when the route is unknown. */
    operationOf(req: LocalRequest): string | undefined;
    handle(operation: string, req: LocalRequest): Promise<LocalResponse>;
    /** Renders an error in this protocol's wire shape (REST-JSON, awsJson1_0, REST-XML, awsQuery). */
    errorResponse(error: LocalAwsError, req: LocalRequest): LocalResponse;
}

/** What the job simulator needs from the local S3. */
export interface ObjectStore {
    /** Streams an object, or undefined when bucket or key is missing. */
    openObject(bucket: string, key: string): Promise<Readable | undefined>;
    /** Keys under a prefix, in key order. */
    listKeys(bucket: string, prefix: string): Promise<string[]>;
    putObject(bucket: string, key: string, body: Buffer | string): Promise<void>;
    bucketExists(bucket: string): Promise<boolean>;
}

/** One datapoint in CloudWatch's store. */
export interface MetricDatum {
    readonly namespace: string;
    readonly metricName: string;
    readonly dimensions: ReadonlyArray<{ readonly name: string; readonly value: string }>;
    readonly timestampMs: number;
    readonly value: number;
    readonly unit?: string;
    /** CloudWatch is regional: where the datapoint belongs (default: the endpoint's region). */
    readonly region?: string;
    /** Default: the endpoint's account. */
    readonly accountId?: string;
}

/** What the job simulator needs from the local CloudWatch. */
export interface MetricSink {
    put(datum: MetricDatum): void;
}

/** A route of the unsigned control API under `/__local/`; the body is parsed JSON or undefined. */
export interface ControlRequest {
    readonly method: string;
    /** Path without the query string, e.g. `/__local/bedrock/jobs/abc/complete`. */
    readonly path: string;
    readonly query: URLSearchParams;
    readonly body: unknown;
    /** Values of `:name` segments in the registered path pattern. */
    readonly params: Readonly<Record<string, string>>;
}

/** Control routes answer JSON with status 200 unless they throw a LocalAwsError. */
export type ControlRouteHandler = (req: ControlRequest) => unknown;

/** What the core hands each service module's factory. */
export interface ServiceModuleContext {
    readonly clock: Clock;
    /** The local S3, for reading job input and writing job output. */
    readonly objects: ObjectStore;
    readonly accountId: string;
    /** The endpoint's default region (requests may name others in their credential scope). */
    readonly region: string;
    /**
     * Datapoints put here reach whichever module called provideMetricSink (CloudWatch). They are
     * kept and replayed if the sink is provided after the first put.
     */
    readonly metrics: MetricSink;
    provideMetricSink(sink: MetricSink): void;
    /** Path may hold `:name` segments; it must start with `/__local/`. */
    registerControlRoute(method: string, path: string, handler: ControlRouteHandler): void;
    /** Makes a value reachable from tests through `LocalAws.state(name)`. */
    exposeState(name: string, value: unknown): void;
    /** Called on stop, in reverse order of registration (timers, watchers). */
    onStop(cleanup: () => void | Promise<void>): void;
}

export interface ServiceModuleFactory {
    /** Name used in `startLocalAws({ modules: [...] })`; usually the signing name. */
    readonly name: string;
    create(context: ServiceModuleContext): ServiceModule | Promise<ServiceModule>;
}

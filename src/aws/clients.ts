import type { BedrockClient } from '@aws-sdk/client-bedrock';
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SNSClient } from '@aws-sdk/client-sns';
import type { ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
import type { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentityProvider, InitializeMiddleware, MetadataBearer } from '@smithy/types';
import type { Log } from '../shared/log';
import type { ServiceName } from '../shared/settings';
import { callLogger } from './callLogger';
import type { Connection } from './connection';
import { credentialProviderFor } from './credentials';
import { loadSdk, type AwsSdk } from './loadSdk';

/** Standard retry mode with more patience than the SDK's 3 attempts: batch APIs throttle early. */
const maxAttempts = 5;
const userAgent: [string, string] = ['bedrock-batch', '0.1.0'];

/** What every client is built from. */
interface CommonConfig {
    readonly region: string;
    readonly credentials: AwsCredentialIdentityProvider;
    readonly endpoint?: string;
    readonly maxAttempts: number;
    readonly customUserAgent: [string, string][];
    readonly requestHandler: { readonly connectionTimeout: number; readonly requestTimeout: number };
}

interface Destroyable {
    destroy(): void;
    readonly middlewareStack: {
        add(middleware: InitializeMiddleware<object, MetadataBearer>, options: { step: 'initialize'; name: string }): void;
    };
}

/**
 * Builds and caches SDK clients per service and region for the current connection. Nothing here
 * touches the SDK until a client is first asked for.
 */
export class AwsClients {
    private readonly cache = new Map<string, Destroyable>();
    private credentials: AwsCredentialIdentityProvider | undefined;

    constructor(
        private readonly log: Log,
        private current: Connection,
    ) {}

    get connection(): Connection {
        return this.current;
    }

    /**
     * A separate client set for the current connection, which later switches neither redirect
     * nor destroy: work that must reach one account from start to end (upload, then create) uses
     * it. Shares the credentials already resolved; the caller disposes it.
     */
    pin(): AwsClients {
        const pinned = new AwsClients(this.log, this.current);
        pinned.credentials = this.credentials;
        return pinned;
    }

    /** Switches account, profile or endpoints: every cached client and credential is dropped. */
    setConnection(connection: Connection): void {
        this.dispose();
        this.current = connection;
    }

    bedrock(region: string): BedrockClient {
        return this.client('bedrock', region, (sdk, config) => new sdk.BedrockClient(config));
    }

    cloudWatch(region: string): CloudWatchClient {
        return this.client('monitoring', region, (sdk, config) => new sdk.CloudWatchClient(config));
    }

    s3(region: string): S3Client {
        return this.client('s3', region, (sdk, config) => {
            // A custom endpoint (local stand-in, VPC endpoint) rarely resolves virtual-host buckets.
            const forcePathStyle = config.endpoint !== undefined;
            return new sdk.S3Client({ ...config, forcePathStyle });
        });
    }

    sts(region: string): STSClient {
        return this.client('sts', region, (sdk, config) => new sdk.STSClient(config));
    }

    /** IAM is global; its calls are signed for us-east-1 in the commercial partition. */
    iam(): IAMClient {
        return this.client('iam', 'us-east-1', (sdk, config) => new sdk.IAMClient(config));
    }

    sns(region: string): SNSClient {
        return this.client('sns', region, (sdk, config) => new sdk.SNSClient(config));
    }

    serviceQuotas(region: string): ServiceQuotasClient {
        return this.client(
            'servicequotas',
            region,
            (sdk, config) => new sdk.ServiceQuotasClient(config),
        );
    }

    /** The SDK itself, for commands, paginators and helpers; loads it on first use. */
    sdk(): AwsSdk {
        return loadSdk();
    }

    /** Region from the connection: sandbox region, AWS_REGION, or the profile's `region`. */
    async defaultRegion(): Promise<string | undefined> {
        const connection = this.current;
        if (connection.kind === 'sandbox') {
            return connection.region;
        }
        const fromEnv = process.env['AWS_REGION'] ?? process.env['AWS_DEFAULT_REGION'];
        if (fromEnv !== undefined && fromEnv !== '') {
            return fromEnv;
        }
        const profileName = connection.profile ?? process.env['AWS_PROFILE'] ?? 'default';
        const files = await loadSdk().loadSharedConfigFiles({ ignoreCache: true });
        return files.configFile[profileName]?.['region'] ?? files.credentialsFile[profileName]?.['region'];
    }

    dispose(): void {
        for (const client of this.cache.values()) {
            client.destroy();
        }
        this.cache.clear();
        this.credentials = undefined;
    }

    private client<T extends Destroyable>(
        service: ServiceName,
        region: string,
        create: (sdk: AwsSdk, config: CommonConfig) => T,
    ): T {
        const key = `${service}:${region}`;
        const cached = this.cache.get(key);
        if (cached !== undefined) {
            return cached as T;
        }
        const sdk = loadSdk();
        this.credentials ??= credentialProviderFor(sdk, this.current);
        const client = create(sdk, {
            region,
            credentials: this.credentials,
            endpoint: this.endpointFor(service),
            maxAttempts,
            customUserAgent: [userAgent],
            requestHandler: { connectionTimeout: 10_000, requestTimeout: 120_000 },
        });
        client.middlewareStack.add(callLogger(this.log, region), { step: 'initialize', name: 'bedrockBatchCallLogger' });
        this.cache.set(key, client);
        return client;
    }

    private endpointFor(service: ServiceName): string | undefined {
        const connection = this.current;
        if (connection.kind === 'sandbox') {
            return connection.endpoint;
        }
        const override = connection.endpoints[service];
        return override === undefined || override === '' ? undefined : override;
    }
}

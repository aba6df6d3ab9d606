/** Shared setup for the local AWS endpoint tests: offline SDK environment and fast retries. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, createHmac } from 'node:crypto';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { SignatureV4 } from '@smithy/signature-v4';
import type { SourceData } from '@smithy/types';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import type { LocalAws } from '../../../src/localAws/index';

const configDir = mkdtempSync(join(tmpdir(), 'local-aws-test-config-'));
writeFileSync(join(configDir, 'config'), '');
writeFileSync(join(configDir, 'credentials'), '');
process.env['AWS_EC2_METADATA_DISABLED'] = 'true';
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
process.env['AWS_CONFIG_FILE'] = join(configDir, 'config');
process.env['AWS_SHARED_CREDENTIALS_FILE'] = join(configDir, 'credentials');
delete process.env['AWS_PROFILE'];
delete process.env['AWS_CONTAINER_CREDENTIALS_FULL_URI'];
delete process.env['AWS_CONTAINER_CREDENTIALS_RELATIVE_URI'];
process.on('exit', () => rmSync(configDir, { recursive: true, force: true }));

/** Three attempts with a 5 ms pause, so retry tests do not wait for real backoff. */
export function fastRetries(maxAttempts = 3): ConfiguredRetryStrategy {
    return new ConfiguredRetryStrategy(maxAttempts, () => 5);
}

export interface ClientOverrides {
    readonly credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
    readonly maxAttempts?: number;
    readonly systemClockOffset?: number;
}

export function clientConfig(
    local: LocalAws,
    overrides: ClientOverrides = {},
): {
    endpoint: string;
    region: string;
    credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
    retryStrategy: ConfiguredRetryStrategy;
    systemClockOffset?: number;
} {
    return {
        endpoint: local.endpoint,
        region: local.region,
        credentials: overrides.credentials ?? local.credentials,
        retryStrategy: fastRetries(overrides.maxAttempts ?? 3),
        ...(overrides.systemClockOffset === undefined
            ? {}
            : { systemClockOffset: overrides.systemClockOffset }),
    };
}

export function s3Client(local: LocalAws, overrides: ClientOverrides = {}): S3Client {
    return new S3Client({ ...clientConfig(local, overrides), forcePathStyle: true });
}

export function stsClient(local: LocalAws, overrides: ClientOverrides = {}): STSClient {
    return new STSClient(clientConfig(local, overrides));
}

/** The error a promise rejects with; fails the test when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<
    Error & {
        $metadata?: { httpStatusCode?: number; attempts?: number };
        Code?: string;
    }
> {
    try {
        await promise;
    } catch (error) {
        return error as Error & { $metadata?: { httpStatusCode?: number; attempts?: number } };
    }
    throw new Error('expected the call to fail, but it succeeded');
}

/** Raw HTTP against the endpoint (unsigned requests, control API). */
export async function rawFetch(
    local: LocalAws,
    path: string,
    init: RequestInit = {},
): Promise<{ status: number; text: string; headers: Headers }> {
    const response = await fetch(`${local.endpoint}${path}`, init);
    return { status: response.status, text: await response.text(), headers: response.headers };
}

function bytesOf(data: SourceData): string | Uint8Array {
    if (typeof data === 'string') {
        return data;
    }
    return ArrayBuffer.isView(data)
        ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
        : new Uint8Array(data);
}

/** The sha256 constructor SignatureV4 wants, from node:crypto. */
class Sha256 {
    private readonly hash;
    constructor(secret?: SourceData) {
        this.hash =
            secret === undefined ? createHash('sha256') : createHmac('sha256', bytesOf(secret));
    }
    update(data: SourceData): void {
        this.hash.update(bytesOf(data));
    }
    digest(): Promise<Uint8Array> {
        return Promise.resolve(this.hash.digest());
    }
}

/** A SigV4 signer for hand-made requests (presigned URLs, chunk signatures). */
export function signer(local: LocalAws, service = 's3'): SignatureV4 {
    return new SignatureV4({
        credentials: local.credentials,
        region: local.region,
        service,
        sha256: Sha256,
        uriEscapePath: service !== 's3',
    });
}

/**
 * What a running sandbox endpoint tells whoever started it, as one JSON line on its stdout: where
 * it listens, the made-up key it accepts, and the bucket and role it was seeded with. The same
 * text in the BEDROCK_BATCH_SANDBOX environment variable lets the extension attach to a sandbox
 * that `npm start` runs.
 */
import type { SandboxConnection } from '../aws/connection';

export interface SandboxInfo {
    readonly endpoint: string;
    readonly region: string;
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    readonly bucket: string;
    readonly roleArn: string;
    /** The simulator's speed factor (1: a 300-record job takes about two minutes). */
    readonly speed: number;
}

export const sandboxEnvironmentVariable = 'BEDROCK_BATCH_SANDBOX';

const loopbackEndpoint = /^http:\/\/127\.0\.0\.1:\d{1,5}$/;

/**
 * The info in a line of text, or undefined when it is not one. Only loopback endpoints are
 * accepted: the sandbox never sends anything off the machine.
 */
export function parseSandboxInfo(text: string | undefined): SandboxInfo | undefined {
    if (text === undefined || text.trim() === '') {
        return undefined;
    }
    let value: unknown;
    try {
        value = JSON.parse(text);
    } catch {
        return undefined;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return undefined;
    }
    const record = value as Record<string, unknown>;
    const strings = ['endpoint', 'region', 'accessKeyId', 'secretAccessKey', 'bucket', 'roleArn'];
    if (!strings.every((key) => typeof record[key] === 'string' && record[key] !== '')) {
        return undefined;
    }
    const endpoint = record['endpoint'] as string;
    const speed = record['speed'];
    if (!loopbackEndpoint.test(endpoint)) {
        return undefined;
    }
    return {
        endpoint,
        region: record['region'] as string,
        accessKeyId: record['accessKeyId'] as string,
        secretAccessKey: record['secretAccessKey'] as string,
        bucket: record['bucket'] as string,
        roleArn: record['roleArn'] as string,
        speed: typeof speed === 'number' && Number.isFinite(speed) && speed > 0 ? speed : 1,
    };
}

export function sandboxConnection(info: SandboxInfo): SandboxConnection {
    return {
        kind: 'sandbox',
        endpoint: info.endpoint,
        region: info.region,
        accessKeyId: info.accessKeyId,
        secretAccessKey: info.secretAccessKey,
    };
}

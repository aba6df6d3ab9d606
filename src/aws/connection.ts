import type { EndpointOverrides } from '../shared/settings';

/** Where AWS calls go: the user's own account, or the local sandbox endpoint. */
export type Connection = AccountConnection | SandboxConnection;

export interface AccountConnection {
    readonly kind: 'account';
    /** Undefined: the SDK's default credential chain. */
    readonly profile?: string;
    readonly endpoints: EndpointOverrides;
}

export interface SandboxConnection {
    readonly kind: 'sandbox';
    readonly endpoint: string;
    readonly region: string;
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
}


/**
 * Where calls go, in words and without credentials: the profile (or the default credential
 * chain) and its endpoint overrides in a fixed order, or the sandbox endpoint. Equal strings mean
 * the same connection, so it is also what a stored request remembers its connection by.
 */
export function describeConnection(connection: Connection): string {
    if (connection.kind === 'sandbox') {
        return `sandbox ${connection.endpoint}`;
    }
    const overrides = Object.entries(connection.endpoints)
        .filter(([, url]) => url !== undefined && url !== '')
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([service, url]) => `${service}=${String(url)}`)
        .join(', ');
    const who =
        connection.profile === undefined
            ? 'default credential chain'
            : `profile ${connection.profile}`;
    return overrides === '' ? who : `${who}; endpoints ${overrides}`;
}

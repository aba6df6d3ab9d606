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


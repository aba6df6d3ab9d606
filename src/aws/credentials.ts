import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { Connection } from './connection';
import type { AwsSdk } from './loadSdk';

/** Refresh temporary credentials this long before they expire. */
const expiryMarginMs = 5 * 60 * 1000;

/**
 * One credential provider per connection, shared by every client so a profile's SSO token or
 * role session is resolved once rather than once per service and region.
 */
export function credentialProviderFor(sdk: AwsSdk, connection: Connection): AwsCredentialIdentityProvider {
    if (connection.kind === 'sandbox') {
        const fixed: AwsCredentialIdentity = {
            accessKeyId: connection.accessKeyId,
            secretAccessKey: connection.secretAccessKey,
        };
        return () => Promise.resolve(fixed);
    }
    // ignoreCache: a profile edited while VS Code runs is read afresh when the connection is rebuilt.
    const source =
        connection.profile === undefined
            ? sdk.fromNodeProviderChain({ ignoreCache: true })
            : sdk.fromIni({ profile: connection.profile, ignoreCache: true });
    return memoize(source);
}

function memoize(source: AwsCredentialIdentityProvider): AwsCredentialIdentityProvider {
    let pending: Promise<AwsCredentialIdentity> | undefined;
    return async () => {
        if (pending !== undefined) {
            const current = await pending.catch(() => undefined);
            const expiresAt = current?.expiration?.getTime();
            if (current !== undefined && (expiresAt === undefined || expiresAt - Date.now() > expiryMarginMs)) {
                return current;
            }
        }
        pending = source();
        return pending;
    };
}

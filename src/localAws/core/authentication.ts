/**
 * Who is asking, and of which service: parses the SigV4 authorization, finds the module its
 * credential scope names, and checks the key, its session token and the signing time.
 */
import { LocalAwsError } from '../types';
import type { ServiceModule, WireProtocol } from '../types';
import { parseAuthorization } from '../sigv4/authorization';
import type { SigV4Auth } from '../sigv4/authorization';
import type { KnownKey } from './credentials';
import type { Exchange } from './exchange';
import * as errors from './protocolErrors';
import type { ServerCore } from './serverCore';

export interface Authenticated {
    readonly auth: SigV4Auth;
    readonly module: ServiceModule;
    readonly key: KnownKey;
}

/** Throws the protocol's own error for a request that is unsigned, badly signed or unroutable. */
export function authenticate(
    core: ServerCore,
    ex: Exchange,
    query: URLSearchParams,
): Authenticated {
    const parsed = parseAuthorization(ex.req.headers, query);
    if (parsed.kind === 'none') {
        throw errors.missingAuthentication(ex.protocol);
    }
    if (parsed.kind === 'malformed') {
        if (parsed.service !== undefined) {
            ex.protocol = errors.protocolOf(parsed.service, core.modules.get(parsed.service));
        }
        throw errors.malformedAuthorization(
            ex.protocol,
            parsed.message,
            query.has('X-Amz-Credential'),
        );
    }
    const auth = parsed.auth;
    ex.log.service = auth.service;
    ex.log.accessKeyId = auth.accessKeyId;
    const module = core.modules.get(auth.service);
    ex.protocol = errors.protocolOf(auth.service, module);
    if (module === undefined) {
        throw new LocalAwsError(
            'UnknownService',
            400,
            `This local endpoint serves no "${auth.service}" service.`,
        );
    }
    ex.module = module;
    return { auth, module, key: checkCredentials(core, ex.protocol, auth) };
}

/** The account a key belongs to, from its ARN. */
export function accountOf(key: KnownKey): string {
    return key.arn.split(':')[4] ?? '';
}

function checkCredentials(core: ServerCore, protocol: WireProtocol, auth: SigV4Auth): KnownKey {
    const key = core.credentials.find(auth.accessKeyId);
    if (key === undefined) {
        throw errors.unknownAccessKey(protocol, auth.accessKeyId);
    }
    const now = Date.now() + core.serverTimeOffsetMs;
    checkSigningTime(protocol, auth, now, core.clockSkewToleranceMs);
    if (key.sessionToken !== auth.securityToken) {
        throw errors.invalidSessionToken(protocol);
    }
    if (key.expiresAtMs !== undefined && key.expiresAtMs <= now) {
        throw errors.expiredToken(protocol);
    }
    if (!auth.amzDate.startsWith(auth.shortDate)) {
        throw errors.malformedAuthorization(
            protocol,
            'Date in Credential scope does not match YYYYMMDD from ISO-8601 version of ' +
                'date from HTTP: ' +
                `'${auth.shortDate}' != '${auth.amzDate.slice(0, 8)}'`,
            auth.via === 'query',
        );
    }
    return key;
}

/** Header signatures must be recent; presigned URLs must not have expired (nor be from later). */
function checkSigningTime(
    protocol: WireProtocol,
    auth: SigV4Auth,
    now: number,
    tolerance: number,
): void {
    if (auth.via === 'query') {
        const expiresSeconds = auth.expiresSeconds ?? 0;
        if (now > auth.dateMs + expiresSeconds * 1000) {
            throw protocol === 'restXml'
                ? errors.presignedUrlExpired(auth.dateMs, expiresSeconds, now)
                : errors.requestTimeSkewed(protocol, auth.dateMs, now, expiresSeconds * 1000);
        }
        if (auth.dateMs - now > tolerance) {
            throw errors.requestTimeSkewed(protocol, auth.dateMs, now, tolerance);
        }
    } else if (Math.abs(now - auth.dateMs) > tolerance) {
        throw errors.requestTimeSkewed(protocol, auth.dateMs, now, tolerance);
    }
}

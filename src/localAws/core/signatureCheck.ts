/**
 * Checks a request's SigV4 signature. Which payload hash was signed decides when: hashes that are
 * not a digest of the body (S3 streams, UNSIGNED-PAYLOAD) are checked before the body is read;
 * otherwise the digest of the bytes as sent is what was signed, checked once they are read.
 */
import { LocalAwsError } from '../types';
import { firstHeader } from '../sigv4/authorization';
import type { SigV4Auth } from '../sigv4/authorization';
import {
    EMPTY_SHA256,
    canonicalHeaders,
    canonicalPath,
    canonicalQuery,
    canonicalRequest,
    sha256Hex,
} from '../sigv4/canonical';
import { signatureOf, signingKey, stringToSign } from '../sigv4/signingKey';
import type { Authenticated } from './authentication';
import type { ChunkSigning } from './awsChunked';
import type { Exchange, RequestTarget } from './exchange';
import * as errors from './protocolErrors';

interface SignedParts {
    readonly auth: SigV4Auth;
    readonly key: Buffer;
    readonly target: RequestTarget;
    readonly doubleEncodePath: boolean;
}

/** What is left of the signature check once the request's head has passed. */
export interface PendingSignature {
    readonly signed: SignedParts;
    /** True when the signed payload hash is the body's digest: see checkBodyDigest. */
    readonly awaitsBodyDigest: boolean;
    /** Set for aws-chunked bodies whose chunks carry chained signatures. */
    readonly chunkSigning: ChunkSigning | undefined;
}

/** Checks all that can be checked before the body is read. */
export function checkSignatureBeforeBody(
    ex: Exchange,
    { auth, module, key }: Authenticated,
    target: RequestTarget,
    query: URLSearchParams,
): PendingSignature {
    const streaming = module.streamsBody === true;
    const payloadHash = declaredPayloadHash(ex, auth, query, streaming);
    const signed: SignedParts = {
        auth,
        key: signingKey(key.secretAccessKey, auth.shortDate, auth.region, auth.service),
        target,
        doubleEncodePath: !streaming,
    };
    const awaitsBodyDigest =
        !streaming && (payloadHash === undefined || /^[0-9a-f]{64}$/.test(payloadHash));
    if (!awaitsBodyDigest) {
        verifySignature(ex, signed, payloadHash ?? 'UNSIGNED-PAYLOAD');
    }
    const chunkSigning: ChunkSigning | undefined =
        payloadHash?.startsWith('STREAMING-AWS4-HMAC-SHA256-PAYLOAD') === true
            ? {
                  signingKey: signed.key,
                  amzDate: auth.amzDate,
                  scope: auth.scope,
                  seedSignature: auth.signature,
              }
            : undefined;
    return { signed, awaitsBodyDigest, chunkSigning };
}

/** Finishes the check when the body's digest was signed; `raw` is the body as sent. */
export function checkBodyDigest(ex: Exchange, pending: PendingSignature, raw: Buffer): void {
    if (pending.awaitsBodyDigest) {
        verifySignature(ex, pending.signed, raw.length === 0 ? EMPTY_SHA256 : sha256Hex(raw));
    }
}

/** x-amz-content-sha256 as the client sent it (in the query for presigned URLs). */
function declaredPayloadHash(
    ex: Exchange,
    auth: SigV4Auth,
    query: URLSearchParams,
    streaming: boolean,
): string | undefined {
    const declared =
        auth.via === 'query'
            ? (query.get('X-Amz-Content-Sha256') ?? (streaming ? 'UNSIGNED-PAYLOAD' : undefined))
            : firstHeader(ex.req.headers, 'x-amz-content-sha256');
    if (streaming && declared === undefined) {
        throw new LocalAwsError(
            'InvalidRequest',
            400,
            'Missing required header for this request: x-amz-content-sha256',
        );
    }
    if (declared?.startsWith('STREAMING-AWS4-ECDSA') === true) {
        throw new LocalAwsError(
            'NotImplemented',
            501,
            'SigV4a streaming signatures are not supported locally.',
        );
    }
    return declared;
}

function verifySignature(ex: Exchange, signed: SignedParts, payloadHash: string): void {
    const { auth, target } = signed;
    const canonical = canonicalRequest({
        method: ex.req.method ?? 'GET',
        path: canonicalPath(target.rawPath, signed.doubleEncodePath),
        query: canonicalQuery(
            target.rawQuery,
            auth.via === 'query' ? 'X-Amz-Signature' : undefined,
        ),
        headers: canonicalHeaders(ex.req.rawHeaders, auth.signedHeaders),
        signedHeaders: auth.signedHeaders,
        payloadHash,
    });
    const toSign = stringToSign('AWS4-HMAC-SHA256', auth.amzDate, auth.scope, canonical);
    if (signatureOf(signed.key, toSign) !== auth.signature) {
        throw errors.signatureMismatch(ex.protocol, {
            accessKeyId: auth.accessKeyId,
            stringToSign: toSign,
            signatureProvided: auth.signature,
            canonicalRequest: canonical,
        });
    }
}

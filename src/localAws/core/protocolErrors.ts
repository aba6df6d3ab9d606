/**
 * The errors the core raises itself (auth, throttling, faults), named as each protocol names them.
 */
import { LocalAwsError } from '../types';
import type { ServiceModule, WireProtocol } from '../types';
import { toAmzDate } from '../sigv4/authorization';

export function protocolOf(signingName: string, module?: ServiceModule): WireProtocol {
    if (module?.protocol !== undefined) {
        return module.protocol;
    }
    switch (signingName) {
        case 's3':
            return 'restXml';
        case 'sts':
        case 'iam':
        case 'sns':
            return 'awsQuery';
        case 'monitoring':
            return 'awsJson';
        default:
            return 'restJson';
    }
}

const BAD_SIGNATURE =
    'The request signature we calculated does not match the signature you provided. ' +
    'Check your AWS Secret Access Key and signing method. Consult the service documentation ' +
    'for details.';
const S3_BAD_SIGNATURE =
    'The request signature we calculated does not match the signature you provided. ' +
    'Check your key and signing method.';
const INVALID_TOKEN = 'The security token included in the request is invalid.';
const EXPIRED_TOKEN = 'The security token included in the request is expired';

type Named = Record<WireProtocol, readonly [code: string, status: number, message: string]>;

function pick(
    protocol: WireProtocol,
    table: Named,
    details?: Record<string, string>,
): LocalAwsError {
    const [code, status, message] = table[protocol];
    return new LocalAwsError(code, status, message, status >= 500 ? 'Receiver' : 'Sender', details);
}

export function missingAuthentication(protocol: WireProtocol): LocalAwsError {
    return pick(protocol, {
        restJson: ['MissingAuthenticationTokenException', 403, 'Missing Authentication Token'],
        awsJson: ['MissingAuthenticationTokenException', 403, 'Missing Authentication Token'],
        awsQuery: ['MissingAuthenticationToken', 403, 'Request is missing Authentication Token'],
        restXml: ['AccessDenied', 403, 'Access Denied'],
    });
}

export function malformedAuthorization(
    protocol: WireProtocol,
    message: string,
    viaQuery: boolean,
): LocalAwsError {
    if (protocol === 'restXml') {
        const code = viaQuery
            ? 'AuthorizationQueryParametersError'
            : 'AuthorizationHeaderMalformed';
        return new LocalAwsError(code, 400, message);
    }
    const code = protocol === 'awsQuery' ? 'IncompleteSignature' : 'IncompleteSignatureException';
    return new LocalAwsError(code, 400, message);
}

export function unknownAccessKey(protocol: WireProtocol, accessKeyId: string): LocalAwsError {
    return pick(
        protocol,
        {
            restJson: ['UnrecognizedClientException', 403, INVALID_TOKEN],
            awsJson: ['UnrecognizedClientException', 403, INVALID_TOKEN],
            awsQuery: ['InvalidClientTokenId', 403, INVALID_TOKEN],
            restXml: [
                'InvalidAccessKeyId',
                403,
                'The AWS Access Key Id you provided does not exist in our records.',
            ],
        },
        { AWSAccessKeyId: accessKeyId },
    );
}

export function invalidSessionToken(protocol: WireProtocol): LocalAwsError {
    return pick(protocol, {
        restJson: ['UnrecognizedClientException', 403, INVALID_TOKEN],
        awsJson: ['UnrecognizedClientException', 403, INVALID_TOKEN],
        awsQuery: ['InvalidClientTokenId', 403, INVALID_TOKEN],
        restXml: ['InvalidToken', 400, 'The provided token is malformed or otherwise invalid.'],
    });
}

export function expiredToken(protocol: WireProtocol): LocalAwsError {
    return pick(protocol, {
        restJson: ['ExpiredTokenException', 403, EXPIRED_TOKEN],
        awsJson: ['ExpiredTokenException', 400, EXPIRED_TOKEN],
        awsQuery: ['ExpiredToken', 403, EXPIRED_TOKEN],
        restXml: ['ExpiredToken', 400, 'The provided token has expired.'],
    });
}

export interface SignatureMismatchDetails {
    readonly accessKeyId: string;
    readonly stringToSign: string;
    readonly signatureProvided: string;
    readonly canonicalRequest: string;
}

/** An aws-chunked chunk or trailer whose chained signature does not match (S3 only). */
export function chunkSignatureMismatch(): LocalAwsError {
    return new LocalAwsError('SignatureDoesNotMatch', 403, S3_BAD_SIGNATURE);
}

function hexBytes(text: string): string {
    return [...Buffer.from(text, 'utf8')].map((b) => b.toString(16).padStart(2, '0')).join(' ');
}

export function signatureMismatch(
    protocol: WireProtocol,
    d: SignatureMismatchDetails,
): LocalAwsError {
    if (protocol === 'restXml') {
        return new LocalAwsError('SignatureDoesNotMatch', 403, S3_BAD_SIGNATURE, 'Sender', {
            AWSAccessKeyId: d.accessKeyId,
            StringToSign: d.stringToSign,
            SignatureProvided: d.signatureProvided,
            StringToSignBytes: hexBytes(d.stringToSign),
            CanonicalRequest: d.canonicalRequest,
            CanonicalRequestBytes: hexBytes(d.canonicalRequest),
        });
    }
    const code = protocol === 'awsQuery' ? 'SignatureDoesNotMatch' : 'InvalidSignatureException';
    return new LocalAwsError(code, 403, BAD_SIGNATURE);
}

/** The request's signing time is outside the tolerated window around the server's real time. */
export function requestTimeSkewed(
    protocol: WireProtocol,
    requestMs: number,
    serverMs: number,
    toleranceMs: number,
): LocalAwsError {
    if (protocol === 'restXml') {
        return new LocalAwsError(
            'RequestTimeTooSkewed',
            403,
            'The difference between the request time and the current time is too large.',
            'Sender',
            {
                RequestTime: new Date(requestMs).toUTCString(),
                ServerTime: new Date(serverMs).toISOString(),
                MaxAllowedSkewMilliseconds: String(toleranceMs),
            },
        );
    }
    const minutes = Math.round(toleranceMs / 60000);
    const message =
        requestMs < serverMs
            ? `Signature expired: ${toAmzDate(requestMs)} is now earlier than ` +
              `${toAmzDate(serverMs - toleranceMs)} ` +
              `(${toAmzDate(serverMs)} - ${minutes} min.)`
            : `Signature not yet current: ${toAmzDate(requestMs)} is still later than ` +
              `${toAmzDate(serverMs + toleranceMs)} (${toAmzDate(serverMs)} + ${minutes} min.)`;
    const code = protocol === 'awsQuery' ? 'SignatureDoesNotMatch' : 'InvalidSignatureException';
    return new LocalAwsError(code, 403, message);
}

export function presignedUrlExpired(
    signedMs: number,
    expiresSeconds: number,
    serverMs: number,
): LocalAwsError {
    return new LocalAwsError('AccessDenied', 403, 'Request has expired', 'Sender', {
        'X-Amz-Expires': String(expiresSeconds),
        Expires: new Date(signedMs + expiresSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        ServerTime: new Date(serverMs).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    });
}

export function throttled(protocol: WireProtocol): LocalAwsError {
    return pick(protocol, {
        restJson: ['ThrottlingException', 429, 'Rate exceeded'],
        awsJson: ['Throttling', 400, 'Rate exceeded'],
        awsQuery: ['Throttling', 400, 'Rate exceeded'],
        restXml: ['SlowDown', 503, 'Please reduce your request rate.'],
    });
}

export function internalError(protocol: WireProtocol): LocalAwsError {
    return pick(protocol, {
        restJson: ['InternalServerException', 500, 'Internal server error'],
        awsJson: ['InternalServiceError', 500, 'Internal service error'],
        awsQuery: [
            'InternalFailure',
            500,
            'The request processing has failed because of an unknown error, exception or failure.',
        ],
        restXml: ['InternalError', 500, 'We encountered an internal error. Please try again.'],
    });
}

export function serviceUnavailable(protocol: WireProtocol): LocalAwsError {
    return pick(protocol, {
        restJson: [
            'ServiceUnavailableException',
            503,
            'Service is unavailable, please try again later.',
        ],
        awsJson: ['ServiceUnavailable', 503, 'Service is unavailable, please try again later.'],
        awsQuery: ['ServiceUnavailable', 503, 'Service is unavailable, please try again later.'],
        restXml: ['ServiceUnavailable', 503, 'Please reduce your request rate.'],
    });
}

export function unknownOperation(
    protocol: WireProtocol,
    method: string,
    path: string,
): LocalAwsError {
    return pick(protocol, {
        restJson: ['UnknownOperationException', 404, `No route for ${method} ${path}`],
        awsJson: ['UnknownOperationException', 400, `No operation for ${method} ${path}`],
        awsQuery: [
            'InvalidAction',
            400,
            'The action or operation requested is invalid. Verify that the action is typed ' +
            'correctly.',
        ],
        restXml: [
            'NotImplemented',
            501,
            'A header you provided implies functionality that is not implemented.',
        ],
    });
}

export function bodyTooLarge(protocol: WireProtocol, limit: number): LocalAwsError {
    const message = `Request body exceeds the ${limit} byte limit`;
    return pick(protocol, {
        restJson: ['SerializationException', 413, message],
        awsJson: ['SerializationException', 413, message],
        awsQuery: ['RequestEntityTooLarge', 413, message],
        restXml: [
            'EntityTooLarge',
            400,
            'Your proposed upload exceeds the maximum allowed object size.',
        ],
    });
}

/** Error responses in each protocol's wire shape, for the core and for modules to share. */
import type { LocalAwsError, LocalResponse, WireProtocol } from '../types';
import { xmlDocument } from './xml';

/**
 * awsQuery: `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`.
 */
export function queryErrorResponse(
    error: LocalAwsError,
    requestId: string,
    xmlns: string,
): LocalResponse {
    return {
        status: error.status,
        headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
        body: xmlDocument(
            'ErrorResponse',
            {
                Error: {
                    Type: error.fault,
                    Code: error.code,
                    Message: error.message,
                    ...error.details,
                },
                RequestId: requestId,
            },
            xmlns,
        ),
    };
}

/** S3's request ids are 16 upper-case hex digits; this derives one from the exchange's UUID. */
export function s3RequestId(requestId: string): string {
    return requestId.replace(/-/g, '').slice(0, 16).toUpperCase();
}

/** S3: `<Error><Code/><Message/>...details<RequestId/><HostId/></Error>`. */
export function restXmlErrorResponse(
    error: LocalAwsError,
    requestId: string,
    hostId: string,
    head = false,
): LocalResponse {
    const headers: Record<string, string> = {
        'content-type': 'application/xml',
        'x-amz-request-id': requestId,
        'x-amz-id-2': hostId,
    };
    if (head) {
        // HEAD responses carry no body; the SDK then names the error after the status code.
        return { status: error.status, headers };
    }
    return {
        status: error.status,
        headers,
        body: xmlDocument('Error', {
            Code: error.code,
            Message: error.message,
            ...error.details,
            RequestId: requestId,
            HostId: hostId,
        }),
    };
}

/** REST-JSON: `x-amzn-errortype` header plus `{"message": ...}`. */
export function restJsonErrorResponse(error: LocalAwsError, requestId: string): LocalResponse {
    return {
        status: error.status,
        headers: {
            'content-type': 'application/json',
            'x-amzn-requestid': requestId,
            'x-amzn-errortype': error.code,
        },
        body: JSON.stringify({ message: error.message }),
    };
}

/** awsJson1_0/1_1 (query-compatible when `namespace` is given, as CloudWatch). */
export function awsJsonErrorResponse(
    error: LocalAwsError,
    requestId: string,
    namespace?: string,
): LocalResponse {
    const headers: Record<string, string> = {
        'content-type': 'application/x-amz-json-1.0',
        'x-amzn-requestid': requestId,
    };
    if (namespace !== undefined) {
        headers['x-amzn-query-error'] = `${error.code};${error.fault}`;
    }
    return {
        status: error.status,
        headers,
        body: JSON.stringify({
            __type: namespace === undefined ? error.code : `${namespace}#${error.code}`,
            message: error.message,
        }),
    };
}

/** Used when no module is there to render (unsigned requests, unknown services). */
export function genericErrorResponse(
    protocol: WireProtocol,
    error: LocalAwsError,
    requestId: string,
    head = false,
): LocalResponse {
    switch (protocol) {
        case 'restXml':
            return restXmlErrorResponse(error, requestId, requestId, head);
        case 'awsQuery':
            return queryErrorResponse(error, requestId, 'https://local.amazonaws.com/doc/');
        case 'awsJson':
            return awsJsonErrorResponse(error, requestId);
        case 'restJson':
            return restJsonErrorResponse(error, requestId);
    }
}

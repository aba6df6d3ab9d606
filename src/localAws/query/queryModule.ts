/** Shared plumbing for awsQuery services (STS, IAM, SNS): form bodies in, XML documents out. */
import { LocalAwsError } from '../types';
import type { LocalRequest, LocalResponse, ServiceModule } from '../types';
import { queryErrorResponse } from '../core/errorBodies';
import { xmlDocument } from '../core/xml';
import type { XmlObject } from '../core/xml';

/** The form parameters of a query request (body for POST, query string for GET). */
export function queryParams(req: LocalRequest): URLSearchParams {
    if (req.method === 'GET') {
        return req.query;
    }
    return new URLSearchParams(req.body.toString('utf8'));
}

/** An operation returns the content of `<ActionResult>`, or undefined for actions without one. */
export type QueryOperation = (
    params: URLSearchParams,
    req: LocalRequest,
) => XmlObject | undefined | Promise<XmlObject | undefined>;

export interface QueryServiceSpec {
    readonly signingName: string;
    readonly xmlns: string;
    readonly operations: Readonly<Record<string, QueryOperation>>;
}

export function createQueryModule(spec: QueryServiceSpec): ServiceModule {
    return {
        signingName: spec.signingName,
        protocol: 'awsQuery',
        operationOf(req) {
            const action = queryParams(req).get('Action');
            return action !== null && Object.hasOwn(spec.operations, action) ? action : undefined;
        },
        async handle(operation, req): Promise<LocalResponse> {
            const run = spec.operations[operation];
            if (run === undefined) {
                throw new LocalAwsError(
                    'InvalidAction',
                    400,
                    `Could not find operation ${operation}`,
                );
            }
            const result = await run(queryParams(req), req);
            const content: Record<string, XmlObject> = {};
            if (result !== undefined) {
                content[`${operation}Result`] = result;
            }
            content['ResponseMetadata'] = { RequestId: req.requestId };
            return {
                status: 200,
                headers: { 'content-type': 'text/xml', 'x-amzn-requestid': req.requestId },
                body: xmlDocument(`${operation}Response`, content, spec.xmlns),
            };
        },
        errorResponse(error, req) {
            return queryErrorResponse(error, req.requestId, spec.xmlns);
        },
    };
}

/** Reads `Name.member.N` (or `Name.entry.N`) lists of scalars. */
export function memberList(params: URLSearchParams, prefix: string): string[] {
    const values: Array<[number, string]> = [];
    for (const [key, value] of params) {
        const m = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d+)$`).exec(key);
        if (m?.[1] !== undefined) {
            values.push([Number(m[1]), value]);
        }
    }
    return values.sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

/** Reads `Name.member.N.Field` lists of structures. */
export function memberStructs(
    params: URLSearchParams,
    prefix: string,
): Array<Record<string, string>> {
    const byIndex = new Map<number, Record<string, string>>();
    const pattern = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d+)\\.(.+)$`);
    for (const [key, value] of params) {
        const m = pattern.exec(key);
        if (m?.[1] !== undefined && m[2] !== undefined) {
            const index = Number(m[1]);
            const record = byIndex.get(index) ?? {};
            record[m[2]] = value;
            byIndex.set(index, record);
        }
    }
    return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
}

export function required(params: URLSearchParams, name: string, code = 'ValidationError'): string {
    const value = params.get(name);
    if (value === null || value === '') {
        throw new LocalAwsError(
            code,
            400,
            `1 validation error detected: Value null at '${lowerFirst(name)}' failed to ` +
            `satisfy constraint: Member must not be null`,
        );
    }
    return value;
}

function lowerFirst(name: string): string {
    return name.charAt(0).toLowerCase() + name.slice(1);
}

/** Marker / MaxItems paging over a sorted list, as IAM does it. */
export function pageByMarker<T>(
    items: readonly T[],
    params: URLSearchParams,
    defaultMax: number,
    markerName = 'Marker',
    maxName = 'MaxItems',
): { page: T[]; nextMarker?: string } {
    const marker = params.get(markerName);
    const maxText = params.get(maxName);
    const max = maxText === null ? defaultMax : Number(maxText);
    if (!Number.isInteger(max) || max < 1 || max > 1000) {
        throw new LocalAwsError(
            'ValidationError',
            400,
            `1 validation error detected: Value '${maxText ?? ''}' at '${lowerFirst(maxName)}' ` +
            `failed to satisfy constraint: Member must have value between 1 and 1000`,
        );
    }
    let start = 0;
    if (marker !== null && marker !== '') {
        start = Number.parseInt(Buffer.from(marker, 'base64').toString('utf8'), 10);
        if (!Number.isInteger(start) || start < 0 || start > items.length) {
            throw new LocalAwsError('ValidationError', 400, 'Invalid Marker.');
        }
    }
    const page = items.slice(start, start + max);
    const next = start + max;
    return next < items.length
        ? { page, nextMarker: Buffer.from(String(next), 'utf8').toString('base64') }
        : { page };
}

/**
 * Service Quotas (awsJson1_1, signing name `servicequotas`) for the `bedrock` service code:
 * ListServiceQuotas, GetServiceQuota, ListAWSDefaultServiceQuotas, GetAWSDefaultServiceQuota and
 * ListServices, with the seeded Bedrock batch quotas of quotaSeed.ts.
 *
 * Library API: `aws.state('servicequotas')` is the ServiceQuotasState (`setValue`, `reset`,
 * `list`). Control routes: GET /__local/servicequotas/quotas?region=...,
 * POST /__local/servicequotas/quotas {quotaCode? | quotaName?, region?, value},
 * DELETE /__local/servicequotas/quotas (back to the seeded values).
 * Denials come from the FaultRegistry, e.g. `{kind: 'error', service: 'servicequotas',
 * operation: 'ListServiceQuotas', error: {code: 'AccessDeniedException', status: 400}}`.
 */
import { LocalAwsError } from '../types';
import type {
    ControlRequest,
    LocalAwsError as LocalAwsErrorType,
    LocalRequest,
    LocalResponse,
    ServiceModule,
    ServiceModuleContext,
    ServiceModuleFactory,
} from '../types';
import { SERVICE_CODE, SERVICE_NAME, ServiceQuotasState } from './quotaState';
import type { QuotaRow } from './quotaState';
import {
    errorResponse,
    jsonResponse,
    optionalString,
    pageSize,
    parseParams,
    requiredString,
    targetOperation,
} from './wire';

export { ServiceQuotasState } from './quotaState';
export type { QuotaRow, QuotaSelector } from './quotaState';

const OPERATIONS = [
    'ListServiceQuotas',
    'GetServiceQuota',
    'ListAWSDefaultServiceQuotas',
    'GetAWSDefaultServiceQuota',
    'ListServices',
] as const;

type Params = Readonly<Record<string, unknown>>;

function badToken(): LocalAwsError {
    return new LocalAwsError('InvalidPaginationTokenException', 400, 'Invalid pagination token');
}

/** One page of `rows` from NextToken's offset; a token only continues the query it came from. */
function page<T>(rows: readonly T[], params: Params, query: string): { items: T[]; next?: string } {
    const size = pageSize(params);
    const token = optionalString(params, 'NextToken');
    let offset = 0;
    if (token !== undefined) {
        let decoded: unknown;
        try {
            decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
        } catch {
            throw badToken();
        }
        const position = decoded as { o?: unknown; q?: unknown } | null;
        if (
            position === null ||
            typeof position !== 'object' ||
            position.q !== query ||
            typeof position.o !== 'number' ||
            !Number.isInteger(position.o) ||
            position.o < 0
        ) {
            throw badToken();
        }
        offset = position.o;
    }
    const items = rows.slice(offset, offset + size);
    const end = offset + items.length;
    return end < rows.length
        ? { items, next: Buffer.from(JSON.stringify({ o: end, q: query })).toString('base64url') }
        : { items };
}

function quotaPage(rows: readonly QuotaRow[], params: Params, query: string): object {
    const { items, next } = page(rows, params, query);
    return { Quotas: items, ...(next === undefined ? {} : { NextToken: next }) };
}

/** QuotaAppliedAtLevel: ACCOUNT (default) and ALL list the account's quotas; RESOURCE none. */
function appliedAtAccount(params: Params): boolean {
    const level = optionalString(params, 'QuotaAppliedAtLevel') ?? 'ACCOUNT';
    if (!['ACCOUNT', 'RESOURCE', 'ALL'].includes(level)) {
        throw new LocalAwsError(
            'IllegalArgumentException',
            400,
            `1 validation error detected: Value '${level}' at 'quotaAppliedAtLevel' failed to ` +
                'satisfy constraint: Member must satisfy enum value set: [ACCOUNT, RESOURCE, ALL]',
        );
    }
    return level !== 'RESOURCE';
}

export function createServiceQuotasModule(state: ServiceQuotasState): ServiceModule {
    const run = (operation: string, params: Params, region: string): object => {
        switch (operation) {
            case 'ListServiceQuotas': {
                const service = requiredString(params, 'ServiceCode', 'serviceCode');
                const code = optionalString(params, 'QuotaCode');
                const atAccount = appliedAtAccount(params);
                const rows = state
                    .list(service, region)
                    .filter((q) => atAccount && (code === undefined || q.QuotaCode === code));
                return quotaPage(rows, params, `applied ${service} ${code ?? ''} ${region}`);
            }
            case 'ListAWSDefaultServiceQuotas': {
                const service = requiredString(params, 'ServiceCode', 'serviceCode');
                return quotaPage(state.listDefaults(service, region), params, `default ${service}`);
            }
            case 'GetServiceQuota':
            case 'GetAWSDefaultServiceQuota': {
                const service = requiredString(params, 'ServiceCode', 'serviceCode');
                const code = requiredString(params, 'QuotaCode', 'quotaCode');
                const applied = operation === 'GetServiceQuota';
                return { Quota: state.get(service, code, region, applied) };
            }
            case 'ListServices': {
                const { items, next } = page(
                    [{ ServiceCode: SERVICE_CODE, ServiceName: SERVICE_NAME }],
                    params,
                    'services',
                );
                return { Services: items, ...(next === undefined ? {} : { NextToken: next }) };
            }
            default:
                throw new LocalAwsError(
                    'UnknownOperationException',
                    400,
                    `No operation ${operation}`,
                );
        }
    };
    return {
        signingName: 'servicequotas',
        protocol: 'awsJson',
        operationOf: (req: LocalRequest) => targetOperation(req, OPERATIONS),
        handle: (operation: string, req: LocalRequest): Promise<LocalResponse> =>
            Promise.resolve(jsonResponse(run(operation, parseParams(req.body), req.region))),
        errorResponse: (error: LocalAwsErrorType, req: LocalRequest): LocalResponse =>
            errorResponse(error, req.requestId),
    };
}

/** `{quotaCode? | quotaName?, region?, value}` */
function setValue(state: ServiceQuotasState, req: ControlRequest): { quotas: QuotaRow[] } {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const text = (key: string): string | undefined =>
        typeof body[key] === 'string' ? body[key] : undefined;
    const value = body['value'];
    if (typeof value !== 'number') {
        throw new LocalAwsError('BadRequest', 400, 'expected {quotaCode | quotaName, value}');
    }
    const quotaCode = text('quotaCode');
    const quotaName = text('quotaName');
    const region = text('region');
    return {
        quotas: state.setValue(
            {
                ...(quotaCode === undefined ? {} : { quotaCode }),
                ...(quotaName === undefined ? {} : { quotaName }),
                ...(region === undefined ? {} : { region }),
            },
            value,
        ),
    };
}

export function serviceQuotasService(): ServiceModuleFactory {
    return {
        name: 'servicequotas',
        create(context: ServiceModuleContext): ServiceModule {
            const state = new ServiceQuotasState(context.accountId);
            context.exposeState('servicequotas', state);
            context.registerControlRoute('GET', '/__local/servicequotas/quotas', (req) => ({
                quotas: state.list(SERVICE_CODE, req.query.get('region') ?? context.region),
            }));
            context.registerControlRoute('POST', '/__local/servicequotas/quotas', (req) =>
                setValue(state, req),
            );
            context.registerControlRoute('DELETE', '/__local/servicequotas/quotas', () => {
                state.reset();
                return {};
            });
            return createServiceQuotasModule(state);
        },
    };
}

/**
 * The simulated Service Quotas data: seeded AWS defaults and the values applied to the account,
 * per region. Only the `bedrock` service code is known.
 */
import { LocalAwsError } from '../types';
import { BEDROCK_QUOTAS } from './quotaSeed';
import type { SeedQuota } from './quotaSeed';

export const SERVICE_CODE = 'bedrock';
export const SERVICE_NAME = 'Amazon Bedrock';

/** A quota as the API returns it (`ServiceQuota`). */
export interface QuotaRow {
    readonly ServiceCode: string;
    readonly ServiceName: string;
    readonly QuotaArn: string;
    readonly QuotaCode: string;
    readonly QuotaName: string;
    readonly Value: number;
    readonly Unit: string;
    readonly Adjustable: boolean;
    readonly GlobalQuota: boolean;
    readonly Description: string;
}

/** Which quota a test means: by code or by exact name, in one region (default: all). */
export interface QuotaSelector {
    readonly quotaCode?: string;
    readonly quotaName?: string;
    readonly region?: string;
}

export function noSuchService(): LocalAwsError {
    return new LocalAwsError(
        'NoSuchResourceException',
        400,
        'The request failed because the specified service does not exist.',
    );
}

export function noSuchQuota(): LocalAwsError {
    return new LocalAwsError(
        'NoSuchResourceException',
        400,
        'The request failed because the specified quota does not exist.',
    );
}

export class ServiceQuotasState {
    /** Applied values that differ from the defaults: `region code` -> value. */
    private readonly applied = new Map<string, number>();

    constructor(
        readonly accountId: string,
        private readonly quotas: readonly SeedQuota[] = BEDROCK_QUOTAS,
    ) {}

    /** The account's values (applied where changed), in quota-code order. */
    list(serviceCode: string, region: string): QuotaRow[] {
        return this.seeds(serviceCode, region).map((q) => this.row(q, region, true));
    }

    /** The AWS defaults, whatever the account has applied. */
    listDefaults(serviceCode: string, region: string): QuotaRow[] {
        return this.seeds(serviceCode, region).map((q) => this.row(q, region, false));
    }

    get(serviceCode: string, quotaCode: string, region: string, applied = true): QuotaRow {
        const quota = this.seeds(serviceCode, region).find((q) => q.code === quotaCode);
        if (quota === undefined) {
            throw noSuchQuota();
        }
        return this.row(quota, region, applied);
    }

    /**
     * Changes the account's value of a quota (as an approved increase or a new AWS default
     * would). Returns the rows changed; a selector that names nothing is an error.
     */
    setValue(selector: QuotaSelector, value: number): QuotaRow[] {
        if (!Number.isFinite(value) || value < 0) {
            throw new LocalAwsError('IllegalArgumentException', 400, 'value must be >= 0');
        }
        const matches = this.select(selector);
        const changed: QuotaRow[] = [];
        for (const quota of matches) {
            for (const region of selector.region === undefined
                ? quota.regions
                : [selector.region]) {
                this.applied.set(`${region} ${quota.code}`, value);
                changed.push(this.row(quota, region, true));
            }
        }
        return changed;
    }

    /** Back to the seeded values everywhere. */
    reset(): void {
        this.applied.clear();
    }

    private select(selector: QuotaSelector): SeedQuota[] {
        if (selector.quotaCode === undefined && selector.quotaName === undefined) {
            throw new LocalAwsError('IllegalArgumentException', 400, 'name quotaCode or quotaName');
        }
        const matches = this.quotas.filter(
            (q) =>
                (selector.quotaCode === undefined || q.code === selector.quotaCode) &&
                (selector.quotaName === undefined || q.name === selector.quotaName) &&
                (selector.region === undefined || q.regions.includes(selector.region)),
        );
        if (matches.length === 0) {
            throw noSuchQuota();
        }
        return matches;
    }

    private seeds(serviceCode: string, region: string): SeedQuota[] {
        if (serviceCode !== SERVICE_CODE) {
            throw noSuchService();
        }
        return this.quotas.filter((q) => q.regions.includes(region));
    }

    private row(quota: SeedQuota, region: string, applied: boolean): QuotaRow {
        const value = applied ? this.applied.get(`${region} ${quota.code}`) : undefined;
        // AWS default quotas belong to no account: their ARN leaves the account field empty.
        const account = applied ? this.accountId : '';
        return {
            ServiceCode: SERVICE_CODE,
            ServiceName: SERVICE_NAME,
            QuotaArn: `arn:aws:servicequotas:${region}:${account}:${SERVICE_CODE}/${quota.code}`,
            QuotaCode: quota.code,
            QuotaName: quota.name,
            Value: value ?? quota.value,
            Unit: quota.unit,
            Adjustable: quota.adjustable,
            GlobalQuota: false,
            Description: quota.description,
        };
    }
}

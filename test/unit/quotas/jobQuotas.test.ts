import * as assert from 'node:assert/strict';
import { DEFAULT_QUOTAS } from '../../../src/checker/options';
import { quotasFromSettings } from '../../../src/diagnostics/checkerSettings';
import { modelQuotas, quotaNotes, resolveQuotas } from '../../../src/quotas/jobQuotas';
import type { ServiceQuotaValues } from '../../../src/quotas/quotaNames';

const MIN_NAME = 'Minimum number of records per batch inference job for Claude 3 Haiku';
const FILE_NAME = 'Batch inference input file size (in GB) for Claude 3 Haiku';

const fromService: ServiceQuotaValues = {
    minRecordsPerJob: { value: 1000, quotaName: MIN_NAME },
    maxFileBytes: { value: 2e9, quotaName: FILE_NAME },
};

function settings(values: Record<string, unknown>): ReturnType<typeof quotasFromSettings> {
    return quotasFromSettings((name) => values[name] ?? null);
}

describe('quotas: settings over Service Quotas over defaults', () => {
    it('uses the defaults when neither settings nor Service Quotas say anything', () => {
        const resolved = resolveQuotas({}, {});
        assert.deepEqual(resolved.quotas, DEFAULT_QUOTAS);
        assert.deepEqual(Object.values(resolved.origins), Array(5).fill('default'));
        assert.deepEqual(quotaNotes(resolved), []);
    });

    it("takes Service Quotas' values over the defaults", () => {
        const resolved = resolveQuotas({}, fromService);
        assert.equal(resolved.quotas.minRecordsPerJob, 1000);
        assert.equal(resolved.quotas.maxFileBytes, 2e9);
        assert.equal(resolved.quotas.maxRecordsPerJob, DEFAULT_QUOTAS.maxRecordsPerJob);
        assert.equal(resolved.origins.minRecordsPerJob, 'serviceQuotas');
        assert.equal(resolved.origins.maxRecordsPerJob, 'default');
        assert.equal(resolved.quotaNames.minRecordsPerJob, MIN_NAME);
    });

    it('lets a setting override Service Quotas, field by field', () => {
        const resolved = resolveQuotas(
            settings({ minRecordsPerJob: 150, maxJobSizeGB: 2.5 }),
            fromService,
        );
        assert.equal(resolved.quotas.minRecordsPerJob, 150);
        assert.equal(resolved.origins.minRecordsPerJob, 'setting');
        assert.equal(resolved.quotaNames.minRecordsPerJob, undefined);
        assert.equal(resolved.quotas.maxFileBytes, 2e9);
        assert.equal(resolved.origins.maxFileBytes, 'serviceQuotas');
        assert.equal(resolved.quotas.maxJobBytes, 2.5e9);
        assert.equal(resolved.origins.maxJobBytes, 'setting');
    });

    it('ignores malformed settings, so Service Quotas still applies', () => {
        const resolved = resolveQuotas(
            settings({ minRecordsPerJob: 'lots', maxFileSizeGB: -1 }),
            fromService,
        );
        assert.equal(resolved.quotas.minRecordsPerJob, 1000);
        assert.equal(resolved.quotas.maxFileBytes, 2e9);
    });

    it('shows the quotas in setting names and units with their origin', () => {
        const view = modelQuotas(resolveQuotas(settings({ maxRecordsPerFile: 800 }), fromService));
        assert.deepEqual(view, {
            minRecordsPerJob: { value: 1000, origin: 'serviceQuotas', quotaName: MIN_NAME },
            maxRecordsPerJob: { value: 50_000, origin: 'default' },
            maxRecordsPerFile: { value: 800, origin: 'setting' },
            maxFileSizeGB: { value: 2, origin: 'serviceQuotas', quotaName: FILE_NAME },
            maxJobSizeGB: { value: 5, origin: 'default' },
        });
    });

    it('notes only the quotas that differ from the defaults, with where they came from', () => {
        const resolved = resolveQuotas(
            settings({ maxRecordsPerJob: 20_000, maxRecordsPerFile: 50_000 }),
            { ...fromService, maxJobBytes: { value: 5e9, quotaName: 'same as default' } },
        );
        assert.deepEqual(quotaNotes(resolved), [
            'min 1,000 records (Service Quotas)',
            'max 20,000 records per job (setting)',
            'max 2 GB per file (Service Quotas)',
        ]);
    });

    it('writes fractional sizes as the user would', () => {
        const resolved = resolveQuotas(settings({ maxFileSizeGB: 0.25 }), {});
        assert.deepEqual(quotaNotes(resolved), ['max 0.25 GB per file (setting)']);
    });
});

import * as assert from 'node:assert/strict';
import { FOUNDATION_MODELS } from '../../../src/localAws/bedrock/catalogue/foundationModels';
import { BEDROCK_QUOTAS } from '../../../src/localAws/servicequotas/quotaSeed';
import {
    displayNamesOf,
    matchModelQuotas,
    normalizeModelName,
    parseQuotaName,
    type ModelName,
    type QuotaRow,
} from '../../../src/quotas/quotaNames';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';

/** The five batch job quotas of one model, as Service Quotas names them. */
function batchRows(model: string, values: Partial<Record<string, number>> = {}): QuotaRow[] {
    return [
        ['Minimum number of records per batch inference job', 100],
        ['Records per batch inference job', 50_000],
        ['Records per input file per batch inference job', 50_000],
        ['Batch inference input file size (in GB)', 1],
        ['Batch inference job size (in GB)', 5],
    ].map(([prefix, value]) => ({
        name: `${String(prefix)} for ${model}`,
        value: values[String(prefix)] ?? Number(value),
    }));
}

const MODELS = new Map<string, ModelName>([
    [HAIKU, { modelName: 'Claude 3 Haiku', providerName: 'Anthropic' }],
    ['anthropic.claude-3-5-haiku-20241022-v1:0', { modelName: 'Claude 3.5 Haiku' }],
    ['anthropic.claude-haiku-4-5-20251001-v1:0', { modelName: 'Claude Haiku 4.5' }],
    ['anthropic.claude-3-5-sonnet-20240620-v1:0', { modelName: 'Claude 3.5 Sonnet' }],
    ['anthropic.claude-3-5-sonnet-20241022-v2:0', { modelName: 'Claude 3.5 Sonnet v2' }],
    ['anthropic.claude-v2:1', { modelName: 'Claude', providerName: 'Anthropic' }],
    ['amazon.titan-text-express-v1', { modelName: 'Titan Text G1 - Express' }],
    [
        'meta.llama3-1-70b-instruct-v1:0',
        { modelName: 'Llama 3.1 70B Instruct', providerName: 'Meta' },
    ],
]);

const ALL_ROWS: QuotaRow[] = [
    ...batchRows('Claude 3 Haiku', { 'Minimum number of records per batch inference job': 1000 }),
    ...batchRows('Claude 3.5 Haiku', { 'Records per batch inference job': 20_000 }),
    ...batchRows('Claude Haiku 4.5', { 'Records per batch inference job': 30_000 }),
    ...batchRows('Claude 3.5 Sonnet', { 'Batch inference job size (in GB)': 2 }),
    ...batchRows('Claude 3.5 Sonnet v2', { 'Batch inference job size (in GB)': 3 }),
    { name: 'On-demand model inference requests per minute for Claude 3 Haiku', value: 500 },
    {
        name:
            'Sum of in-progress and submitted batch inference jobs using a base model for ' +
            'Claude 3 Haiku',
        value: 10,
    },
    { name: 'Cross-region model inference tokens per minute for Anthropic Claude', value: 9 },
];

function valuesFor(modelId: string, rows: readonly QuotaRow[] = ALL_ROWS): Record<string, number> {
    const found = matchModelQuotas(rows, displayNamesOf(modelId, MODELS));
    return Object.fromEntries(Object.entries(found).map(([field, q]) => [field, q.value]));
}

describe('quotas: finding a model in Service Quotas names', () => {
    describe('parseQuotaName', () => {
        it('reads what each batch quota limits, for which model, in checker units', () => {
            assert.deepEqual(
                parseQuotaName('Minimum number of records per batch inference job for Nova Pro'),
                { field: 'minRecordsPerJob', modelName: 'Nova Pro', scale: 1 },
            );
            assert.deepEqual(
                parseQuotaName('Records per input file per batch inference job for Nova Pro'),
                { field: 'maxRecordsPerFile', modelName: 'Nova Pro', scale: 1 },
            );
            assert.deepEqual(parseQuotaName('Records per batch inference job for Nova Pro'), {
                field: 'maxRecordsPerJob',
                modelName: 'Nova Pro',
                scale: 1,
            });
            assert.deepEqual(
                parseQuotaName('Batch inference input file size (in GB) for Nova Pro'),
                { field: 'maxFileBytes', modelName: 'Nova Pro', scale: 1e9 },
            );
            assert.deepEqual(parseQuotaName('Batch inference job size (in GB) for Nova Pro'), {
                field: 'maxJobBytes',
                modelName: 'Nova Pro',
                scale: 1e9,
            });
        });

        it('follows the unit a size quota names and tolerates case and spacing', () => {
            assert.equal(
                parseQuotaName('Batch inference input file size (in MB) for Nova Pro')?.scale,
                1e6,
            );
            assert.equal(
                parseQuotaName('batch  inference JOB size for  Nova Pro')?.field,
                'maxJobBytes',
            );
            assert.equal(parseQuotaName('batch  inference JOB size for  Nova Pro')?.scale, 1e9);
        });

        it('ignores quotas the checker does not apply', () => {
            for (const name of [
                'On-demand model inference requests per minute for Claude 3 Haiku',
                'Sum of in-progress and submitted batch inference jobs using a base model for X',
                'Records per batch inference job',
                'Records per batch inference job for ',
                'Batch inference job size (in GB) per account',
            ]) {
                assert.equal(parseQuotaName(name), undefined, name);
            }
        });
    });

    describe('normalizeModelName', () => {
        it('folds case and punctuation but keeps version dots', () => {
            assert.equal(normalizeModelName('Titan Text G1 - Express'), 'titan text g1 express');
            assert.equal(normalizeModelName('Claude 3.5 Sonnet V2'), 'claude 3.5 sonnet v2');
            assert.equal(normalizeModelName('Mistral Large (24.07)'), 'mistral large 24.07');
            assert.equal(normalizeModelName(' Nova  Pro. '), 'nova pro');
        });
    });

    describe('matchModelQuotas', () => {
        it('gives a model its own rows, not those of models whose names contain its name', () => {
            assert.deepEqual(valuesFor(HAIKU), {
                minRecordsPerJob: 1000,
                maxRecordsPerJob: 50_000,
                maxRecordsPerFile: 50_000,
                maxFileBytes: 1_000_000_000,
                maxJobBytes: 5_000_000_000,
            });
            assert.equal(
                valuesFor('anthropic.claude-3-5-haiku-20241022-v1:0')['maxRecordsPerJob'],
                20_000,
            );
            assert.equal(
                valuesFor('anthropic.claude-haiku-4-5-20251001-v1:0')['maxRecordsPerJob'],
                30_000,
            );
            assert.equal(
                valuesFor('anthropic.claude-3-5-sonnet-20240620-v1:0')['maxJobBytes'],
                2e9,
            );
            assert.equal(
                valuesFor('anthropic.claude-3-5-sonnet-20241022-v2:0')['maxJobBytes'],
                3e9,
            );
            // "Claude" (v2.1) is a prefix of every Claude model name but has no batch quotas.
            assert.deepEqual(valuesFor('anthropic.claude-v2:1'), {});
        });

        it('finds the base model behind profile ids and ARNs', () => {
            const ids = [
                `us.${HAIKU}`,
                `global.${HAIKU}`,
                `arn:aws:bedrock:us-east-1::foundation-model/${HAIKU}`,
                `arn:aws:bedrock:us-east-1:123456789012:inference-profile/eu.${HAIKU}`,
            ];
            for (const id of ids) {
                assert.equal(valuesFor(id)['minRecordsPerJob'], 1000, id);
            }
        });

        it('finds nothing for ids without a readable base model or unknown to the region', () => {
            const ids = [
                'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3',
                'arn:aws:bedrock:us-east-1:123456789012:custom-model/my-model',
                'amazon.nova-pro-v1:0',
            ];
            for (const id of ids) {
                assert.deepEqual(valuesFor(id), {}, id);
            }
        });

        it('matches names written with other punctuation, case or the provider in front', () => {
            const rows = [
                ...batchRows('Titan Text G1 Express', { 'Records per batch inference job': 7 }),
                ...batchRows('Meta Llama 3.1 70B Instruct', {
                    'Records per batch inference job': 8,
                }),
                ...batchRows('ANTHROPIC CLAUDE 3 HAIKU', { 'Records per batch inference job': 9 }),
            ];
            assert.equal(valuesFor('amazon.titan-text-express-v1', rows)['maxRecordsPerJob'], 7);
            assert.equal(valuesFor('meta.llama3-1-70b-instruct-v1:0', rows)['maxRecordsPerJob'], 8);
            assert.equal(valuesFor(HAIKU, rows)['maxRecordsPerJob'], 9);
        });

        it('takes the stricter value when two rows name the same quota', () => {
            const rows = [
                ...batchRows('Claude 3 Haiku'),
                ...batchRows('Anthropic Claude 3 Haiku', {
                    'Minimum number of records per batch inference job': 500,
                    'Records per batch inference job': 10_000,
                }),
            ];
            const values = valuesFor(HAIKU, rows);
            assert.equal(values['minRecordsPerJob'], 500);
            assert.equal(values['maxRecordsPerJob'], 10_000);
        });

        it('skips values that cannot be a limit', () => {
            const rows = batchRows('Claude 3 Haiku', {
                'Minimum number of records per batch inference job': 0,
                'Records per batch inference job': 0,
                'Batch inference input file size (in GB)': Number.NaN,
            });
            const values = valuesFor(HAIKU, rows);
            assert.equal(values['minRecordsPerJob'], 0);
            assert.equal(values['maxRecordsPerJob'], undefined);
            assert.equal(values['maxFileBytes'], undefined);
        });

        it('keeps the quota name each value came from', () => {
            const found = matchModelQuotas(ALL_ROWS, displayNamesOf(HAIKU, MODELS));
            assert.equal(
                found.minRecordsPerJob?.quotaName,
                'Minimum number of records per batch inference job for Claude 3 Haiku',
            );
        });

        it("gives each batch model of the local endpoint's catalogue its five quotas", () => {
            const rows = BEDROCK_QUOTAS.map((q) => ({ name: q.name, value: q.value }));
            const names = new Map(
                FOUNDATION_MODELS.map((m) => [
                    m.modelId,
                    { modelName: m.modelName, providerName: m.providerName },
                ]),
            );
            for (const model of FOUNDATION_MODELS) {
                const found = matchModelQuotas(rows, displayNamesOf(model.modelId, names));
                const expected = model.batch.base || model.batch.profiles ? 5 : 0;
                assert.equal(Object.keys(found).length, expected, model.modelName);
                for (const quota of Object.values(found)) {
                    assert.ok(quota.quotaName.endsWith(` for ${model.modelName}`), quota.quotaName);
                }
            }
        });
    });
});

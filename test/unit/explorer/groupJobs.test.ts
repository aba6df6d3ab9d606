import * as assert from 'node:assert/strict';
import {
    compareNewestFirst,
    countText,
    groupByModel,
    modelTooltip,
    unknownModel,
} from '../../../src/explorer/groupJobs';
import { job } from './jobBuilder';

const haiku = 'anthropic.claude-3-5-haiku-20241022-v1:0';
const nova = 'amazon.nova-lite-v1:0';

describe('groupJobs', () => {
    it('puts every id form of one model under that model', () => {
        const forms = [
            haiku,
            `us.${haiku}`,
            `eu.${haiku}`,
            `apac.${haiku}`,
            `global.${haiku}`,
            `arn:aws:bedrock:us-east-1::foundation-model/${haiku}`,
            `arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.${haiku}`,
        ];
        const groups = groupByModel(forms.map((modelId) => job({ modelId })));
        assert.equal(groups.length, 1);
        assert.equal(groups[0]?.key, haiku);
        assert.deepEqual(groups[0]?.jobs.map((j) => j.modelId).sort(), [...forms].sort());
    });

    it('keeps different models apart, in label order', () => {
        const app = 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/xyz123';
        const groups = groupByModel([
            job({ modelId: haiku }),
            job({ modelId: `us.${nova}` }),
            job({ modelId: app }),
        ]);
        assert.deepEqual(
            groups.map((g) => g.label),
            ['amazon.nova-lite-v1:0', haiku, 'application-inference-profile/xyz123'],
        );
    });

    it("sorts each model's jobs newest first, jobs without a time last", () => {
        const old = job({ submitTime: new Date('2026-01-01T00:00:00Z') });
        const recent = job({ submitTime: new Date('2026-01-03T00:00:00Z') });
        const undated = job({ submitTime: undefined });
        const middle = job({ submitTime: new Date('2026-01-02T00:00:00Z') });
        const [group] = groupByModel([old, undated, recent, middle]);
        assert.deepEqual(group?.jobs, [recent, middle, old, undated]);
        assert.equal(compareNewestFirst(recent, recent), 0);
    });

    it('counts the active jobs of each model', () => {
        const [group] = groupByModel([
            job({ status: 'InProgress' }),
            job({ status: 'Scheduled' }),
            job({ status: 'Completed' }),
            job({ status: 'Failed' }),
        ]);
        assert.equal(group?.activeCount, 2);
        assert.equal(
            countText(group?.jobs.length ?? 0, group?.activeCount ?? 0),
            '4 jobs, 2 active',
        );
    });

    it('groups jobs without a model id together', () => {
        const groups = groupByModel([job({ modelId: undefined }), job({ modelId: '' })]);
        assert.deepEqual(
            groups.map((g) => [g.key, g.jobs.length]),
            [[unknownModel, 2]],
        );
    });

    it('writes counts in the singular and with thousands separators', () => {
        assert.equal(countText(1, 0), '1 job');
        assert.equal(countText(1, 1), '1 job, 1 active');
        assert.equal(countText(1000, 0), '1,000 jobs');
        assert.equal(countText(0, 0), '0 jobs');
    });

    it('sums up in the hover which id forms the jobs used', () => {
        const [group] = groupByModel([
            job({ modelId: haiku }),
            job({ modelId: `us.${haiku}` }),
            job({ modelId: `us.${haiku}` }),
        ]);
        assert.ok(group);
        assert.equal(modelTooltip(group), `${haiku}\nby model id: 1 job\nvia us profile: 2 jobs`);
    });
});

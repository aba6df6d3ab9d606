import * as assert from 'node:assert/strict';
import { describeModelForm, modelLabel, parseModelId } from '../../../src/explorer/modelIds';

const base = 'anthropic.claude-3-5-haiku-20241022-v1:0';

describe('modelIds', () => {
    it('keeps a base id as it is', () => {
        assert.deepEqual(parseModelId(base), { baseId: base, form: 'base' });
        assert.deepEqual(parseModelId('amazon.nova-lite-v1:0'), {
            baseId: 'amazon.nova-lite-v1:0',
            form: 'base',
        });
    });

    for (const geography of ['us', 'eu', 'apac', 'global', 'us-gov', 'jp', 'au', 'ca']) {
        it(`strips the ${geography}. prefix of a cross-region profile id`, () => {
            assert.deepEqual(parseModelId(`${geography}.${base}`), {
                baseId: base,
                form: 'profile',
                geography,
            });
        });
    }

    it('reads a foundation-model ARN (empty account) as its base id', () => {
        const arn = `arn:aws:bedrock:us-east-1::foundation-model/${base}`;
        assert.deepEqual(parseModelId(arn), { baseId: base, form: 'base-arn' });
    });

    it('reads an inference-profile ARN as its base id and geography', () => {
        const arn = `arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.${base}`;
        assert.deepEqual(parseModelId(arn), { baseId: base, form: 'profile-arn', geography: 'eu' });
    });

    it('reads ARNs of other partitions', () => {
        const arn = `arn:aws-us-gov:bedrock:us-gov-west-1:1:inference-profile/us-gov.${base}`;
        assert.deepEqual(parseModelId(arn), {
            baseId: base,
            form: 'profile-arn',
            geography: 'us-gov',
        });
    });

    it('keeps application profiles and custom models under their own ARN', () => {
        const app =
            'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6';
        const custom = 'arn:aws:bedrock:us-east-1:123456789012:custom-model/my-model/abcdef';
        assert.deepEqual(parseModelId(app), { baseId: app, form: 'application-profile' });
        assert.deepEqual(parseModelId(custom), { baseId: custom, form: 'custom-model' });
        assert.equal(modelLabel(app), 'application-inference-profile/a1b2c3d4e5f6');
        assert.equal(modelLabel(base), base);
    });

    it('does not mistake a provider named like a geography prefix for a profile', () => {
        // "us.model" has no second dot: it is provider "us", model "model".
        assert.deepEqual(parseModelId('us.model-v1:0'), { baseId: 'us.model-v1:0', form: 'base' });
        assert.deepEqual(parseModelId('meta.llama3-1-70b-instruct-v1:0').form, 'base');
    });

    it('names the form a job used, and nothing for a base id', () => {
        assert.equal(describeModelForm(parseModelId(`us.${base}`)), 'via us profile');
        assert.equal(describeModelForm(parseModelId(`global.${base}`)), 'via global profile');
        assert.equal(
            describeModelForm(
                parseModelId(`arn:aws:bedrock:us-east-1:1:inference-profile/apac.${base}`),
            ),
            'via apac profile ARN',
        );
        assert.equal(
            describeModelForm(parseModelId(`arn:aws:bedrock:us-east-1::foundation-model/${base}`)),
            'via model ARN',
        );
        assert.equal(describeModelForm(parseModelId(base)), undefined);
    });
});

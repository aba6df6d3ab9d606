import * as assert from 'node:assert/strict';
import type { FoundationModelSummary, InferenceProfileSummary } from '@aws-sdk/client-bedrock';
import {
    buildModelChoices,
    checkModelFirst,
    choiceNotes,
    rememberRecent,
} from '../../../src/submit/modelChoices';
import { fileCheckModel } from '../../../src/submit/wizard/wizardState';

function model(
    modelId: string,
    outputs: string[],
    extra: Partial<FoundationModelSummary> = {},
): FoundationModelSummary {
    return {
        modelId,
        modelArn: `arn:aws:bedrock:us-east-1::foundation-model/${modelId}`,
        outputModalities: outputs as FoundationModelSummary['outputModalities'],
        ...extra,
    };
}

function profile(
    id: string,
    baseId: string,
    type: 'SYSTEM_DEFINED' | 'APPLICATION' = 'SYSTEM_DEFINED',
): InferenceProfileSummary {
    return {
        inferenceProfileId: id,
        inferenceProfileName: `Profile ${id}`,
        inferenceProfileArn:
            `arn:aws:bedrock:us-east-1:123456789012:` +
            `${type === 'APPLICATION' ? 'application-' : ''}inference-profile/${id}`,
        models: [{ modelArn: `arn:aws:bedrock:us-east-1::foundation-model/${baseId}` }],
        status: 'ACTIVE',
        type,
    };
}

describe('buildModelChoices', () => {
    const models = [
        model('anthropic.claude-3-haiku-20240307-v1:0', ['TEXT'], {
            providerName: 'Anthropic',
            modelName: 'Claude 3 Haiku',
        }),
        model('anthropic.claude-3-haiku-20240307-v1:0:200k', ['TEXT']),
        model('amazon.titan-embed-text-v2:0', ['EMBEDDING']),
        model('stability.sd3-large-v1:0', ['IMAGE']),
        model('amazon.nova-lite-v1:0', ['TEXT'], { inferenceTypesSupported: ['PROVISIONED'] }),
    ];
    const profiles = [
        profile(
            'us.anthropic.claude-3-haiku-20240307-v1:0',
            'anthropic.claude-3-haiku-20240307-v1:0',
        ),
        profile('us.stability.sd3-large-v1:0', 'stability.sd3-large-v1:0'),
        profile('abc123', 'anthropic.claude-3-haiku-20240307-v1:0', 'APPLICATION'),
    ];

    it('offers text and embedding models and profiles, not image models or variants', () => {
        const ids = buildModelChoices(models, profiles, []).map((c) => c.id);
        assert.ok(ids.includes('anthropic.claude-3-haiku-20240307-v1:0'));
        assert.ok(ids.includes('amazon.titan-embed-text-v2:0'));
        assert.ok(ids.includes('us.anthropic.claude-3-haiku-20240307-v1:0'));
        assert.ok(!ids.includes('anthropic.claude-3-haiku-20240307-v1:0:200k'));
        assert.ok(!ids.includes('stability.sd3-large-v1:0'));
        assert.ok(!ids.includes('us.stability.sd3-large-v1:0'));
    });

    it('names application profiles by ARN', () => {
        const application = buildModelChoices(models, profiles, []).find(
            (c) => c.kind === 'application-profile',
        );
        assert.equal(
            application?.id,
            'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123',
        );
    });

    it('lists recently used models first, in order of use', () => {
        const recent = [
            'amazon.titan-embed-text-v2:0',
            'us.anthropic.claude-3-haiku-20240307-v1:0',
        ];
        const choices = buildModelChoices(models, profiles, recent);
        assert.deepEqual(
            choices.slice(0, 2).map((c) => c.id),
            recent,
        );
        assert.equal(choices[0]?.recent, true);
        assert.equal(choices[2]?.recent, false);
    });

    it('marks models reachable only through a profile', () => {
        const nova = buildModelChoices(models, profiles, []).find(
            (c) => c.id === 'amazon.nova-lite-v1:0',
        );
        assert.match(nova?.description ?? '', /inference profile/);
    });

    it('keeps a short recently-used list', () => {
        assert.deepEqual(rememberRecent(['a', 'b', 'c'], 'b'), ['b', 'a', 'c']);
        assert.equal(
            rememberRecent(
                Array.from({ length: 12 }, (_, i) => `m${i}`),
                'new',
            ).length,
            10,
        );
    });
});

describe('model step rows', () => {
    const haiku = 'anthropic.claude-3-haiku-20240307-v1:0';
    const titan = 'amazon.titan-embed-text-v2:0';
    const listed = buildModelChoices(
        [model(haiku, ['TEXT']), model(titan, ['EMBEDDING'])],
        [],
        [],
    );

    it('calls nothing recently used in a workspace that never submitted', () => {
        const notes = listed.map((choice) => choiceNotes(choice, titan));
        assert.ok(notes.every((note) => !note.includes('recently used')), notes.join(' / '));
        assert.match(notes[listed.findIndex((c) => c.id === titan)] ?? '', /^this file's check/);
    });

    it("puts the file's check model first, listed or not", () => {
        const { ordered, unlistedFileModel } = checkModelFirst(listed, titan);
        assert.deepEqual(
            ordered.map((c) => c.id),
            [titan, haiku],
        );
        assert.equal(unlistedFileModel, undefined);
        const other = checkModelFirst(listed, 'cohere.embed-english-v3');
        assert.equal(other.unlistedFileModel, 'cohere.embed-english-v3');
        assert.equal(checkModelFirst(listed, undefined).unlistedFileModel, undefined);
    });
});

describe('fileCheckModel', () => {
    it('gives the resolved model as the default, and nothing for generic rules', () => {
        const model = { modelId: 'amazon.nova-lite-v1:0', invocationType: 'Converse' } as const;
        assert.deepEqual(fileCheckModel({ model, source: 'workspace' }), model);
        assert.deepEqual(fileCheckModel({ model, source: 'setting' }), model);
        assert.equal(
            fileCheckModel({ model: { invocationType: 'InvokeModel' }, source: 'none' }),
            undefined,
        );
    });
});

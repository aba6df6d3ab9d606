import * as assert from 'node:assert/strict';
import { classifyTyped, type ListedModel } from '../../../src/submit/typedModel';

const listed: ListedModel[] = [
    {
        id: 'anthropic.claude-3-haiku-20240307-v1:0',
        label: 'anthropic.claude-3-haiku-20240307-v1:0',
        description: 'Claude 3 Haiku · Anthropic',
    },
    {
        id: 'us.anthropic.claude-3-haiku-20240307-v1:0',
        label: 'us.anthropic.claude-3-haiku-20240307-v1:0',
        description: 'US Anthropic Claude 3 Haiku · cross-region profile',
    },
    { id: 'amazon.nova-lite-v1:0', label: 'amazon.nova-lite-v1:0', description: 'Nova Lite' },
    {
        id: 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123',
        label: 'team-haiku',
        description: 'application inference profile',
    },
];

describe('classifyTyped', () => {
    it('only filters for part of a listed id', () => {
        assert.deepEqual(classifyTyped('claude-3-haiku', listed, true), { kind: 'filter' });
        assert.deepEqual(classifyTyped('Nova Lite', listed, true), { kind: 'filter' });
    });

    it('adds no row for a listed id typed in full', () => {
        assert.deepEqual(classifyTyped('amazon.nova-lite-v1:0', listed, true), { kind: 'none' });
        assert.deepEqual(classifyTyped('  ', listed, true), { kind: 'none' });
        assert.deepEqual(classifyTyped(listed[3]?.id ?? '', listed, true), { kind: 'none' });
    });

    it('flags a well-formed id the region does not list', () => {
        assert.deepEqual(classifyTyped('amazon.nova-lite', listed, true), {
            kind: 'unlisted',
            id: 'amazon.nova-lite',
            listChecked: true,
        });
        assert.deepEqual(classifyTyped('amazon.nova-lite', listed, false), {
            kind: 'unlisted',
            id: 'amazon.nova-lite',
            listChecked: false,
        });
    });

    it('accepts the ARN of a listed model or profile without a warning', () => {
        const arn =
            'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0';
        assert.deepEqual(classifyTyped(arn, listed, true), {
            kind: 'listedArn',
            id: arn,
            listedId: 'anthropic.claude-3-haiku-20240307-v1:0',
        });
    });

    it('says why text that matches nothing is no model id', () => {
        const typed = classifyTyped('gpt-4', listed, true);
        assert.equal(typed.kind, 'invalid');
        assert.match(
            typed.kind === 'invalid' ? typed.problem : '',
            /"gpt-4" is not a model id, inference profile id or model ARN/,
        );
    });
});

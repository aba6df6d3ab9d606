import * as assert from 'node:assert/strict';
import { admitModelIds, admitRegion } from '../../../src/metrics/pageRequests';
import type { ModelOption } from '../../../src/metrics/protocol';

const listed: ModelOption[] = [
    { id: 'anthropic.claude-3-haiku-20240307-v1:0', metrics: ['NumberOfRecordsPendingProcessing'] },
    { id: 'amazon.nova-lite-v1:0', metrics: ['NumberOfRecordsPendingProcessing'] },
];

describe('metrics/pageRequests', () => {
    const offered = ['us-east-1', 'us-west-2'];

    it('takes a region the panel offered, or keeps the current one', () => {
        assert.deepEqual(admitRegion('us-west-2', offered, 'us-east-1'), { region: 'us-west-2' });
        assert.deepEqual(admitRegion(undefined, offered, 'us-east-1'), { region: 'us-east-1' });
        // The current region may be one a command named and no longer in the list.
        assert.deepEqual(admitRegion('eu-west-3', offered, 'eu-west-3'), { region: 'eu-west-3' });
        assert.deepEqual(admitRegion(undefined, offered, undefined), {});
    });

    it('refuses a region the panel never offered and names it', () => {
        assert.deepEqual(admitRegion('attacker-chosen-9', offered, 'us-east-1'), {
            region: 'us-east-1',
            refused: 'attacker-chosen-9',
        });
        assert.deepEqual(admitRegion('eu-west-9', offered, undefined), { refused: 'eu-west-9' });
    });

    it('takes listed model ids and known ones, refusing the rest', () => {
        const known = new Set(['us.anthropic.claude-3-5-sonnet-20240620-v1:0']);
        assert.deepEqual(
            admitModelIds(
                [
                    'amazon.nova-lite-v1:0',
                    'made.up-model',
                    'us.anthropic.claude-3-5-sonnet-20240620-v1:0',
                ],
                listed,
                known,
            ),
            {
                modelIds: ['amazon.nova-lite-v1:0', 'us.anthropic.claude-3-5-sonnet-20240620-v1:0'],
                refused: ['made.up-model'],
            },
        );
        assert.deepEqual(admitModelIds([], listed, known), { modelIds: [], refused: [] });
    });
});

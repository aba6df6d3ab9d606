import * as assert from 'node:assert/strict';
import { regionChoice } from '../../../src/metrics/regionChoices';

describe('Batch Metrics region picker', () => {
    it("offers the Batch Jobs view's regions first, then the others, each once", () => {
        assert.deepEqual(
            regionChoice({
                viewRegions: ['eu-west-3', 'us-east-1'],
                settingsRegions: ['us-east-1', 'ap-south-1'],
                defaultRegion: 'us-west-2',
                requested: 'sa-east-1',
            }),
            {
                regions: ['eu-west-3', 'us-east-1', 'ap-south-1', 'us-west-2', 'sa-east-1'],
                region: 'sa-east-1',
            },
        );
    });

    it('shows the first offered region when none is asked for', () => {
        assert.deepEqual(
            regionChoice({ viewRegions: [], settingsRegions: [], defaultRegion: 'us-west-2' }),
            { regions: ['us-west-2'], region: 'us-west-2' },
        );
        assert.deepEqual(regionChoice({ viewRegions: [], settingsRegions: [] }), { regions: [] });
    });

    it("offers the sandbox's region alone, whatever the account's regions are", () => {
        assert.deepEqual(
            regionChoice({
                sandboxRegion: 'us-east-1',
                viewRegions: ['us-east-1', 'eu-west-3'],
                settingsRegions: ['eu-west-3', 'ap-south-1'],
                defaultRegion: 'us-east-1',
                requested: 'ap-south-1',
            }),
            { regions: ['us-east-1'], region: 'us-east-1' },
        );
    });
});

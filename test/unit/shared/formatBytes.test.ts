import * as assert from 'node:assert/strict';
import { formatBytes } from '../../../src/shared/formatBytes';

describe('formatBytes', () => {
    it('counts small sizes in bytes', () => {
        assert.equal(formatBytes(0), '0 bytes');
        assert.equal(formatBytes(1), '1 byte');
        assert.equal(formatBytes(999), '999 bytes');
    });

    it('uses decimal units with one decimal, as the download notifications do', () => {
        assert.equal(formatBytes(1000), '1.0 KB');
        assert.equal(formatBytes(157_340), '157.3 KB');
        assert.equal(formatBytes(292_800), '292.8 KB');
        assert.equal(formatBytes(1_500_000), '1.5 MB');
        assert.equal(formatBytes(5_000_000_000), '5.0 GB');
        assert.equal(formatBytes(1_234_567_890_123), '1.2 TB');
    });

    it('moves to the next unit instead of writing 1,000.0 of the smaller one', () => {
        assert.equal(formatBytes(999_960), '1.0 MB');
        assert.equal(formatBytes(999_940), '999.9 KB');
    });
});

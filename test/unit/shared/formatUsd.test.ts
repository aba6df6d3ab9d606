import * as assert from 'node:assert/strict';
import { formatPrice, formatUsd } from '../../../src/shared/formatUsd';

describe('formatUsd', () => {
    it('writes cents from one cent up, with thousands separators', () => {
        assert.equal(formatUsd(0.06), '$0.06');
        assert.equal(formatUsd(12.345), '$12.35');
        assert.equal(formatUsd(1234.5), '$1,234.50');
        assert.equal(formatUsd(0), '$0.00');
    });

    it('keeps two significant digits below a cent instead of "< $0.01"', () => {
        assert.equal(formatUsd(0.0034), '$0.0034');
        assert.equal(formatUsd(0.004), '$0.0040');
        assert.equal(formatUsd(0.00042), '$0.00042');
        assert.equal(formatUsd(0.009996), '$0.01');
        assert.equal(formatUsd(0.00002), '< $0.0001');
    });

    it('writes prices per million tokens with at least cents', () => {
        assert.equal(formatPrice(0.4), '$0.40');
        assert.equal(formatPrice(2), '$2.00');
        assert.equal(formatPrice(0.125), '$0.125');
        assert.equal(formatPrice(0.0175), '$0.0175');
    });
});

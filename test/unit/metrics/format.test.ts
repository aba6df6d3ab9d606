import * as assert from 'node:assert/strict';
import {
    formatCompact,
    formatExact,
    formatMetricValue,
    formatPeriod,
} from '../../../src/metrics/format';

describe('metrics number formatting', () => {
    it('shortens large numbers with one decimal', () => {
        assert.equal(formatCompact(1_234_567), '1.2M');
        assert.equal(formatCompact(1500), '1.5K');
        assert.equal(formatCompact(12_345), '12.3K');
        assert.equal(formatCompact(2_000_000_000), '2B');
        assert.equal(formatCompact(3.25e12), '3.3T');
    });

    it('keeps small numbers readable', () => {
        assert.equal(formatCompact(0), '0');
        assert.equal(formatCompact(999), '999');
        assert.equal(formatCompact(12.34), '12.3');
        assert.equal(formatCompact(0.25), '0.25');
        assert.equal(formatCompact(-1500), '-1.5K');
    });

    it('moves up a unit instead of showing 1000K', () => {
        assert.equal(formatCompact(999_950), '1M');
        assert.equal(formatCompact(999.96), '1K');
    });

    it('shows a dash for values that are not numbers', () => {
        assert.equal(formatCompact(Number.NaN), '–');
        assert.equal(formatExact(Number.POSITIVE_INFINITY), '–');
    });

    it('adds the unit', () => {
        assert.equal(formatMetricValue(1_200_000, 'tokens/min'), '1.2M tokens/min');
        assert.equal(formatMetricValue(3, 'records'), '3 records');
    });

    it('writes exact values with thousands separators', () => {
        assert.equal(formatExact(1_234_567.5), '1,234,567.5');
        assert.equal(formatExact(-1000), '-1,000');
        assert.equal(formatExact(0.125), '0.13');
        assert.equal(formatExact(12), '12');
    });

    it('names periods in the largest whole unit', () => {
        assert.equal(formatPeriod(60), '1 min');
        assert.equal(formatPeriod(300), '5 min');
        assert.equal(formatPeriod(3600), '1 h');
        assert.equal(formatPeriod(21_600), '6 h');
        assert.equal(formatPeriod(86_400), '1 d');
        assert.equal(formatPeriod(90), '90 s');
    });
});

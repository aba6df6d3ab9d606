import * as assert from 'node:assert/strict';
import { expectedJobMs, demoPace } from '../../../../src/localAws/bedrock/demoPace';

describe('sandbox pace', () => {
    it('runs a 300-record job in two minutes at speed 1', () => {
        assert.equal(expectedJobMs(300, demoPace(1)), 120_000);
    });

    it('halves the phases and doubles the record rate at speed 2', () => {
        assert.deepEqual(demoPace(2), {
            submittedMs: 2_500,
            validatingMs: 7_500,
            scheduledMs: 5_000,
            stoppingMs: 2_500,
            recordsPerMinute: 400,
        });
        assert.equal(expectedJobMs(300, demoPace(2)), 60_000);
    });

    it('refuses speeds that stop or run away', () => {
        for (const speed of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 61]) {
            assert.throws(() => demoPace(speed), RangeError, String(speed));
        }
    });
});

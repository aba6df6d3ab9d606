import * as assert from 'node:assert/strict';
import { NO_OUTPUT_MESSAGE, parseOutputLine } from '../../../src/results/outputLine';

describe('results/outputLine', () => {
    it('reads a successful record', () => {
        const parsed = parseOutputLine(
            '{"modelInput":{"prompt":"hi"},"modelOutput":{"generation":"yo"},"recordId":"r1"}',
        );
        assert.deepEqual(parsed, {
            ok: true,
            record: {
                recordId: 'r1',
                modelInput: { prompt: 'hi' },
                modelOutput: { generation: 'yo' },
                error: undefined,
            },
        });
    });

    it('reads the error object of a failed record', () => {
        const parsed = parseOutputLine(
            '{"modelInput":{},"error":{"errorCode":400,"errorMessage":"bad request"},' +
                '"recordId":"r2"}',
        );
        assert.ok(parsed.ok);
        assert.deepEqual(parsed.record.error, { code: '400', message: 'bad request' });
        assert.equal(parsed.record.modelOutput, undefined);
    });

    it('accepts an error given as plain text', () => {
        const parsed = parseOutputLine('{"recordId":"r3","error":"throttled"}');
        assert.ok(parsed.ok);
        assert.deepEqual(parsed.record.error, { code: undefined, message: 'throttled' });
    });

    it('counts a line with neither modelOutput nor error as failed', () => {
        const parsed = parseOutputLine('{"recordId":"r4","modelInput":{}}');
        assert.ok(parsed.ok);
        assert.equal(parsed.record.error?.message, NO_OUTPUT_MESSAGE);
    });

    it('reads a numeric record id as its text', () => {
        const parsed = parseOutputLine('{"recordId":7,"modelOutput":{}}');
        assert.ok(parsed.ok);
        assert.equal(parsed.record.recordId, '7');
    });

    it('reports a line that is not JSON, or not an object', () => {
        const broken = parseOutputLine('{"recordId":"r5","modelOutput":{');
        assert.equal(broken.ok, false);
        assert.match(broken.ok ? '' : broken.problem, /^not valid JSON/);
        assert.deepEqual(parseOutputLine('[1,2]'), { ok: false, problem: 'not a JSON object' });
    });
});

import * as assert from 'node:assert/strict';
import { alarmInput } from '../../../src/metrics/alarmInput';
import { batchAlarmRows } from '../../../src/metrics/alarmRows';
import { presetDraft } from '../../../src/metrics/alarmPresets';

describe('alarm rows', () => {
    it('lists only alarms on batch metrics, with state, models and condition', () => {
        const high = alarmInput(
            presetDraft('highInputTokens', 'm1', 'arn:aws:sns:us-east-1:123456789012:t'),
        );
        const stalled = alarmInput(presetDraft('stalledModel', 'm2', ''));
        assert.ok(high.ok && stalled.ok);
        const rows = batchAlarmRows([
            {
                ...high.input,
                StateValue: 'ALARM',
                StateReason: 'Threshold crossed',
                StateUpdatedTimestamp: new Date(5000),
            },
            { ...stalled.input, StateValue: 'OK' },
            {
                AlarmName: 'cpu',
                Namespace: 'AWS/EC2',
                MetricName: 'CPUUtilization',
                StateValue: 'ALARM',
            },
        ]);
        assert.deepEqual(
            rows.map((r) => [r.name, r.state, r.metric, r.modelIds]),
            [
                [
                    'bedrock-batch high-input-tokens m1',
                    'ALARM',
                    'NumberOfInputTokensProcessedPerMinute',
                    ['m1'],
                ],
                ['bedrock-batch stalled m2', 'OK', 'metric math', ['m2']],
            ],
        );
        assert.equal(rows[0]?.condition, 'Average > 1M for 1 of 1 × 6 h');
        assert.equal(rows[0]?.stateUpdated, 5000);
        assert.deepEqual(rows[0]?.actions, ['arn:aws:sns:us-east-1:123456789012:t']);
        assert.equal(
            rows[1]?.condition,
            'IF(pending > 0 AND FILL(tokens, 0) == 0, 1, 0) >= 1 for 3 of 3 × 5 min',
        );
    });
});

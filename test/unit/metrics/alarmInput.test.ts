import * as assert from 'node:assert/strict';
import { alarmInput, draftProblems, stalledExpression } from '../../../src/metrics/alarmInput';
import { presetDraft } from '../../../src/metrics/alarmPresets';
import type { MetricAlarmDraft } from '../../../src/metrics/protocol';

const claude = 'anthropic.claude-3-haiku-20240307-v1:0';
const topic = 'arn:aws:sns:us-east-1:123456789012:batch-alerts';

describe('alarm drafts to PutMetricAlarm', () => {
    it('turns the high input token preset into the 6-hour average alarm', () => {
        const built = alarmInput(presetDraft('highInputTokens', claude, topic));
        assert.ok(built.ok);
        const input = built.input;
        assert.equal(input.Namespace, 'AWS/Bedrock/Batch');
        assert.equal(input.MetricName, 'NumberOfInputTokensProcessedPerMinute');
        assert.deepEqual(input.Dimensions, [{ Name: 'ModelId', Value: claude }]);
        assert.equal(input.Statistic, 'Average');
        assert.equal(input.Period, 21_600);
        assert.equal(input.EvaluationPeriods, 1);
        assert.equal(input.Threshold, 1_000_000);
        assert.equal(input.ComparisonOperator, 'GreaterThanThreshold');
        assert.equal(input.TreatMissingData, 'notBreaching');
        assert.deepEqual(input.AlarmActions, [topic]);
        assert.equal(input.AlarmName, `bedrock-batch high-input-tokens ${claude}`);
        assert.equal(input.Metrics, undefined);
    });

    it('turns the stalled preset into a metric math alarm', () => {
        const built = alarmInput(presetDraft('stalledModel', claude, ''));
        assert.ok(built.ok);
        const input = built.input;
        assert.equal(input.MetricName, undefined);
        assert.equal(input.AlarmActions, undefined);
        const metrics = input.Metrics ?? [];
        assert.deepEqual(
            metrics.map((m) => [m.Id, m.ReturnData]),
            [
                ['pending', false],
                ['tokens', false],
                ['stalled', true],
            ],
        );
        assert.equal(metrics[2]?.Expression, stalledExpression);
        assert.equal(
            metrics[0]?.MetricStat?.Metric?.MetricName,
            'NumberOfRecordsPendingProcessing',
        );
        assert.equal(
            metrics[1]?.MetricStat?.Metric?.MetricName,
            'NumberOfInputTokensProcessedPerMinute',
        );
        assert.ok(metrics.slice(0, 2).every((m) => m.MetricStat?.Period === 300));
        assert.equal(input.ComparisonOperator, 'GreaterThanOrEqualToThreshold');
        assert.equal(input.Threshold, 1);
        assert.equal(input.EvaluationPeriods, 3);
        assert.equal(input.DatapointsToAlarm, 3);
        assert.equal(input.TreatMissingData, 'notBreaching');
    });

    it('refuses drafts CloudWatch would refuse, saying why', () => {
        const good = presetDraft('custom', claude, '') as MetricAlarmDraft;
        assert.deepEqual(draftProblems(good), []);
        const problems = (draft: Partial<MetricAlarmDraft>): string =>
            draftProblems({ ...good, ...draft }).join(' ');
        assert.match(problems({ alarmName: ' ' }), /name/);
        assert.match(problems({ alarmName: 'x'.repeat(256) }), /255/);
        assert.match(problems({ alarmName: 'a\nb' }), /control characters/);
        assert.match(problems({ period: 90 }), /whole number of minutes/);
        assert.match(problems({ evaluationPeriods: 0 }), /at least 1/);
        assert.match(
            problems({ datapointsToAlarm: 3, evaluationPeriods: 2 }),
            /between 1 and the evaluation periods/,
        );
        assert.match(problems({ threshold: Number.NaN }), /number/);
        assert.match(problems({ topicArn: 'batch-alerts' }), /not an SNS topic ARN/);
        const built = alarmInput({ ...good, alarmName: '' });
        assert.equal(built.ok, false);
    });
});

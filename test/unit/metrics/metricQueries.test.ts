import * as assert from 'node:assert/strict';
import {
    buildMetricDataQueries,
    isClaudeModel,
    planSeries,
    plannedMetrics,
    seriesFromResults,
} from '../../../src/metrics/metricQueries';
import type { ModelOption } from '../../../src/metrics/protocol';

const claude = 'anthropic.claude-3-haiku-20240307-v1:0';
const nova = 'amazon.nova-lite-v1:0';

describe('metric data queries', () => {
    it('recognises Claude models in every id form', () => {
        assert.equal(isClaudeModel(claude), true);
        assert.equal(isClaudeModel(`us.${claude}`), true);
        assert.equal(isClaudeModel(`arn:aws:bedrock:us-east-1::foundation-model/${claude}`), true);
        assert.equal(isClaudeModel(nova), false);
    });

    it('asks for the Claude-only metric for Claude models only', () => {
        const plan = planSeries([claude, nova], []);
        const pending = plan
            .filter((p) => p.metric === 'NumberOfTokensPendingProcessing')
            .map((p) => p.modelId);
        assert.deepEqual(pending, [claude]);
        assert.equal(plan.length, 7);
        assert.deepEqual(plannedMetrics(plan), [
            'NumberOfRecordsPendingProcessing',
            'NumberOfInputTokensProcessedPerMinute',
            'NumberOfOutputTokensProcessedPerMinute',
            'NumberOfTokensPendingProcessing',
        ]);
    });

    it('follows ListMetrics when it lists the metrics of a model', () => {
        const options: ModelOption[] = [
            { id: claude, metrics: ['NumberOfRecordsPendingProcessing'] },
            {
                id: nova,
                metrics: ['NumberOfRecordsPendingProcessing', 'NumberOfTokensPendingProcessing'],
            },
        ];
        const pending = planSeries([claude, nova], options)
            .filter((p) => p.metric === 'NumberOfTokensPendingProcessing')
            .map((p) => p.modelId);
        assert.deepEqual(pending, [nova]);
    });

    it('builds one MetricStat query per series with ids CloudWatch accepts', () => {
        const plan = planSeries([claude, 'model "<b>x</b>"'], []);
        const queries = buildMetricDataQueries(plan, 300);
        assert.equal(queries.length, plan.length);
        for (const query of queries) {
            assert.match(query.Id ?? '', /^[a-z][A-Za-z0-9_]*$/);
            assert.equal(query.ReturnData, true);
            assert.equal(query.MetricStat?.Period, 300);
            assert.equal(query.MetricStat?.Metric?.Namespace, 'AWS/Bedrock/Batch');
        }
        assert.equal(new Set(queries.map((q) => q.Id)).size, queries.length);
        const first = queries[0];
        assert.deepEqual(first?.MetricStat?.Metric?.Dimensions, [
            { Name: 'ModelId', Value: claude },
        ]);
        assert.equal(first?.MetricStat?.Stat, 'Maximum');
        const input = queries.find(
            (q) => q.MetricStat?.Metric?.MetricName === 'NumberOfInputTokensProcessedPerMinute',
        );
        assert.equal(input?.MetricStat?.Stat, 'Average');
    });

    it('turns results back into series, oldest point first', () => {
        const plan = planSeries([nova], []);
        const t = (minute: number): Date => new Date(Date.UTC(2025, 5, 1, 10, minute));
        const series = seriesFromResults(plan, [
            { Id: plan[1]?.id, Timestamps: [t(2), t(1)], Values: [20, 10], StatusCode: 'Complete' },
            { Id: plan[0]?.id, Timestamps: [t(1)], Values: [5], StatusCode: 'PartialData' },
        ]);
        assert.deepEqual(
            series.map((s) => s.metric),
            [
                'NumberOfRecordsPendingProcessing',
                'NumberOfInputTokensProcessedPerMinute',
                'NumberOfOutputTokensProcessedPerMinute',
            ],
        );
        assert.deepEqual(series[1]?.points, [
            [t(1).getTime(), 10],
            [t(2).getTime(), 20],
        ]);
        assert.equal(series[0]?.status, 'PartialData');
        assert.equal(series[1]?.status, undefined);
        assert.deepEqual(series[2]?.points, []);
    });
});

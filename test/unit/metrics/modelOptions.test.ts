import * as assert from 'node:assert/strict';
import {
    matchListedModels,
    matchModelOption,
    mergeModelOptions,
    modelOptionsFromMetrics,
    needsRelisting,
    sameModelOptions,
    unlistedModels,
} from '../../../src/metrics/modelOptions';

const claude = 'anthropic.claude-3-haiku-20240307-v1:0';

describe('model options from ListMetrics', () => {
    it('offers each ModelId value once with its batch metrics in catalogue order', () => {
        const options = modelOptionsFromMetrics([
            {
                Namespace: 'AWS/Bedrock/Batch',
                MetricName: 'NumberOfInputTokensProcessedPerMinute',
                Dimensions: [{ Name: 'ModelId', Value: claude }],
            },
            {
                Namespace: 'AWS/Bedrock/Batch',
                MetricName: 'NumberOfRecordsPendingProcessing',
                Dimensions: [{ Name: 'ModelId', Value: claude }],
            },
            {
                Namespace: 'AWS/Bedrock/Batch',
                MetricName: 'NumberOfRecordsPendingProcessing',
                Dimensions: [{ Name: 'ModelId', Value: 'amazon.nova-lite-v1:0' }],
            },
            {
                Namespace: 'AWS/Bedrock/Batch',
                MetricName: 'SomethingElse',
                Dimensions: [{ Name: 'ModelId', Value: 'meta.x' }],
            },
            {
                Namespace: 'AWS/Bedrock/Batch',
                MetricName: 'NumberOfRecordsPendingProcessing',
                Dimensions: [],
            },
        ]);
        assert.deepEqual(options, [
            { id: 'amazon.nova-lite-v1:0', metrics: ['NumberOfRecordsPendingProcessing'] },
            {
                id: claude,
                metrics: [
                    'NumberOfRecordsPendingProcessing',
                    'NumberOfInputTokensProcessedPerMinute',
                ],
            },
        ]);
    });

    it('matches a job model id to the listed id of the same base model', () => {
        const options = [{ id: claude, metrics: [] }];
        assert.equal(matchModelOption(claude, options), claude);
        assert.equal(matchModelOption(`us.${claude}`, options), claude);
        assert.equal(
            matchModelOption(`arn:aws:bedrock:us-east-1::foundation-model/${claude}`, options),
            claude,
        );
        assert.equal(matchModelOption('amazon.nova-lite-v1:0', options), undefined);
    });

    it('does not guess between two listed forms of the same model', () => {
        const options = [
            { id: claude, metrics: [] },
            { id: `us.${claude}`, metrics: [] },
        ];
        assert.equal(matchModelOption(`eu.${claude}`, options), undefined);
        assert.equal(matchModelOption(`us.${claude}`, options), `us.${claude}`);
    });

    it('names the chosen models CloudWatch does not list', () => {
        assert.deepEqual(unlistedModels(['a', 'b'], [{ id: 'a', metrics: [] }]), ['b']);
    });

    it('lists again while nothing is listed or a chosen model is missing, not otherwise', () => {
        const listed = [{ id: claude, metrics: [] }];
        assert.equal(needsRelisting([], []), true);
        assert.equal(needsRelisting([claude], []), true);
        assert.equal(needsRelisting([claude, 'amazon.nova-lite-v1:0'], listed), true);
        assert.equal(needsRelisting([claude], listed), false);
        assert.equal(needsRelisting([], listed), false);
    });

    it('adds what a recent listing found to what was known, metrics merged', () => {
        const merged = mergeModelOptions(
            [
                { id: claude, metrics: ['NumberOfInputTokensProcessedPerMinute'] },
                { id: 'meta.llama3-8b-instruct-v1:0', metrics: [] },
            ],
            [
                { id: claude, metrics: ['NumberOfRecordsPendingProcessing'] },
                { id: 'amazon.nova-lite-v1:0', metrics: ['NumberOfRecordsPendingProcessing'] },
            ],
        );
        assert.deepEqual(merged, [
            { id: 'amazon.nova-lite-v1:0', metrics: ['NumberOfRecordsPendingProcessing'] },
            {
                id: claude,
                metrics: [
                    'NumberOfRecordsPendingProcessing',
                    'NumberOfInputTokensProcessedPerMinute',
                ],
            },
            { id: 'meta.llama3-8b-instruct-v1:0', metrics: [] },
        ]);
        assert.equal(sameModelOptions(merged, mergeModelOptions(merged, [])), true);
        assert.equal(sameModelOptions(merged, merged.slice(1)), false);
        assert.equal(sameModelOptions(undefined, []), true);
    });

    it('moves a chosen id to the form CloudWatch lists once it is listed', () => {
        const listed = [{ id: `us.${claude}`, metrics: [] }];
        assert.deepEqual(matchListedModels([claude, 'meta.x'], []), [claude, 'meta.x']);
        assert.deepEqual(matchListedModels([claude, 'meta.x'], listed), [`us.${claude}`, 'meta.x']);
        assert.deepEqual(matchListedModels([claude, `us.${claude}`], listed), [`us.${claude}`]);
    });
});
